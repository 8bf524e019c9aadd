//go:build !unix

package external

import "os/exec"

// setGroup does nothing where there are no Unix process groups.
func setGroup(*exec.Cmd) {}

// killGroup kills the program; where there are no Unix process groups,
// its children are left alone.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
