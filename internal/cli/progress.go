package cli

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// showProgress reports whether progress goes on stderr: only when it is
// a terminal and CI is not set, so that logs and files get none.
func showProgress(stderr io.Writer) (*os.File, bool) {
	f, ok := stderr.(*os.File)
	if !ok || os.Getenv("CI") != "" || !term.IsTerminal(int(f.Fd())) {
		return nil, false
	}
	return f, true
}

// newBar returns a progress bar on f: what, the count done out of total
// (-1 for unknown) in unit, the rate and, with a total, the time left.
// It is cleared when done. github.com/schollz/progressbar does the
// drawing: the rate, the time left, the terminal width and throttling.
func newBar(f *os.File, what, unit string, total int) *progressbar.ProgressBar {
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionSetPredictTime(total > 0),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(20),
	)
}

// progress returns a callback for extract.Options.Progress that shows
// the documents done out of total (0 for unknown), docs/s and the time
// left on stderr, or nil when stderr shows no progress (see
// showProgress). done < 0 clears the line.
func progress(stderr io.Writer, name string, total int) func(done int) {
	f, ok := showProgress(stderr)
	if !ok {
		return nil
	}
	if total == 0 {
		total = -1
	}
	bar := newBar(f, name, "docs", total)
	return func(done int) {
		if done < 0 {
			bar.Finish()
			return
		}
		bar.Set(done)
	}
}

// resampleProgress returns a callback for eval.BootstrapOptions.Progress
// that shows the resamples done of what, or nil when stderr shows no
// progress.
func resampleProgress(stderr io.Writer, what string) func(done, total int) {
	f, ok := showProgress(stderr)
	if !ok {
		return nil
	}
	var bar *progressbar.ProgressBar
	max := 0
	return func(done, total int) {
		if bar == nil || total != max || done < int(bar.State().CurrentNum) {
			if bar != nil {
				bar.Finish()
			}
			bar, max = newBar(f, what, "resamples", total), total
		}
		bar.Set(done)
		if done == total {
			bar.Finish()
		}
	}
}
