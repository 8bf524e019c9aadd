//go:build unix && !linux

package external

import "syscall"

// setDeathSignal does nothing: only Linux has a parent-death signal, so
// elsewhere a program outlives an exbench that is killed by SIGKILL.
func setDeathSignal(*syscall.SysProcAttr) {}
