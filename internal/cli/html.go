package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/report"
)

// htmlFlags are -html and -plots.
type htmlFlags struct{ path, plots string }

func (f *htmlFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.path, "html", "", "also write a self-contained HTML report to `file`.html: summary, charts, worst slices (with -slices), an error browser")
	fs.StringVar(&f.plots, "plots", "", "also write each chart of the HTML report to `dir` as an SVG file and a PNG image (twice the size, on white), for papers and slides")
}

// check refuses a path that is not an .html file.
func (f *htmlFlags) check(verb string) error {
	if f.path != "" && !strings.HasSuffix(f.path, ".html") {
		return usagef("%s: -html %q: want a file name ending in .html", verb, f.path)
	}
	return nil
}

// collect, with -html, gathers the mistakes the error browser shows as
// documents are scored.
func (f *htmlFlags) collect(setup *eval.Setup, systems []eval.System) *report.HTMLErrors {
	if f.path == "" {
		return nil
	}
	errs := report.NewHTMLErrors(systemNames(systems))
	setup.Score.NoMistakes = false
	addEach(setup, errs.Add)
	return errs
}

// write writes the report of a scoring, when asked for, and says where.
func (f *htmlFlags) write(stdout io.Writer, res *eval.Result, slices []eval.SliceRow, errs *report.HTMLErrors) error {
	return f.writeReport(stdout, report.HTMLReport{Result: res, Slices: slices, Errors: errs})
}

// writeReport writes h and its plots, when asked for, and says where.
func (f *htmlFlags) writeReport(stdout io.Writer, h report.HTMLReport) error {
	if f.plots != "" {
		plots := h.Plots()
		if err := report.WriteSet(context.Background(), f.plots, plots); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d charts as SVG and PNG to %s\n", len(plots)/2, f.plots)
	}
	if f.path == "" {
		return nil
	}
	if err := report.WriteFile(f.path, h.Write); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the HTML report %s\n", f.path)
	return nil
}
