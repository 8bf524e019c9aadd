package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

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
	cmd, name, version string
	shell              bool
	timeout            time.Duration
}

func (x *externalFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&x.cmd, "cmd", "", "with -extractor external, the `command` to run (no shell unless -shell)")
	fs.BoolVar(&x.shell, "shell", false, "with -extractor external, run -cmd with sh -c")
	fs.StringVar(&x.name, "name", "", "with -extractor external, the system `name` (default external)")
	fs.StringVar(&x.version, "version", "", "with -extractor external, its `version`, written into every output")
	fs.DurationVar(&x.timeout, "timeout", 30*time.Second, "with -extractor external, how long one document may take")
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
			ext, err := external.New(external.Config{Command: x.cmd, Shell: x.shell, Name: x.name, Version: x.version, Timeout: x.timeout})
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
