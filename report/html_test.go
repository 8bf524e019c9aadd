package report_test

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/internal/marks"
	"github.com/exbench/exbench/report"
)

// TestHTMLSelfContained: the report fetches nothing: no src or href
// outside the page, no external style or font, and the errors it holds
// are the scoring's.
func TestHTMLSelfContained(t *testing.T) {
	res, _, _ := scored(t)
	var b bytes.Buffer
	if err := report.HTML(&b, res, nil, report.NewHTMLErrors([]string{"A", "B"})); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:|//)|@import|url\(`).FindString(page); m != "" {
		t.Errorf("the page fetches something: %q", m)
	}
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="en">`, "<svg role=\"img\"", "<title id=\"lc-", `<script type="application/json" id="errors-data">[]</script>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestPlots: every chart is written as an SVG file of its own that parses
// as XML, with its title (and as a PNG image: see TestPlotsPNG).
func TestPlots(t *testing.T) {
	res, _, _ := scored(t)
	plots := report.HTMLReport{Result: res}.Plots()
	if len(plots) < 8 {
		t.Fatalf("%d plots", len(plots))
	}
	for _, p := range plots {
		if strings.HasSuffix(p.Name, ".png") {
			continue
		}
		var b bytes.Buffer
		if err := p.Write(&b); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(&b)
		titled := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", p.Name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "title" {
				titled = true
			}
		}
		if !strings.HasSuffix(p.Name, ".svg") || !titled {
			t.Errorf("%s: not an SVG file with a title", p.Name)
		}
	}
}

// allCharts returns the plots of a report with every kind of chart: two
// systems' labels, confusion and numbers, a comparison's forest plot and a
// sweep's curve.
func allCharts(t *testing.T) []report.File {
	t.Helper()
	res, _, _ := scored(t)
	opts := eval.BootstrapOptions{Resamples: 200, Seed: 3}
	c, err := res.Compare(0, 1, opts, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	docs, gold := marks.Docs(goldMarks...)
	_, pred := marks.Docs(bMarks...)
	for i := range pred {
		pred[i].Score, pred[i].HasScore = float64(len(pred)-i)/10, true
	}
	var sd []eval.SweepDoc
	for _, d := range docs {
		in := func(ms []corpus.Mention) []corpus.Mention {
			return slices.DeleteFunc(slices.Clone(ms), func(m corpus.Mention) bool { return m.DocID != d.ID })
		}
		sd = append(sd, eval.SweepDoc{Doc: d, Gold: in(gold), Pred: in(pred)})
	}
	points, err := eval.Sweep(sd, eval.SweepOptions{Scheme: eval.Strict, Label: eval.All, Bootstrap: &opts})
	if err != nil {
		t.Fatal(err)
	}
	sw := &report.Sweep{System: "B", Scheme: eval.Strict, Label: eval.All, Gold: 6, Points: points, Intervals: &opts}
	return report.HTMLReport{Result: res, Compare: c, A: "A", B: "B", Alpha: 0.05, Sweep: sw}.Plots()
}

// TestPlotsPNG: every chart has a PNG beside its SVG, which decodes, is
// twice the SVG's width and height, is not blank (it has the chart's own
// mark colours), and is the same bytes when written again.
func TestPlotsPNG(t *testing.T) {
	plots := allCharts(t)
	svgs := map[string]string{}
	var pngs []report.File
	for _, p := range plots {
		var b bytes.Buffer
		if err := p.Write(&b); err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		switch {
		case strings.HasSuffix(p.Name, ".svg"):
			svgs[strings.TrimSuffix(p.Name, ".svg")] = b.String()
		case strings.HasSuffix(p.Name, ".png"):
			pngs = append(pngs, p)
		default:
			t.Errorf("%s: neither SVG nor PNG", p.Name)
		}
	}
	var names []string
	for _, p := range pngs {
		names = append(names, strings.TrimSuffix(p.Name, ".png"))
	}
	slices.Sort(names)
	if got := strings.Join(names, " "); got != "confusion-A confusion-B forest labels-A labels-B numbers-A numbers-B sweep" {
		t.Errorf("PNG charts %s", got)
	}
	// A colour each chart marks its data with.
	marks := map[string]color.RGBA{"labels": {0x1f, 0x5f, 0xa8, 255}, "numbers": {0x2b, 0x8a, 0x3e, 255}, "forest": {0xc2, 0x25, 0x5c, 255}, "sweep": {0x18, 0x64, 0xab, 255}}
	size := regexp.MustCompile(`<svg [^>]*width="(\d+)" height="(\d+)"`)
	for _, p := range pngs {
		name := strings.TrimSuffix(p.Name, ".png")
		svg, ok := svgs[name]
		if !ok {
			t.Errorf("%s: no SVG beside it", p.Name)
			continue
		}
		var a, b bytes.Buffer
		if err := p.Write(&a); err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		if err := p.Write(&b); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: written twice, differs (%v)", p.Name, err)
		}
		img, err := png.Decode(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
		m := size.FindStringSubmatch(svg)
		if m == nil {
			t.Fatalf("%s: no size in the SVG", name)
		}
		w, _ := strconv.Atoi(m[1])
		h, _ := strconv.Atoi(m[2])
		if got := img.Bounds(); got != image.Rect(0, 0, 2*w, 2*h) {
			t.Errorf("%s: %v, want %dx%d", p.Name, got, 2*w, 2*h)
		}
		dark, marked := 0, 0
		want, hasMark := marks[strings.SplitN(name, "-", 2)[0]]
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
				c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
				if c.A != 255 {
					t.Fatalf("%s: pixel (%d,%d) is not opaque: %v", p.Name, x, y, c)
				}
				if c.R < 128 && c.G < 128 {
					dark++
				}
				if c == want {
					marked++
				}
			}
		}
		if dark < 100 || hasMark && marked < 20 {
			t.Errorf("%s: %d dark pixels, %d of the mark colour %v: blank?", p.Name, dark, marked, want)
		}
	}
}
