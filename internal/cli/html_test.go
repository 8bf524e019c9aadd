package cli

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser returns the path of a Chromium or Chrome, or skips the test.
func browser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium or Chrome on $PATH: the HTML report is not tested in a browser (.ci/run installs chromium)")
	return ""
}

// TestHTMLInBrowser opens the HTML report of a bench on the bundled
// corpus in headless Chromium and checks that it renders with no console
// error, that the summary and the charts hold the numbers of scores.csv,
// that the error filters change what is shown, and that a screenshot is
// not blank.
func TestHTMLInBrowser(t *testing.T) {
	exe := browser(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	code, _, stderr := exbench(t, "bench", "-extractor", "prose+numbers+dates", "-slices", "-resamples", "500", "-o", filepath.Join(dir, "out"), "-html", page)
	if code != 0 {
		t.Fatalf("bench: exit %d: %s", code, stderr)
	}
	want := map[string]string{} // scheme: micro F1 in % as the page prints it
	for _, r := range readCSV(t, filepath.Join(dir, "out", "scores.csv"))[1:] {
		if r[2] == "micro" {
			var f float64
			fmt.Sscan(r[12], &f)
			want[r[1]] = fmt.Sprintf("%.1f", 100*f)
		}
	}

	ctx, consoleErrors := openBrowser(t, exe)
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	step("open", chromedp.Do(ctx, chromedp.Navigate("file://"+page), chromedp.WaitVisible("#summary")))
	strictF1, err := chromedp.Run(ctx, chromedp.Text(`td.f1[data-system="prose+numbers+dates"][data-scheme="strict"]`))
	step("summary", err)
	dots, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg text.f1").length`))
	step("label chart", err)
	countAll, err := chromedp.Run(ctx, chromedp.Text("#count"))
	step("count", err)
	step("filter", chromedp.Do(ctx, chromedp.SetValue("#f-outcome", "missed"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("f-outcome").dispatchEvent(new Event("change"))`)))
	countMissed, err := chromedp.Run(ctx, chromedp.Text("#count"))
	step("count after the filter", err)
	// The slice filter: the errors on capitalised mentions alone.
	step("slice filter", chromedp.Do(ctx, chromedp.SetValue("#f-outcome", ""),
		chromedp.Evaluate[chromedp.Void](`(() => { const box = document.getElementById("f-slice");
			box.value = [...box.options].find(o => o.textContent === "shape=all caps").value;
			box.dispatchEvent(new Event("change")); })()`)))
	countCaps, err := chromedp.Run(ctx, chromedp.Text("#count"))
	step("count of a slice", err)
	if countCaps == countAll || strings.HasPrefix(countCaps, "0 ") {
		t.Errorf("the slice filter: %q, then %q", countAll, countCaps)
	}
	// The document view: a row's document, with its errors marked.
	step("open a document", chromedp.Do(ctx, chromedp.Click("#rows button.doc"), chromedp.WaitVisible("#document")))
	marked, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelectorAll("#doc-text mark.m-missed").length + " " + document.querySelector("#doc-text .tag").textContent`))
	step("document view", err)
	if !regexp.MustCompile(`^[1-9][0-9]*  (missed|spurious|incorrect|partial) [A-Z_]+$`).MatchString(marked) {
		t.Errorf("document view: %q, want missed mentions marked, each with its outcome and label written", marked)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	step("screenshot", err)
	// At 200% zoom of a 1280-pixel window the page is 640 CSS pixels wide:
	// it must not scroll sideways (wide tables scroll in their own box).
	step("zoom", chromedp.Do(ctx, chromedp.EmulateViewport(640, 900, chromedp.EmulateScale(2)), chromedp.Reload(), chromedp.WaitVisible("#count")))
	widths, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, window.innerWidth]`))
	step("widths", err)
	if len(widths) != 2 || widths[0] > widths[1] {
		t.Errorf("at 200%% zoom the page is %v wide: it scrolls sideways", widths)
	}

	if strictF1 != want["strict"] {
		t.Errorf("summary strict F1 %q, scores.csv says %q", strictF1, want["strict"])
	}
	if dots == 0 {
		t.Error("the label chart has no dots")
	}
	if countAll == countMissed || !strings.Contains(countMissed, " errors shown of ") {
		t.Errorf("the outcome filter did not change what is shown: %q, then %q", countAll, countMissed)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
	if strictF1 != want["strict"] {
		t.Errorf("summary strict F1 %q, scores.csv says %q", strictF1, want["strict"])
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	colours := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(colours) < 3; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, bl, a}] = true
		}
	}
	if len(colours) < 3 {
		t.Errorf("the screenshot is blank (%d colours)", len(colours))
	}
	// make screenshot: the top of the page, for the README.
	if path := os.Getenv("EXBENCH_SCREENSHOT"); path != "" {
		step("viewport", chromedp.Do(ctx, chromedp.EmulateViewport(900, 1000)))
		top, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		step("README screenshot", err)
		step("write the screenshot", os.WriteFile(path, top, 0o644))
	}
}

// openBrowser starts headless Chromium for the test, and returns its
// context and a function that returns the errors written to the console
// so far.
func openBrowser(t *testing.T, exe string) (context.Context, func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox)
	// Start the browser on ctx: the first call's context is the browser's
	// lifetime. A browser that fails to start on a loaded machine is
	// tried twice more.
	var ctx context.Context
	for try := 1; ; try++ {
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		c, cancel := chromedp.NewContext(actx)
		err := chromedp.Do(c)
		if err == nil {
			ctx = c
			t.Cleanup(func() { cancel(); cancelAlloc() })
			break
		}
		cancel()
		cancelAlloc()
		if try == 3 {
			t.Fatalf("starting the browser: %v", err)
		}
		t.Logf("starting the browser: %v; trying again", err)
	}
	// Listen to the console, from before the page loads.
	var mu sync.Mutex
	var errs []string
	lctx, stop := context.WithCancel(ctx)
	messages := chromedp.Console(lctx)
	listened := make(chan struct{})
	go func() {
		defer close(listened)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() { stop(); <-listened })
	// What the test does in the page fails after a minute rather than
	// waiting for ever (the browser, started above, lives on ctx).
	tctx, cancelT := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(cancelT)
	return tctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(errs)
	}
}

// TestCompareHTMLInBrowser opens the report of a comparison and reads
// the forest plot's micro row, which must say what compare.csv says.
func TestCompareHTMLInBrowser(t *testing.T) {
	exe := browser(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "compare.html")
	code, _, stderr := exbench(t, compareArgs("-alpha", "0.6", "-o", dir, "-html", page, "testdata/score/gold.csv", "testdata/score/v1.csv")...)
	if code != 0 {
		t.Fatalf("compare: exit %d: %s", code, stderr)
	}
	var want string
	for _, r := range readCSV(t, filepath.Join(dir, "compare.csv"))[1:] {
		if r[0] == "strict" && r[1] == "micro" {
			var delta float64
			fmt.Sscan(r[4], &delta)
			want = fmt.Sprintf("%+.1f p %s", 100*delta, r[8])
		}
	}
	ctx, consoleErrors := openBrowser(t, exe)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page), chromedp.WaitVisible("#compare")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.TextContent(`text.delta[data-label="micro"]`))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("forest plot micro row %q, compare.csv says %q", got, want)
	}
	// The changes from A to B: as many as changes.csv has, and the filter
	// by kind shows the broken ones alone.
	changes := readCSV(t, filepath.Join(dir, "changes.csv"))[1:]
	broken := 0
	for _, r := range changes {
		if r[0] == "broken" {
			broken++
		}
	}
	all, err := chromedp.Run(ctx, chromedp.Text("#c-count"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%d changes shown of %d", len(changes), len(changes)); all != want {
		t.Errorf("changes: %q, want %q", all, want)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue("#c-kind", "broken"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("c-kind").dispatchEvent(new Event("change"))`)); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Text("#c-count"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%d changes shown of %d", broken, len(changes)); shown != want || broken == 0 || broken == len(changes) {
		t.Errorf("broken changes: %q, want %q (of %d)", shown, want, len(changes))
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestSweepHTMLInBrowser opens the report of a sweep and reads the best
// F1 the curve marks, which must be curve.csv's highest.
func TestSweepHTMLInBrowser(t *testing.T) {
	exe := browser(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "sweep.html")
	code, _, stderr := exbench(t, "sweep", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-pred", "testdata/score/v1-scored.csv",
		"-resamples", "300", "-o", dir, "-html", page)
	if code != 0 {
		t.Fatalf("sweep: exit %d: %s", code, stderr)
	}
	best, want := -1.0, ""
	for _, r := range readCSV(t, filepath.Join(dir, "curve.csv"))[1:] {
		var f float64
		fmt.Sscan(r[12], &f)
		if f > best {
			best, want = f, fmt.Sprintf("best F1 %.1f at %s", 100*f, r[3])
		}
	}
	ctx, consoleErrors := openBrowser(t, exe)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page), chromedp.WaitVisible("#curve")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.TextContent("#best"))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("the curve marks %q, curve.csv says %q", got, want)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestPlotsFiles: -plots writes each chart as an SVG file and a PNG image
// of twice its size, and says how many charts it wrote. v1 on the small
// case has labels, a confusion matrix and (with its numbers) a funnel;
// without -html too.
func TestPlotsFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plots")
	code, stdout, stderr := exbench(t, append([]string{"score"}, append(smallCase, "-pred", "testdata/score/v1.csv", "-plots", dir)...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var svgs, pngs []string
	for _, e := range entries {
		switch name := e.Name(); filepath.Ext(name) {
		case ".svg":
			svgs = append(svgs, strings.TrimSuffix(name, ".svg"))
		case ".png":
			pngs = append(pngs, strings.TrimSuffix(name, ".png"))
		}
	}
	if len(svgs) < 2 || !slices.Equal(svgs, pngs) {
		t.Fatalf("SVG charts %v, PNG charts %v: want the same, two or more", svgs, pngs)
	}
	if want := fmt.Sprintf("wrote %d charts as SVG and PNG to %s\n", len(svgs), dir); !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout)
	}
	size := regexp.MustCompile(`<svg [^>]*width="(\d+)" height="(\d+)"`)
	for _, name := range svgs {
		svg, err := os.ReadFile(filepath.Join(dir, name+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s.png: %v", name, err)
		}
		m := size.FindSubmatch(svg)
		if m == nil {
			t.Fatalf("%s.svg: no width and height", name)
		}
		if got, want := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height), fmt.Sprintf("%dx%d", 2*atoi(t, string(m[1])), 2*atoi(t, string(m[2]))); got != want {
			t.Errorf("%s.png is %s, want %s", name, got, want)
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSlicesByScore: with -slices, predictions with scores are sliced by
// them too, for their precision alone. v1-scored under strict, by hand:
// 0.9+ holds Ada (0.95) and Monday (0.9), both right: P 1; 0.7-0.9 50 km
// (0.8, right under strict whatever its unit) and Damascus (0.8): P 1;
// 0.5-0.7 ISIS as GPE (0.6), wrong: P 0; <0.5 "Bob in Dmeir" (0.4, wrong
// span and label), 300 (0.3, wrong span) and the spurious workers (0.2):
// P 0. Against the rest of the family's P: 0.9+ 1 − 2/6, <0.5 0 − 4/5.
// Recall and F1 are blank: no gold mention is in a slice of scores. The
// HTML report with the slices is written too.
func TestSlicesByScore(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := exbench(t, append([]string{"score"}, append(smallCase, "-pred", "testdata/score/v1-scored.csv", "-slices", "-resamples", "200",
		"-o", filepath.Join(dir, "out"), "-html", filepath.Join(dir, "r.html"))...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "out", "slices.csv"))[1:] {
		if r[1] == "strict" && r[2] == "score" {
			got[r[3]] = strings.Join(append(r[4:9:9], r[15]), ",")
		}
	}
	want := map[string]string{
		"0.9+":    "0,2,1.0000,,,0.6667",
		"0.7-0.9": "0,2,1.0000,,,0.6667",
		"0.5-0.7": "0,1,0.0000,,,-0.5714",
		"<0.5":    "0,3,0.0000,,,-0.8000",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("strict score slices (gold,pred,precision,recall,f1,delta_vs_rest) = %v, want %v", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "r.html")); err != nil {
		t.Error(err)
	}
	// v1 has no scores: no score family.
	out := filepath.Join(dir, "plain")
	if code, _, stderr := exbench(t, append([]string{"score"}, append(smallCase, "-pred", "testdata/score/v1.csv", "-slices", "-resamples", "100", "-o", out)...)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, r := range readCSV(t, filepath.Join(out, "slices.csv"))[1:] {
		if r[2] == "score" {
			t.Errorf("a score slice without scores: %v", r)
		}
	}
}
