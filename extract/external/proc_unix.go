//go:build unix

package external

import (
	"os/exec"
	"syscall"
)

// setGroup makes cmd start in a process group of its own, so that
// killGroup reaches the program's children too, and on Linux has the
// kernel kill the program when exbench dies, even by SIGKILL.
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	setDeathSignal(cmd.SysProcAttr)
}

// killGroup kills the process group that cmd leads: the program and every
// process it started that did not leave the group.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // fails only when the group is gone already
}
