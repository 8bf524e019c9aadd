package external

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxStderr is how many bytes of the end of the program's stderr an
// [Extractor] keeps to show in its errors.
const MaxStderr = 64 << 10

// tail is an io.Writer that keeps the last max bytes written to it. It is
// safe for concurrent use.
type tail struct {
	max   int
	mu    sync.Mutex
	buf   []byte
	total int64 // bytes written in all
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.total += int64(len(p))
	if len(p) >= t.max {
		t.buf = append(t.buf[:0], p[len(p)-t.max:]...)
		return len(p), nil
	}
	if over := len(t.buf) + len(p) - t.max; over > 0 {
		n := copy(t.buf, t.buf[over:])
		t.buf = t.buf[:n]
	}
	t.buf = append(t.buf, p...)
	return len(p), nil
}

// String returns what was kept, with white space trimmed at both ends.
// When earlier bytes were dropped, it starts at the first whole line kept
// (or the first whole character when the kept part is one line), after a
// note of how much is missing.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	kept := t.buf
	cut := t.total - int64(len(kept))
	if cut > 0 {
		if nl := bytes.IndexByte(kept, '\n'); nl >= 0 && nl < len(kept)-1 {
			cut += int64(nl + 1)
			kept = kept[nl+1:]
		}
		for len(kept) > 0 && !utf8.RuneStart(kept[0]) {
			cut++
			kept = kept[1:]
		}
	}
	s := strings.TrimSpace(string(kept))
	if cut > 0 && s != "" {
		s = fmt.Sprintf("[the first %d bytes are left out]\n%s", cut, s)
	}
	return s
}
