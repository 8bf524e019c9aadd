package external

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var cmpMentions = cmp.Options{cmp.AllowUnexported(corpus.Value{})}

// binDir holds the programs the tests build; TestMain removes it.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "external-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var (
	buildOnce sync.Once
	buildErr  error
)

// fakener returns the path of testdata/fakener, built on first use. It
// skips the test when there is no go command to build it with.
func fakener(t testing.TB) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on $PATH to build testdata/fakener")
	}
	bin := filepath.Join(binDir, "fakener")
	buildOnce.Do(func() {
		cmd := exec.Command(goCmd, "build", "-o", bin, "./testdata/fakener")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build ./testdata/fakener: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return bin
}

// shellQuote quotes s as one word for splitWords and sh alike.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// newFake returns an extractor running fakener in mode, closed at the end
// of the test.
func newFake(t *testing.T, mode string, timeout time.Duration) *Extractor {
	t.Helper()
	x, err := New(Config{Command: shellQuote(fakener(t)) + " " + mode, Name: "fakener", Version: "1", Timeout: timeout, LoadTimeout: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// capitalisedCases are documents marked as fakener's ok mode and the
// Python example tag them: every capitalised word is a PERSON.
var capitalisedCases = []struct{ id, marked string }{
	{"quotes", "“⟦Émile|PERSON⟧” met ⟦Ada|PERSON⟧\u00a0in ⟦Zürich|PERSON⟧,\nsaid ⟦O|PERSON⟧’⟦Brien|PERSON⟧."},
	{"none", "no names here — “none”"},
	{"empty", ""},
	{"tab", "\t⟦José|PERSON⟧\t⟦Ñandú_2|PERSON⟧ <b>&amp;</b> ⟦Ü|PERSON⟧"},
}

// checkCapitalised runs x over capitalisedCases; with scores, x scores
// every third mention 0.9, as fakener does.
func checkCapitalised(t *testing.T, x *Extractor, scores bool) {
	t.Helper()
	for _, tc := range capitalisedCases {
		text, want := marks.MustParse(tc.id, tc.marked)
		for i := range want {
			if scores && i%3 == 0 {
				want[i].Score, want[i].HasScore = 0.9, true
			}
		}
		got, err := x.Extract(context.Background(), corpus.Doc{ID: tc.id, Text: text})
		if err != nil {
			t.Fatalf("Extract(%s): %v", tc.id, err)
		}
		if diff := cmp.Diff(want, got, cmpMentions, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Extract(%s) (-want +got):\n%s", tc.id, diff)
		}
	}
}

func TestExtract(t *testing.T) {
	t.Parallel()
	x := newFake(t, "ok", 0)
	if x.Name() != "fakener" || x.Version() != "1" {
		t.Errorf("Name(), Version() = %q, %q, want fakener, 1", x.Name(), x.Version())
	}
	checkCapitalised(t, x, true)
	if err := x.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	if err := x.Close(); err != nil {
		t.Errorf("second Close() = %v", err)
	}
	_, err := x.Extract(context.Background(), corpus.Doc{ID: "d1"})
	if !errors.Is(err, ErrClosed) {
		t.Errorf("Extract after Close = %v, want ErrClosed", err)
	}
}

// TestPythonExample runs the example of the package documentation, which
// must agree with fakener's ok mode, and checks that doc.go shows it as it
// is in testdata.
func TestPythonExample(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/capitalised.py")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var shown strings.Builder
	for _, line := range strings.SplitAfter(string(src), "\n") {
		if line == "" {
			continue
		}
		if line == "\n" {
			shown.WriteString("//\n")
		} else {
			shown.WriteString("//\t" + line)
		}
	}
	if !strings.Contains(string(doc), shown.String()) {
		t.Errorf("doc.go does not show testdata/capitalised.py as it is; want:\n%s", shown.String())
	}
	if n := strings.Count(string(src), "\n"); n != 10 {
		t.Errorf("testdata/capitalised.py has %d lines, want 10", n)
	}

	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 on $PATH")
	}
	x, err := New(Config{Command: shellQuote(python) + " testdata/capitalised.py"})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if x.Name() != DefaultName || x.Version() != DefaultVersion || x.procs[0].timeout != DefaultTimeout {
		t.Errorf("defaults: Name() = %q, Version() = %q, timeout %v", x.Name(), x.Version(), x.procs[0].timeout)
	}
	checkCapitalised(t, x, false)
	if err := x.Close(); err != nil {
		t.Errorf("Close() = %v", err)
	}
}

func TestShell(t *testing.T) {
	t.Parallel()
	bin := fakener(t)
	x, err := New(Config{Command: "echo starting >&2; FAKENER_MODE=ok exec " + shellQuote(bin), Shell: true, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	checkCapitalised(t, x, true)
	if err := x.Close(); err != nil {
		t.Errorf("Close() = %v", err)
	}

	x, err = New(Config{Command: "read line; echo oops >&2; exit 2", Shell: true, Name: "sh"})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	_, err = x.Extract(context.Background(), corpus.Doc{ID: "d1", Text: "Ada"})
	want := "external sh: document \"d1\": exited with status 2 while on this document; its stderr:\noops"
	if !errors.Is(err, ErrExited) || err == nil || err.Error() != want {
		t.Errorf("Extract error = %v, want %q", err, want)
	}
}

// TestFailures runs fakener's bad modes: each fails the document it gives
// up on, with a message that says what happened, and leaves the extractor
// dead.
func TestFailures(t *testing.T) {
	for _, tc := range []struct {
		mode   string
		docs   []string // IDs of documents sent, all before the last answered well
		is     error
		want   string // the whole message
		stderr string // a part of stderr that must be shown
	}{
		{
			mode: "crash", docs: []string{"d1"}, is: ErrExited,
			want: "external fakener: document \"d1\": exited with status 3 while on this document; its stderr:\nTraceback (most recent call last):\nfakener: crash: something broke",
		},
		{
			mode: "garbage", docs: []string{"d1", "d2"}, is: ErrOutput,
			want: `external fakener: document "d2": stdout line 2: invalid JSON: invalid character 'o' in literal null (expecting 'u'); the line is "not json" (the program may be printing something else to stdout: logs and progress belong on stderr)`,
		},
		{
			mode: "wrongid", docs: []string{"d1"}, is: ErrDocID,
			want: `external fakener: document "d1": stdout line 1: doc_id "d1-x", but the document sent was "d1" (one answer line per document, in order)`,
		},
		{
			mode: "badoffset", docs: []string{"d1"}, is: ErrMention,
			want: `external fakener: document "d1": stdout line 1: mentions[0]: end: 20 is past the end of the document (length 15)`,
		},
		{
			mode: "badlabel", docs: []string{"d1"}, is: ErrMention,
			want: "external fakener: document \"d1\": stdout line 1: 2 problems with mentions:\n" +
				"\tmentions[0]: label: unknown label \"PER\" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...; another label set needs a label map, -map)\n" +
				"\tmentions[1]: label: unknown label \"PER\" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...; another label set needs a label map, -map)",
		},
		{
			mode: "late-exit-after-2-docs", docs: []string{"d1", "d2", "d3"}, is: ErrExited,
			want: `external fakener: document "d3": exited with status 0 while on this document`,
		},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			t.Parallel()
			x := newFake(t, tc.mode, 10*time.Second)
			var err error
			for i, id := range tc.docs {
				_, err = x.Extract(context.Background(), corpus.Doc{ID: id, Text: "“Ada” met Émile"})
				if i < len(tc.docs)-1 && err != nil {
					t.Fatalf("Extract(%s) = %v before the failure", id, err)
				}
			}
			if err == nil {
				t.Fatalf("Extract(%s) succeeded, want an error", tc.docs[len(tc.docs)-1])
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("Extract error %v is not %v", err, tc.is)
			}
			if err.Error() != tc.want {
				t.Errorf("Extract error =\n%s\nwant\n%s", err, tc.want)
			}
			var xe *Error
			if !errors.As(err, &xe) || xe.Name != "fakener" || xe.DocID != tc.docs[len(tc.docs)-1] {
				t.Errorf("Extract error %#v is not an *Error for the document", err)
			}
			_, again := x.Extract(context.Background(), corpus.Doc{ID: "d9", Text: "Ada"})
			if again != err {
				t.Errorf("Extract after the failure = %v, want the same error", again)
			}
			checkGone(t, x.procs[0].cmd.Process.Pid)
			if err := x.Close(); err != nil {
				t.Errorf("Close() after the failure = %v, want nil", err)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	t.Parallel()
	x := newFake(t, "hang", 200*time.Millisecond)
	begin := time.Now()
	_, err := x.Extract(context.Background(), corpus.Doc{ID: "d1", Text: "Ada"})
	if took := time.Since(begin); took > 5*time.Second {
		t.Errorf("Extract took %v with a 200ms timeout", took)
	}
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Extract error = %v, want ErrTimeout", err)
	}
	want := `external fakener: document "d1": no answer to the first document within the load timeout and the timeout, 1ms + 200ms: a program that loads a model first may need a longer load timeout, and one that does not flush its stdout after each answer never answers; its stderr:` + "\nfakener: hanging; child pid "
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Extract error =\n%s\nwant it to start\n%s", err, want)
	}
	var child int
	if _, err := fmt.Sscanf(err.Error()[len(want):], "%d", &child); err != nil {
		t.Fatalf("no child pid in the error: %v", err)
	}
	checkGone(t, x.procs[0].cmd.Process.Pid)
	checkGone(t, child)
	if _, again := x.Extract(context.Background(), corpus.Doc{ID: "d2"}); again != err {
		t.Errorf("Extract after the timeout = %v, want the same error", again)
	}
}

func TestContext(t *testing.T) {
	t.Parallel()
	x := newFake(t, "ok", 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Extract(ctx, corpus.Doc{ID: "d1", Text: "Ada"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract(cancelled ctx) = %v, want context.Canceled", err)
	}
	// Nothing was sent, so the extractor still works.
	checkCapitalised(t, x, true)

	x = newFake(t, "hang", 10*time.Second)
	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := x.Extract(ctx, corpus.Doc{ID: "d1", Text: "Ada"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Extract error = %v, want context.DeadlineExceeded", err)
	}
	if want := `external fakener: document "d1": context deadline exceeded (the program was stopped)`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Extract error = %v, want it to start %q", err, want)
	}
	checkGone(t, x.procs[0].cmd.Process.Pid)
}

func TestConcurrent(t *testing.T) {
	t.Parallel()
	x := newFake(t, "ok", 10*time.Second)
	const workers, docs = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*docs)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				id := fmt.Sprintf("w%d-d%d", w, d)
				text, want := marks.MustParse(id, fmt.Sprintf("“⟦Ada|PERSON⟧” %s ⟦Émile%d|PERSON⟧", strings.Repeat("x ", d), w))
				want[0].Score, want[0].HasScore = 0.9, true // fakener scores every third mention
				got, err := x.Extract(context.Background(), corpus.Doc{ID: id, Text: text})
				if err != nil {
					errs <- err
					return
				}
				if diff := cmp.Diff(want, got, cmpMentions); diff != "" {
					errs <- fmt.Errorf("Extract(%s) (-want +got):\n%s", id, diff)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestTimeoutLater: a timeout after answers is not blamed on flushing.
func TestTimeoutLater(t *testing.T) {
	t.Parallel()
	x := newFake(t, "slow-third", 200*time.Millisecond)
	for _, id := range []string{"d1", "d2"} {
		if _, err := x.Extract(context.Background(), corpus.Doc{ID: id, Text: "Ada"}); err != nil {
			t.Fatal(err)
		}
	}
	_, err := x.Extract(context.Background(), corpus.Doc{ID: "d3", Text: "Ada"})
	want := `external fakener: document "d3": no answer within 200ms, after 2 documents answered (a slow document needs a longer timeout)`
	if !errors.Is(err, ErrTimeout) || err.Error() != want {
		t.Errorf("Extract error =\n%v\nwant\n%s", err, want)
	}
}

func TestClose(t *testing.T) {
	for _, tc := range []struct {
		mode string
		is   error
		want string
	}{
		{"ok", nil, ""},
		{"late-exit-after-2-docs", nil, ""},
		{"leave-child", nil, ""}, // exits 0 while its child holds stdout and stderr
		{"fail-on-close", ErrExited, "external fakener: exited with status 4 after the last document; its stderr:\nfakener: failing at the end"},
		{"linger", ErrTimeout, "external fakener: did not exit within 200ms of its stdin being closed, so it was killed"},
		{"extra-output", ErrOutput, `external fakener: stdout line 3: output after the answer to the last document: "bye\n"`},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			t.Parallel()
			x := newFake(t, tc.mode, 10*time.Second)
			x.procs[0].grace = 200 * time.Millisecond
			for _, id := range []string{"d1", "d2"} {
				if _, err := x.Extract(context.Background(), corpus.Doc{ID: id, Text: "Ada"}); err != nil {
					t.Fatal(err)
				}
			}
			err := x.Close()
			if tc.is == nil {
				if err != nil {
					t.Fatalf("Close() = %v, want nil", err)
				}
			} else {
				if !errors.Is(err, tc.is) {
					t.Errorf("Close() = %v, want %v", err, tc.is)
				}
				if err == nil || err.Error() != tc.want {
					t.Errorf("Close() =\n%v\nwant\n%s", err, tc.want)
				}
			}
			checkGone(t, x.procs[0].cmd.Process.Pid)
			if err := x.Close(); err != nil {
				t.Errorf("second Close() = %v", err)
			}
			if _, err := x.Extract(context.Background(), corpus.Doc{ID: "d3"}); !errors.Is(err, ErrClosed) {
				t.Errorf("Extract after Close = %v, want ErrClosed", err)
			}
		})
	}
}

func TestCloseUnstarted(t *testing.T) {
	x, err := New(Config{Command: "no-such-program"})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Errorf("Close() before any Extract = %v", err)
	}
}

func TestStartError(t *testing.T) {
	t.Parallel()
	x, err := New(Config{Command: "exbench-no-such-program --x", Name: "missing"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = x.Extract(context.Background(), corpus.Doc{ID: "d1"})
	if !errors.Is(err, exec.ErrNotFound) {
		t.Errorf("Extract error = %v, want exec.ErrNotFound", err)
	}
	want := `external missing: cannot start the program: exec: "exbench-no-such-program": executable file not found in $PATH`
	if err == nil || err.Error() != want {
		t.Errorf("Extract error = %v, want %s", err, want)
	}
	if _, again := x.Extract(context.Background(), corpus.Doc{ID: "d2"}); again != err {
		t.Errorf("second Extract = %v, want the same error", again)
	}
	if err := x.Close(); err != nil {
		t.Errorf("Close() = %v", err)
	}
}

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		argv []string
		want string // error
	}{
		{name: "words", cfg: Config{Command: ` python3  "my ner.py" --model='en core' a\ b `}, argv: []string{"python3", "my ner.py", "--model=en core", "a b"}},
		{name: "shell", cfg: Config{Command: "a | b > c", Shell: true}, argv: []string{"sh", "-c", "a | b > c"}},
		{name: "empty", cfg: Config{Command: " \t"}, want: "external: empty command"},
		{name: "empty shell", cfg: Config{Shell: true}, want: "external: empty command"},
		{name: "empty name", cfg: Config{Command: `'' x`, Name: "n"}, want: `external: command "'' x": empty program name`},
		{name: "quote", cfg: Config{Command: `python3 "ner.py`}, want: `external: command "python3 \"ner.py": unterminated double quote at column 9`},
		{name: "pipe", cfg: Config{Command: `ner | tee log`}, want: `external: command "ner | tee log": "|" at column 5 is shell syntax, but the command runs without a shell: quote it, or set Shell to run the command with sh -c`},
		{name: "timeout", cfg: Config{Command: "ner", Timeout: -time.Second}, want: "external: negative timeout -1s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := New(tc.cfg)
			if tc.want != "" {
				if err == nil || err.Error() != tc.want {
					t.Errorf("New(%+v) error = %v, want %s", tc.cfg, err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.argv, x.procs[0].argv); diff != "" {
				t.Errorf("New(%+v) argv (-want +got):\n%s", tc.cfg, diff)
			}
		})
	}
}

// TestErrorName: an extractor without a name of its own is "external
// program" in messages, not "external external".
func TestErrorName(t *testing.T) {
	for _, tc := range []struct {
		err  Error
		want string
	}{
		{Error{Name: DefaultName, DocID: "d1", Err: ErrExited}, `external program: document "d1": program exited`},
		{Error{Name: "spacy", Line: 2, Err: ErrOutput}, `external spacy: stdout line 2: malformed answer`},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}
