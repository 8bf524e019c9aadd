//go:build !unix

package cli

import "testing"

func mkfifo(t *testing.T, path string) { t.Skip("no named pipes") }

func devZero(t *testing.T, path string) { t.Skip("no /dev/zero") }
