package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/extract"
	"github.com/exbench/exbench/extract/dates"
	"github.com/exbench/exbench/extract/external"
	"github.com/exbench/exbench/extract/numbers"
	"github.com/exbench/exbench/extract/prose"
)

// builtinNames are the extractors exbench ships, in the order bench runs
// them; bench also runs their combination.
var builtinNames = []string{"prose", "numbers", "dates"}

// externalFlags configure the external extractor.
type externalFlags struct {
	cmd, name, version   string
	shell, ready         bool
	timeout, loadTimeout time.Duration
	copies, batch        int              // -j: one copy of the program per worker; -batch
	labels               *corpus.LabelMap // the -map its mentions are scored through
}

func (x *externalFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&x.cmd, "cmd", "", "with -extractor external, the `command` to run (no shell unless -shell); one copy of it, or N with -j N")
	fs.BoolVar(&x.shell, "shell", false, "with -extractor external, run -cmd with sh -c")
	fs.StringVar(&x.name, "name", "", "with -extractor external, the system `name` (default external)")
	fs.StringVar(&x.version, "version", "", "with -extractor external, its `version`, written into every output")
	fs.DurationVar(&x.timeout, "timeout", external.DefaultTimeout, "with -extractor external, how long one document may take")
	fs.DurationVar(&x.loadTimeout, "load-timeout", external.DefaultLoadTimeout, "with -extractor external, how long the program may take to load: to say {\"ready\": true} with -ready, else added to -timeout for its first answer")
	fs.IntVar(&x.batch, "batch", 1, "with -extractor external, send each copy `N` documents a request, one line {\"batch\": [...]}, which it answers with a line a document (for models faster on batches)")
	fs.BoolVar(&x.ready, "ready", false, "with -extractor external, wait for the program to print {\"ready\": true} once loaded (the load time goes into the manifest)")
}

// copies is how many copies of an external program to run: -j when it
// is given, else one, since each copy may load a large model.
func copies(fs *flag.FlagSet, workers int) int {
	n := 1
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "j" {
			n = workers
		}
	})
	return n
}

// command is what the manifest records of the program run for spec: the
// command, as given to -cmd, when spec runs the external extractor.
func (x *externalFlags) command(spec string) string {
	if !slices.Contains(strings.Split(spec, "+"), "external") {
		return ""
	}
	if x.shell {
		return "sh -c " + x.cmd
	}
	return x.cmd
}

// newExtractor returns the extractor named spec: a built-in name,
// "external", or names joined by "+" to combine them.
func newExtractor(spec string, x externalFlags) (extract.Extractor, error) {
	parts := strings.Split(spec, "+")
	var es []extract.Extractor
	for _, p := range parts {
		var e extract.Extractor
		switch p {
		case "prose":
			e = prose.New()
		case "prose-raw":
			e = prose.NewRaw()
		case "numbers":
			e = numbers.New()
		case "dates":
			e = dates.New()
		case "external":
			if x.cmd == "" {
				return nil, &usageError{"-extractor external needs -cmd"}
			}
			if x.timeout <= 0 {
				return nil, usagef("-timeout %v: want a time longer than 0", x.timeout)
			}
			if x.loadTimeout <= 0 {
				return nil, usagef("-load-timeout %v: want a time longer than 0", x.loadTimeout)
			}
			if x.batch < 1 {
				return nil, usagef("-batch %d: want at least 1", x.batch)
			}
			ext, err := external.New(external.Config{
				Command: x.cmd, Shell: x.shell, Name: x.name, Version: x.version,
				Timeout: x.timeout, LoadTimeout: x.loadTimeout, Ready: x.ready,
				Copies: x.copies, Batch: x.batch, Map: x.labels,
			})
			if err != nil {
				return nil, &usageError{err.Error()}
			}
			e = ext
		default:
			return nil, &usageError{fmt.Sprintf("unknown extractor %q; the extractors are %s, prose-raw and external, and names joined by + combine them", p, strings.Join(builtinNames, ", "))}
		}
		es = append(es, e)
	}
	if len(es) == 1 {
		return es[0], nil
	}
	return extract.Combine(es...), nil
}
