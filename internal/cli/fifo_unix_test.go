//go:build unix

package cli

import (
	"os"
	"syscall"
	"testing"
)

// mkfifo makes a named pipe at path.
func mkfifo(t *testing.T, path string) {
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// devZero makes path a symbolic link to /dev/zero, which never ends.
func devZero(t *testing.T, path string) {
	if err := os.Symlink("/dev/zero", path); err != nil {
		t.Fatal(err)
	}
}
