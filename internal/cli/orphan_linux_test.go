package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestNoOrphan kills exbench (SIGKILL) while its external program hangs:
// the program does not outlive it.
func TestNoOrphan(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	bin := binary(t)
	tmp := t.TempDir()
	pidFile := filepath.Join(tmp, "pid")
	cmd := exec.Command(bin, "run", "-o", filepath.Join(tmp, "x.csv"), "-extractor", "external", "-shell",
		"-cmd", fmt.Sprintf("echo $$ > %s; exec sleep 60", pidFile))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var pid int
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		data, err := os.ReadFile(pidFile)
		if err == nil && bytes.HasSuffix(data, []byte("\n")) {
			if pid, err = strconv.Atoi(string(bytes.TrimSpace(data))); err != nil {
				t.Fatal(err)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the program did not start")
		}
	}
	time.Sleep(50 * time.Millisecond) // past the exec of sleep
	cmd.Process.Kill()
	cmd.Wait()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) || exited(pid) {
			return
		}
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the program (pid %d) outlived exbench by 5s", pid)
		}
	}
}

// exited reports whether process pid has exited but was not reaped (by
// an init that does not reap orphans, as in some containers).
func exited(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(data, ')')
	return i >= 0 && i+2 < len(data) && data[i+2] == 'Z'
}
