package external

import "syscall"

// setDeathSignal has the kernel send SIGKILL to the program when the
// thread of exbench that started it ends, which is when exbench ends: the
// Go runtime does not end its threads while the process runs, short of a
// locked goroutine exiting, which exbench does not do.
func setDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
