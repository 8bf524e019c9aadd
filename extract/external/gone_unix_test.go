//go:build unix

package external

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"
)

// checkGone fails the test unless process pid is gone, or a zombie that
// only waits to be reaped, within 5 seconds.
func checkGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) || zombie(pid) {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("process %d is still running", pid)
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// zombie reports whether /proc says process pid has exited but was not
// reaped (by an init that does not reap orphans, as in some containers).
func zombie(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(data, ')') // the state follows the command name in parentheses
	return i >= 0 && i+2 < len(data) && data[i+2] == 'Z'
}
