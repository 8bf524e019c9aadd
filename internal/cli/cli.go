package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/report"
)

// verb is one subcommand.
type verb struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func verbs() []verb {
	return []verb{
		{"bench", "run extractors, score them against the gold, write reports", runBench},
		{"run", "run an extractor over a corpus and write its mentions", runRun},
		{"score", "score predicted mentions against gold", runScore},
		{"merge", "merge partial results of parts of a corpus into its reports", runMerge},
		{"compare", "compare two systems: differences, intervals, p-values, gates", runCompare},
		{"agree", "agreement between two annotations: F1 both ways, kappa", runAgree},
		{"sweep", "score scored predictions at every threshold: P/R curve, best F1", runSweep},
		{"convert", "convert mentions between CSV, JSONL, brat and CoNLL", runConvert},
		{"validate", "check mention CSV files against a corpus", runValidate},
		{"count", "count mentions per label and document", runCount},
		{"version", "print exbench's version and the revision it was built from", nil},
		{"help", "show a verb's help: exbench help <verb>", nil},
	}
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// errFailed means the verb has already printed what went wrong: exit 1.
var errFailed = errors.New("failed")

// errGate means a gate failed: exit status 3.
var errGate = errors.New("gate failed")

// errInterrupted means the run was interrupted (SIGINT) before it was
// done: exit status 130, as a shell gives.
var errInterrupted = errors.New("interrupted; no file was written")

// errHelp is returned after -h has printed the usage: exit 0.
var errHelp = errors.New("help shown")

const mainUsage = `exbench evaluates extractors of entities and numbers against hand-labelled gold.

Usage:

	exbench <verb> [flags] [arguments]

Verbs:
%s
Run 'exbench <verb> -h' for a verb's flags and an example.
`

func printMainUsage(w io.Writer) {
	var b strings.Builder
	for _, v := range verbs() {
		fmt.Fprintf(&b, "\t%-9s %s\n", v.name, v.summary)
	}
	fmt.Fprintf(w, mainUsage, b.String())
}

// Main runs the exbench command with args (the words after the program's
// name), reports what went wrong on stderr, and returns the exit status:
// 0 ok, 1 error, 2 usage, 3 a gate failed, 130 interrupted.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return exitCode(run(ctx, args, stdout, stderr), stderr)
}

// Run runs the exbench command with args, as [Main] does, and returns what
// went wrong instead of reporting it.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return run(ctx, args, stdout, stderr)
}

// run is the whole command: it parses args, runs a verb and returns what
// went wrong, if anything. It never calls os.Exit. Output that cannot be
// written to stdout is an error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	out := &checkedWriter{w: stdout}
	err := runVerb(ctx, args, out, stderr)
	if err != nil && ctx.Err() != nil {
		return errInterrupted
	}
	if out.err != nil && (err == nil || errors.Is(err, out.err)) {
		err = fmt.Errorf("writing to standard output: %w", out.err)
	}
	return err
}

func runVerb(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		printMainUsage(stderr)
		return usagef("no verb given")
	}
	switch args[0] {
	case "-h", "-help", "--help":
		printMainUsage(stdout)
		return nil
	case "help":
		if len(args) == 1 {
			printMainUsage(stdout)
			return nil
		}
		if len(args) > 2 {
			return usagef("help: want one verb, got %d arguments", len(args)-1)
		}
		args = []string{args[1], "-h"} // the verb's own help
	case "version", "-version", "--version":
		if len(args) > 1 {
			return usagef("version: takes no arguments")
		}
		printVersion(stdout)
		return nil
	}
	for _, v := range verbs() {
		if v.name == args[0] && v.run != nil {
			if err := v.run(ctx, args[1:], stdout, stderr); !errors.Is(err, errHelp) {
				return err
			}
			return nil
		}
	}
	return usagef("unknown verb %q; run 'exbench -h' for the list", args[0])
}

// checkedWriter remembers the first error writing to w; later writes do
// nothing. (A closed pipe ends the process with SIGPIPE before it
// returns: | head stays quiet.)
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// exitCode reports err on stderr and returns the exit status: 0 ok, 1
// error, 2 usage, 3 a gate failed, 130 interrupted.
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "exbench: %v\n", err)
		return 2
	case errors.Is(err, errFailed):
		return 1
	case errors.Is(err, errGate):
		return 3
	case errors.Is(err, errInterrupted):
		fmt.Fprintf(stderr, "exbench: %v\n", err)
		return 130
	}
	fmt.Fprintf(stderr, "exbench: %v\n", err)
	return 1
}

// newFlagSet returns a FlagSet for a verb whose usage text is usage (the
// flags' defaults are appended).
func newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), strings.TrimLeft(usage, "\n"))
		fmt.Fprintln(fs.Output(), "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args: -h prints the usage on stdout and returns
// errHelp; a bad flag is a one-line usage error. Flags may come after
// the arguments too ("compare a.csv b.csv -labels PERSON"); after "--"
// everything is an argument.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	fs.SetOutput(io.Discard)
	err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return errHelp
	}
	if err != nil {
		return usagef("%s: %v; run 'exbench %s -h' for usage", fs.Name(), err, fs.Name())
	}
	return nil
}

// parseInterspersed parses the flags of args wherever they are, and
// leaves the rest, in order, as fs.Args().
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			positional = append(positional, rest...) // "--" ends the flags
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Parsing "--" and the arguments sets fs.Args() to them.
	return fs.Parse(append([]string{"--"}, positional...))
}

// multiFlag is a flag that may be given more than once.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// printProblems prints the problems err holds (corpus.Problems, or a
// *corpus.Truncated list of the first ones) a line each, only the first
// 10 unless all is set, then how many more (pointing to -all when the
// verb has allFlag), and a count of errors and warnings.
func printProblems(w io.Writer, err error, all, allFlag bool) {
	var ps corpus.Problems
	var tr *corpus.Truncated
	var errs, warnings int
	switch {
	case errors.As(err, &tr):
		ps, errs, warnings = tr.Problems, tr.Errors, tr.Warnings
	case errors.As(err, &ps):
		warnings = ps.Warnings()
		errs = len(ps) - warnings
	}
	if errs+warnings == 0 {
		return
	}
	shown := 0
	for _, p := range ps {
		if shown == corpus.MaxShown && !all {
			break
		}
		fmt.Fprintln(w, p)
		shown++
	}
	if n := errs + warnings - shown; n > 0 && allFlag {
		fmt.Fprintf(w, "%d more (use -all)\n", n)
	} else if n > 0 {
		fmt.Fprintf(w, "%d more not shown\n", n)
	}
	fmt.Fprintf(w, "%s, %s\n", report.Plural(errs, "error"), report.Plural(warnings, "warning"))
	if errors.Is(err, corpus.ErrTooLarge) {
		fmt.Fprintln(w, "exbench: -max-doc-mb raises the limit on a document's size")
	}
}

// warnings returns the warnings of a scoring as an error for
// printProblems.
func warnings(ps corpus.Problems, more int) error {
	if more > 0 {
		return &corpus.Truncated{Problems: ps, Warnings: len(ps) + more}
	}
	return ps
}

// failed prints the problems in err, when it holds some, and returns
// errFailed in their place.
func failed(err error, stderr io.Writer) error {
	var ps corpus.Problems
	if errors.As(err, &ps) {
		printProblems(stderr, err, false, false)
		return errFailed
	}
	return err
}

// splitSystem splits NAME=PATH; a plain PATH is named after its file.
func splitSystem(arg string) (name, path string) {
	if n, p, ok := strings.Cut(arg, "="); ok && n != "" && !strings.ContainsAny(n, `/\`) {
		return n, p
	}
	return strings.TrimSuffix(filepath.Base(arg), ".csv"), arg
}
