package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// HTMLErrors collects, as documents are scored (its Add fits
// [eval.Setup.Each], with mistakes kept), the mistakes the HTML report's
// error browser shows: under the strict and value schemes, as errors.csv.
type HTMLErrors struct {
	names  []string
	rows   []htmlError
	texts  map[string]string // the documents the errors are in
	slices []string          // the slice names rows index
	sliceN map[string]int
}

// htmlError is one row of the error browser, as the page's script reads
// it: system, outcome, label, document, gold and predicted text and
// label, the context with the span in brackets.
type htmlError struct {
	System  string `json:"s"`
	Scheme  string `json:"k"`
	Outcome string `json:"o"`
	Label   string `json:"l"`
	Doc     string `json:"d"`
	Gold    string `json:"g"`
	Pred    string `json:"p"`
	Context string `json:"c"`
	// Start and End are the code points of the error's span in its
	// document: the gold mention's, the prediction's, or both together.
	Start int `json:"a"`
	End   int `json:"b"`
	// Slices are the slices of the gold mention, or of the prediction
	// for a spurious one, as indexes into the page's list of slice names
	// ("family=value", see [eval.SliceNamer]), which keeps the page small.
	Slices []int `json:"z"`
}

// NewHTMLErrors returns an empty collection for the systems named names.
func NewHTMLErrors(names []string) *HTMLErrors {
	return &HTMLErrors{names: names, texts: map[string]string{}, sliceN: map[string]int{}}
}

// Add adds the strict and value mistakes of a scored document, and keeps
// the document's text for the document view.
func (h *HTMLErrors) Add(c *eval.Case, sys int, r *eval.DocResult) error {
	var slicesOf func(*corpus.Mention) []string
	for _, m := range r.Mistakes {
		if m.Scheme != eval.Strict && m.Scheme != eval.Value {
			continue
		}
		e := htmlError{System: h.names[sys], Scheme: m.Scheme.String(), Outcome: m.Outcome.String(), Doc: m.DocID, Context: m.Context, Start: -1, End: -1}
		span := func(sp corpus.Span) {
			if !sp.Placed() {
				return
			}
			if e.Start < 0 || sp.Start < e.Start {
				e.Start = sp.Start
			}
			e.End = max(e.End, sp.End)
		}
		if m.Gold != nil {
			e.Gold, e.Label = fmt.Sprintf("%s %s", m.Gold.Text, m.Gold.Label), string(m.Gold.Label)
			span(m.Gold.Span)
		}
		if m.Pred != nil {
			e.Pred = fmt.Sprintf("%s %s", m.Pred.Text, m.Pred.Label)
			if e.Label == "" {
				e.Label = string(m.Pred.Label)
			}
			span(m.Pred.Span)
		}
		if slicesOf == nil {
			slicesOf = eval.SliceNamer(c)
		}
		at := m.Gold
		if at == nil {
			at = m.Pred
		}
		for _, name := range slicesOf(at) {
			k, ok := h.sliceN[name]
			if !ok {
				k = len(h.slices)
				h.sliceN[name] = k
				h.slices = append(h.slices, name)
			}
			e.Slices = append(e.Slices, k)
		}
		h.rows = append(h.rows, e)
		if _, ok := h.texts[c.Doc.ID]; !ok {
			h.texts[c.Doc.ID] = c.Doc.Text
		}
	}
	return nil
}

// HTML writes one self-contained HTML page of a scoring: no script,
// style, font or image is fetched, so it opens offline from a file or a
// mail. It shows the summary per system with intervals, each label's F1
// with its interval as a dot-and-whisker chart, the confusion matrix as a
// heatmap and the gold numbers' chain for each system, the worst slices
// when slices were scored, and an error browser that filters by system,
// outcome and label and shows 100 rows a page. Charts are inline SVG with
// their numbers written beside the marks, so that colour is never the only
// signal.
func HTML(w io.Writer, res *eval.Result, slices []eval.SliceRow, errs *HTMLErrors) error {
	return HTMLReport{Result: res, Slices: slices, Errors: errs}.Write(w)
}

// HTMLReport is what an HTML report shows: a scoring, and optionally its
// slices, the mistakes for the error browser, and the comparison of its
// first two systems.
type HTMLReport struct {
	Result *eval.Result
	Slices []eval.SliceRow
	Errors *HTMLErrors
	// Compare, when not nil, compares system A with system B (named A
	// and B) at Alpha: the page adds a forest plot of ΔF1 per label with
	// its interval and p.
	Compare *eval.Comparison
	A, B    string
	Alpha   float64
	// Sweep, when not nil, is a sweep of scored predictions: the page
	// shows its curve with the bands, and Result may be nil.
	Sweep *Sweep
	// Changes, when not nil, are the mentions that changed from A to B:
	// the page lists them, filtered by the kind of change.
	Changes *Changes
}

// htmlChange is a change as the page's script reads it.
type htmlChange struct {
	Change  string `json:"x"`
	Scheme  string `json:"k"`
	Doc     string `json:"d"`
	Text    string `json:"t"`
	Label   string `json:"l"`
	A       string `json:"a"`
	B       string `json:"b"`
	Context string `json:"c"`
}

// Plots returns each chart of the page as files of its own, for papers
// and slides: labels-SYSTEM, confusion-SYSTEM and numbers-SYSTEM for each
// system, forest for a comparison, sweep for a sweep, each as an SVG file
// (.svg) and as a PNG image (.png) drawn from that SVG at twice its size
// on white, so that the two never disagree. A chart too large for
// 2^26 pixels at twice its size is drawn smaller, at the largest scale
// that fits.
func (h HTMLReport) Plots() []File {
	var files []File
	add := func(name string, chart template.HTML) {
		if chart == "" {
			return
		}
		svg := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + strings.Replace(string(chart), "<svg ", `<svg xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" `, 1) + "\n"
		files = append(files, File{Name: name + ".svg", Write: func(w io.Writer) error {
			_, err := io.WriteString(w, svg)
			return err
		}}, File{Name: name + ".png", Write: func(w io.Writer) error {
			if err := writePNG(w, svg); err != nil {
				return fmt.Errorf("%s.png: %w", name, err)
			}
			return nil
		}})
	}
	if res := h.Result; res != nil {
		for _, s := range res.Systems {
			n := FileName(s.Name)
			add("labels-"+n, labelChart(res, s))
			add("confusion-"+n, confusionChart(s))
			add("numbers-"+n, funnelChart(s))
		}
	}
	if h.Compare != nil {
		add("forest", forestChart(h.Compare, h.A, h.B, h.Alpha))
	}
	if h.Sweep != nil {
		add("sweep", sweepChart(h.Sweep))
	}
	return files
}

// Write writes the page; see [HTML].
func (h HTMLReport) Write(w io.Writer) error {
	res, slices, errs := h.Result, h.Slices, h.Errors
	data := htmlData{Title: "exbench report"}
	if res != nil {
		data.Setup = setupText(&res.Setup)
		for _, s := range res.Systems {
			data.Systems = append(data.Systems, htmlSystem(res, s))
		}
	}
	if h.Sweep != nil {
		data.Curve = sweepChart(h.Sweep)
	}
	if h.Changes != nil {
		changes := []htmlChange{}
		for _, r := range h.Changes.rows() {
			changes = append(changes, htmlChange{Change: r.Change, Scheme: r.Scheme, Doc: r.DocID, Text: r.Text, Label: r.Label, A: r.A, B: r.B, Context: r.Context})
		}
		js, err := json.Marshal(changes)
		if err != nil {
			return err
		}
		data.HasChanges, data.Changes, data.A, data.B = true, template.JS(js), h.A, h.B
	}
	for _, r := range eval.Worst(slices, 0.05) {
		if r.Scheme == eval.Strict {
			data.Worst = append(data.Worst, r)
		}
	}
	if h.Compare != nil {
		data.Forest = forestChart(h.Compare, h.A, h.B, h.Alpha)
	}
	rows, texts, sliceNames := []htmlError{}, map[string]string{}, []string{}
	if errs != nil {
		rows, texts, data.HasErrors = append(rows, errs.rows...), errs.texts, true
		sliceNames = append(sliceNames, errs.slices...)
	}
	if js, err := json.Marshal(sliceNames); err != nil {
		return err
	} else {
		data.SliceNames = template.JS(js)
	}
	js, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	data.Errors = template.JS(js)
	if js, err = json.Marshal(texts); err != nil {
		return err
	}
	data.Texts = template.JS(js)
	return page.Execute(w, data)
}

type htmlData struct {
	Title, Setup string
	Systems      []htmlSys
	Worst        []eval.SliceRow
	Forest       template.HTML
	Curve        template.HTML
	HasErrors    bool
	Errors       template.JS
	SliceNames   template.JS
	HasChanges   bool
	Changes      template.JS
	A, B         string
	Texts        template.JS
}

type htmlSys struct {
	Name      string
	Micro     []htmlCell // by scheme
	Labels    template.HTML
	Confusion template.HTML
	Funnel    template.HTML
}

type htmlCell struct {
	Scheme, P, R, F1, Interval string
}

func setupText(s *eval.Setup) string {
	var b strings.Builder
	Setup(&b, s)
	return b.String()
}

func htmlSystem(res *eval.Result, s *eval.SystemResult) htmlSys {
	hs := htmlSys{Name: s.Name}
	for _, sc := range res.Setup.Schemes() {
		c := s.Summary.Micro(sc)
		cell := htmlCell{Scheme: sc.String(), P: pct(c.Precision()), R: pct(c.Recall()), F1: pct(c.F1())}
		if sc == eval.Value && (c.Possible() == 0 || c.Actual() == 0) {
			cell.P, cell.R, cell.F1 = "n/a", "n/a", "n/a"
		} else if r, ok := s.Interval(eval.Key{Scheme: sc, Label: eval.All}); ok && res.Setup.Intervals != nil {
			iv := r.Metric[eval.F1].Interval(res.Setup.Intervals.Defaults().Method)
			cell.Interval = fmt.Sprintf("%s–%s", pct(iv.Low), pct(iv.High))
		}
		hs.Micro = append(hs.Micro, cell)
	}
	hs.Labels = labelChart(res, s)
	hs.Confusion = confusionChart(s)
	hs.Funnel = funnelChart(s)
	return hs
}

// labelChart draws each label's strict F1 as a dot with its interval as a
// whisker, the value written at the right.
func labelChart(res *eval.Result, s *eval.SystemResult) template.HTML {
	labels := s.Summary.Labels()[1:]
	const left, width, row = 130, 300, 22
	h := row*len(labels) + 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg role="img" aria-labelledby="lc-%[1]s" width="%[2]d" height="%[3]d" viewBox="0 0 %[2]d %[3]d"><title id="lc-%[1]s">F1 per label, strict, of %[4]s, with its interval</title>`, htmlID(s.Name), left+width+80, h, template.HTMLEscapeString(s.Name))
	for i, x := range []float64{0, 0.5, 1} {
		px := left + int(x*width)
		fmt.Fprintf(&b, `<line x1="%d" y1="10" x2="%d" y2="%d" stroke="#bbb"/><text x="%d" y="%d" font-size="11" text-anchor="middle">%s</text>`, px, px, h-15, px, h-2, []string{"0", "50", "100"}[i])
	}
	for i, lc := range labels {
		y := 20 + row*i
		c := lc.Scheme[eval.Strict]
		f := c.F1()
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>`, left-8, y+4, template.HTMLEscapeString(labelName(lc.Label)))
		if r, ok := s.Interval(eval.Key{Scheme: eval.Strict, Label: lc.Label}); ok && res.Setup.Intervals != nil {
			iv := r.Metric[eval.F1].Interval(res.Setup.Intervals.Defaults().Method)
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#333" stroke-width="2"/>`, left+iv.Low*width, y, left+iv.High*width, y)
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%d" r="5" fill="#1f5fa8"/><text class="f1" data-label="%s" x="%d" y="%d" font-size="12">%s</text>`, left+f*width, y, template.HTMLEscapeString(string(lc.Label)), left+width+10, y+4, pct(f))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// confusionChart draws the strict confusion matrix as a heatmap with
// each count written in its cell.
func confusionChart(s *eval.SystemResult) template.HTML {
	golds, preds, m := s.Summary.Confusion()
	if m == nil {
		return ""
	}
	const cell, left, top = 34, 110, 90
	w, h := left+cell*len(preds)+10, top+cell*len(golds)+10
	max := 1.0
	for i := range golds {
		for j := range preds {
			max = maxF(max, m.At(i, j))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg role="img" aria-labelledby="cm-%[1]s" width="%[2]d" height="%[3]d" viewBox="0 0 %[2]d %[3]d"><title id="cm-%[1]s">Confusion of gold labels (rows) and predicted labels (columns), strict pairing, of %[4]s</title>`, htmlID(s.Name), w, h, template.HTMLEscapeString(s.Name))
	for j, p := range preds {
		x := left + cell*j + cell/2
		fmt.Fprintf(&b, `<text font-size="10" transform="translate(%d,%d) rotate(-60)">%s</text>`, x, top-6, template.HTMLEscapeString(string(p)))
	}
	for i, g := range golds {
		y := top + cell*i
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="10" text-anchor="end">%s</text>`, left-6, y+cell/2+4, template.HTMLEscapeString(string(g)))
		for j := range preds {
			v := m.At(i, j)
			shade := 255 - int(200*v/max)
			fill := "#000"
			if shade < 120 {
				fill = "#fff"
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="rgb(%d,%d,255)" stroke="#fff"/>`, left+cell*j, y, cell, cell, shade, shade)
			if v > 0 {
				fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="10" text-anchor="middle" fill="%s">%d</text>`, left+cell*j+cell/2, y+cell/2+4, fill, int(v))
			}
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// forestChart draws, for each label under the strict scheme, B's F1 minus
// A's as a dot with its paired bootstrap interval, around a line at 0,
// with the difference and its p written at the right and ~ for a
// difference that is not significant at alpha.
func forestChart(c *eval.Comparison, a, b string, alpha float64) template.HTML {
	var rows []eval.Difference
	for _, d := range c.Rows {
		if d.Key.Scheme == eval.Strict && !d.Empty {
			rows = append(rows, d)
		}
	}
	const left, width, row = 130, 320, 22
	h := row*len(rows) + 34
	x := func(v float64) float64 { return left + (v+1)/2*width } // ΔF1 from -1 to 1
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg role="img" aria-labelledby="forest" width="%[1]d" height="%[2]d" viewBox="0 0 %[1]d %[2]d"><title id="forest">ΔF1 = %[3]s − %[4]s per label, strict, with its interval and p</title>`, left+width+150, h, template.HTMLEscapeString(b), template.HTMLEscapeString(a))
	for _, v := range []float64{-1, 0, 1} {
		fmt.Fprintf(&sb, `<line x1="%.1f" y1="8" x2="%.1f" y2="%d" stroke="%s"/><text x="%.1f" y="%d" font-size="11" text-anchor="middle">%+.0f</text>`, x(v), x(v), h-18, map[bool]string{true: "#333", false: "#bbb"}[v == 0], x(v), h-4, 100*v)
	}
	for i, d := range rows {
		y := 20 + row*i
		mark := ""
		if d.PHolm >= alpha {
			mark = " ~"
		}
		fmt.Fprintf(&sb, `<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text><line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#333" stroke-width="2"/><rect x="%.1f" y="%d" width="8" height="8" fill="#c2255c"/><text class="delta" data-label="%s" x="%d" y="%d" font-size="12">%s p %.4f%s</text>`,
			left-8, y+4, template.HTMLEscapeString(rowLabel(d.Key)), x(d.CI.Low), y, x(d.CI.High), y, x(d.Delta)-4, y-4,
			template.HTMLEscapeString(rowLabel(d.Key)), left+width+10, y+4, signed(100*d.Delta), d.PHolm, mark)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// sweepChart draws precision, recall and F1 of a sweep against the
// threshold, from the highest (left) to the lowest, with F1's band where
// the sweep made one; each line is named at its end and the best F1 is
// written, so that colour is never the only signal.
func sweepChart(sw *Sweep) template.HTML {
	pts := sw.Points
	const left, top, width, height = 50, 20, 480, 240
	n := len(pts)
	x := func(i int) float64 {
		if n == 1 {
			return left + width/2
		}
		return left + float64(i)*width/float64(n-1)
	}
	y := func(v float64) float64 { return top + (1-v)*height }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg role="img" aria-labelledby="sweep" width="%d" height="%d" viewBox="0 0 %d %d"><title id="sweep">Precision, recall and F1 of %s (%s, %s) at each threshold, highest first, with F1's band</title>`,
		left+width+90, top+height+40, left+width+90, top+height+40, template.HTMLEscapeString(sw.System), sw.Scheme, template.HTMLEscapeString(labelName(sw.Label)))
	for _, v := range []float64{0, 0.5, 1} {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/><text x="%d" y="%.1f" font-size="11" text-anchor="end">%.0f</text>`, left, y(v), left+width, y(v), left-6, y(v)+4, 100*v)
	}
	// F1's band, over the points that have one, as a polygon.
	var upper, lower []string
	for i, p := range pts {
		if p.Estimates == nil {
			continue
		}
		iv := p.Estimates[eval.F1].Interval(sw.Intervals.Defaults().Method)
		upper = append(upper, fmt.Sprintf("%.1f,%.1f", x(i), y(iv.High)))
		lower = append([]string{fmt.Sprintf("%.1f,%.1f", x(i), y(iv.Low))}, lower...)
	}
	if len(upper) > 1 {
		fmt.Fprintf(&b, `<polygon points="%s" fill="#d0ebff" stroke="none"><title>F1's band</title></polygon>`, strings.Join(append(upper, lower...), " "))
	}
	best := 0
	for i, p := range pts {
		if p.Counts.F1() > pts[best].Counts.F1() {
			best = i
		}
	}
	lines := []struct {
		name, colour, dash string
		v                  func(eval.Counts) float64
		labelY             float64
	}{
		{"precision", "#c92a2a", "6 3", eval.Counts.Precision, 0},
		{"recall", "#2b8a3e", "2 3", eval.Counts.Recall, 0},
		{"F1", "#1864ab", "", eval.Counts.F1, 0},
	}
	// Each line is named at its end; names that would overlap are pushed
	// apart, in the order of their ends.
	order := []int{0, 1, 2}
	for i := range lines {
		lines[i].labelY = y(lines[i].v(pts[n-1].Counts)) + 4
	}
	sort.Slice(order, func(a, c int) bool { return lines[order[a]].labelY < lines[order[c]].labelY })
	for k := 1; k < len(order); k++ {
		if prev := lines[order[k-1]].labelY; lines[order[k]].labelY < prev+14 {
			lines[order[k]].labelY = prev + 14
		}
	}
	for _, line := range lines {
		var ps []string
		for i, p := range pts {
			ps = append(ps, fmt.Sprintf("%.1f,%.1f", x(i), y(line.v(p.Counts))))
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2" stroke-dasharray="%s"/><text x="%d" y="%.1f" font-size="12">%s</text>`,
			strings.Join(ps, " "), line.colour, line.dash, left+width+6, line.labelY, line.name)
	}
	bp := pts[best]
	fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="5" fill="#1864ab"/><text id="best" x="%.1f" y="%.1f" font-size="12">best F1 %s at %s</text>`,
		x(best), y(bp.Counts.F1()), x(best)+8, y(bp.Counts.F1())-8, pct(bp.Counts.F1()), strconv.FormatFloat(bp.Threshold, 'g', 4, 64))
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="middle">threshold, from %s down to %s</text>`, left+width/2, top+height+28,
		strconv.FormatFloat(pts[0].Threshold, 'g', 4, 64), strconv.FormatFloat(pts[n-1].Threshold, 'g', 4, 64))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// funnelChart draws the gold numbers' chain: found, then read right.
func funnelChart(s *eval.SystemResult) template.HTML {
	chains := s.Summary.Numbers()
	if len(chains) == 0 || chains[0].Detected == 0 {
		return ""
	}
	c := chains[0]
	steps := []struct {
		name string
		n    int
	}{{"gold", c.Gold}, {"found", c.Detected}, {"value", c.Value}, {"+modifier", c.Modifier}, {"+unit", c.Unit}}
	const left, width, row = 90, 300, 24
	var b strings.Builder
	fmt.Fprintf(&b, `<svg role="img" aria-labelledby="nf-%[1]s" width="%[2]d" height="%[3]d" viewBox="0 0 %[2]d %[3]d"><title id="nf-%[1]s">The gold numbers of %[4]s: found, then read right</title>`, htmlID(s.Name), left+width+90, row*len(steps)+10, template.HTMLEscapeString(s.Name))
	for i, st := range steps {
		w := float64(width) * float64(st.n) / float64(c.Gold)
		y := 5 + row*i
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text><rect x="%d" y="%d" width="%.1f" height="%d" fill="#2b8a3e"/><text x="%.1f" y="%d" font-size="12">%d</text>`,
			left-8, y+14, st.name, left, y, w, row-6, float64(left)+w+6, y+14, st.n)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func maxF(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

// htmlID makes a name usable in an id.
func htmlID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{"mul100": func(f float64) float64 { return 100 * f }}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;line-height:1.4;color:#111;max-width:72rem}
table{border-collapse:collapse;margin:0.5rem 0 1rem}th,td{border:1px solid #ccc;padding:0.2rem 0.5rem;text-align:right}
th{background:#f2f2f2}td.l,th.l{text-align:left}caption{text-align:left;font-weight:600;padding:0.3rem 0}
section{margin-bottom:2rem}svg{max-width:100%;height:auto}
.wide{overflow-x:auto;max-width:100%}td{overflow-wrap:anywhere}
.o-missed{border-left:4px solid #c92a2a}.o-spurious{border-left:4px dashed #e67700}.o-incorrect{border-left:4px double #5f3dc4}.o-partial{border-left:4px dotted #1864ab}
mark{background:#ffec99}
#doc-text{white-space:pre-wrap;border:1px solid #ccc;padding:0.5rem;max-height:30rem;overflow:auto}
.m-missed{background:#ffc9c9;text-decoration:underline solid #c92a2a 2px}.m-spurious{background:#ffe8cc;text-decoration:underline dashed #e67700 2px}
.m-incorrect{background:#e5dbff;text-decoration:underline double #5f3dc4}.m-partial{background:#d0ebff;text-decoration:underline dotted #1864ab 2px}
.tag{font-size:0.75em;font-weight:600;vertical-align:super}button,select{font:inherit;padding:0.2rem 0.5rem}
:focus{outline:3px solid #1c7ed6;outline-offset:2px}
</style></head><body>
<h1>{{.Title}}</h1>
<pre>{{.Setup}}</pre>
{{if .Systems}}<section id="summary"><h2>Summary</h2>
<div class="wide" tabindex="0" role="region" aria-label="summary table"><table><caption>Micro precision, recall and F1 in %, with F1's interval where intervals were made</caption>
<thead><tr><th class="l" scope="col">system</th><th class="l" scope="col">scheme</th><th scope="col">P</th><th scope="col">R</th><th scope="col">F1</th><th scope="col">F1 interval</th></tr></thead><tbody>
{{range $s := .Systems}}{{range .Micro}}<tr><th class="l" scope="row">{{$s.Name}}</th><td class="l">{{.Scheme}}</td><td>{{.P}}</td><td>{{.R}}</td><td class="f1" data-system="{{$s.Name}}" data-scheme="{{.Scheme}}">{{.F1}}</td><td>{{.Interval}}</td></tr>
{{end}}{{end}}</tbody></table></div></section>{{end}}
{{range .Systems}}<section class="system"><h2>{{.Name}}</h2>
<h3>F1 per label (strict), with its interval</h3>{{.Labels}}
{{if .Confusion}}<h3>Confusion matrix (strict pairing)</h3>{{.Confusion}}{{end}}
{{if .Funnel}}<h3>Gold numbers: found, then read right</h3>{{.Funnel}}{{end}}
</section>{{end}}
{{if .Curve}}<section id="curve"><h2>Sweep</h2>{{.Curve}}</section>{{end}}
{{if .Forest}}<section id="compare"><h2>Comparison</h2>
<p>ΔF1 per label (strict), B − A in points, with its paired bootstrap interval and Holm-corrected p; ~ marks a difference that is not significant.</p>{{.Forest}}</section>{{end}}
{{if .HasChanges}}<section id="changes"><h2>Changes from {{.A}} to {{.B}}</h2>
<p>Gold mentions that went from correct to wrong (broken) or back (fixed), and spurious predictions that are new or removed, under the strict and value schemes.</p>
<form onsubmit="return false"><label>Change <select id="c-kind"><option value="">all</option><option>broken</option><option>fixed</option><option>new spurious</option><option>removed spurious</option></select></label></form>
<p id="c-count" aria-live="polite"></p>
<div class="wide" tabindex="0" role="region" aria-label="changes table"><table><caption>Changes, 100 a page</caption><thead><tr><th class="l">change</th><th class="l">scheme</th><th class="l">document</th><th class="l">mention</th><th class="l">{{.A}}</th><th class="l">{{.B}}</th><th class="l">context</th></tr></thead><tbody id="c-rows"></tbody></table></div>
<p><button id="c-prev" type="button">previous page</button> <span id="c-page"></span> <button id="c-next" type="button">next page</button></p>
<script type="application/json" id="changes-data">{{.Changes}}</script>
<script>
"use strict";
(function () {
  const changes = JSON.parse(document.getElementById("changes-data").textContent);
  const kind = document.getElementById("c-kind");
  let page = 0;
  function td(tr, text) { const c = document.createElement("td"); c.className = "l"; c.textContent = text; tr.appendChild(c); }
  function render() {
    const list = changes.filter(c => kind.value === "" || c.x === kind.value);
    const pages = Math.max(1, Math.ceil(list.length / 100));
    page = Math.min(page, pages - 1);
    const body = document.getElementById("c-rows");
    body.replaceChildren();
    for (const c of list.slice(page * 100, (page + 1) * 100)) {
      const tr = document.createElement("tr");
      td(tr, c.x); td(tr, c.k); td(tr, c.d); td(tr, c.t + " " + c.l); td(tr, c.a); td(tr, c.b); td(tr, c.c);
      body.appendChild(tr);
    }
    document.getElementById("c-count").textContent = list.length + " changes shown of " + changes.length;
    document.getElementById("c-page").textContent = "page " + (page + 1) + " of " + pages;
    document.getElementById("c-prev").disabled = page === 0;
    document.getElementById("c-next").disabled = page >= pages - 1;
  }
  kind.addEventListener("change", () => { page = 0; render(); });
  document.getElementById("c-prev").addEventListener("click", () => { page--; render(); });
  document.getElementById("c-next").addEventListener("click", () => { page++; render(); });
  render();
})();
</script></section>{{end}}
{{if .Worst}}<section id="slices"><h2>Worst slices</h2>
<div class="wide" tabindex="0" role="region" aria-label="worst slices table"><table><caption>Slices significantly below the rest of their family (strict, p &lt; 0.05 after Holm), worst first; a slice of predictions (score) has no gold mention and is measured by its precision (P)</caption>
<thead><tr><th class="l">system</th><th class="l">family</th><th class="l">slice</th><th>gold</th><th>F1</th><th>interval</th><th>Δ vs rest</th><th>p</th></tr></thead><tbody>
{{range .Worst}}{{if .Predictions}}<tr><td class="l">{{.System}}</td><td class="l">{{.Family}}</td><td class="l">{{.Slice}}</td><td>{{.Pred}} predicted</td><td>P {{printf "%.1f" (mul100 .P)}}</td><td>{{printf "%.1f–%.1f" (mul100 .PLow) (mul100 .PHigh)}}</td><td>{{printf "%+.1f" (mul100 .Delta)}}</td><td>{{printf "%.4f" .PHolm}}</td></tr>
{{else}}<tr><td class="l">{{.System}}</td><td class="l">{{.Family}}</td><td class="l">{{.Slice}}</td><td>{{.Gold}}</td><td>{{printf "%.1f" (mul100 .F1)}}</td><td>{{printf "%.1f–%.1f" (mul100 .F1Low) (mul100 .F1High)}}</td><td>{{printf "%+.1f" (mul100 .Delta)}}</td><td>{{printf "%.4f" .PHolm}}</td></tr>
{{end}}{{end}}</tbody></table></div></section>{{end}}
{{if .HasErrors}}<section id="errors"><h2>Errors</h2>
<p>Every outcome that is not correct under the strict and value schemes. The outcome is written in each row, and marked by the style of its left border: missed solid, spurious dashed, incorrect double, partial dotted.</p>
<form id="filters" onsubmit="return false"><label>System <select id="f-system"><option value="">all</option></select></label>
<label>Outcome <select id="f-outcome"><option value="">all</option></select></label>
<label>Label <select id="f-label"><option value="">all</option></select></label>
<label>Scheme <select id="f-scheme"><option value="">all</option></select></label>
<label>Slice <select id="f-slice"><option value="">all</option></select></label></form>
<p id="count" aria-live="polite"></p>
<div class="wide" tabindex="0" role="region" aria-label="errors table"><table><caption>Errors, 100 a page</caption><thead><tr><th class="l">system</th><th class="l">scheme</th><th class="l">outcome</th><th class="l">document</th><th class="l">gold</th><th class="l">predicted</th><th class="l">context</th></tr></thead><tbody id="rows"></tbody></table></div>
<p><button id="prev" type="button">previous page</button> <span id="page"></span> <button id="next" type="button">next page</button></p>
</section>
<section id="document" hidden><h2>Document <span id="doc-id"></span></h2>
<p>The errors of <span id="doc-system"></span> under <span id="doc-scheme"></span> in the document's text, each marked by its outcome and label after it:
<mark class="m-missed">missed</mark> (gold, not found; solid underline), <mark class="m-spurious">spurious</mark> (found, not gold; dashed), <mark class="m-incorrect">incorrect</mark> (wrong label, boundary or value; double), <mark class="m-partial">partial</mark> (overlap; dotted).</p>
<div id="doc-text" tabindex="0"></div></section>
<script type="application/json" id="errors-data">{{.Errors}}</script>
<script type="application/json" id="slices-data">{{.SliceNames}}</script>
<script type="application/json" id="texts-data">{{.Texts}}</script>
<script>
"use strict";
// The data is JSON, parsed when needed: the texts only when a document
// is first shown, so that a large report opens fast.
const errors = JSON.parse(document.getElementById("errors-data").textContent);
let texts = null;
function textOf(id) {
  if (texts === null) texts = JSON.parse(document.getElementById("texts-data").textContent);
  return texts[id] || "";
}
const perPage = 100;
let page = 0;
const sel = {system: "s", outcome: "o", label: "l", scheme: "k"};
for (const [name, key] of Object.entries(sel)) {
  const box = document.getElementById("f-" + name);
  for (const v of [...new Set(errors.map(e => e[key]))].sort()) {
    const o = document.createElement("option"); o.value = v; o.textContent = v; box.appendChild(o);
  }
  box.addEventListener("change", () => { page = 0; render(); });
}
const sliceNames = JSON.parse(document.getElementById("slices-data").textContent);
const sliceBox = document.getElementById("f-slice");
for (const k of sliceNames.map((_, k) => k).sort((a, b) => sliceNames[a] < sliceNames[b] ? -1 : 1)) {
  const o = document.createElement("option"); o.value = String(k); o.textContent = sliceNames[k]; sliceBox.appendChild(o);
}
sliceBox.addEventListener("change", () => { page = 0; render(); });
function shown() {
  const slice = sliceBox.value === "" ? -1 : Number(sliceBox.value);
  return errors.filter(e => (slice < 0 || (e.z || []).includes(slice)) && Object.entries(sel).every(([name, key]) => {
    const v = document.getElementById("f-" + name).value; return v === "" || e[key] === v; }));
}
function cell(tr, text) { const td = document.createElement("td"); td.className = "l"; td.textContent = text; tr.appendChild(td); return td; }
function render() {
  const list = shown();
  const pages = Math.max(1, Math.ceil(list.length / perPage));
  page = Math.min(page, pages - 1);
  const body = document.getElementById("rows");
  body.replaceChildren();
  for (const e of list.slice(page * perPage, (page + 1) * perPage)) {
    const tr = document.createElement("tr"); tr.className = "o-" + e.o;
    cell(tr, e.s); cell(tr, e.k); cell(tr, e.o);
    const dc = cell(tr, ""); const b = document.createElement("button"); b.type = "button"; b.className = "doc"; b.textContent = e.d;
    b.addEventListener("click", () => showDoc(e)); dc.appendChild(b);
    cell(tr, e.g); cell(tr, e.p);
    const ctx = cell(tr, "");
    const i = e.c.indexOf("["), j = e.c.lastIndexOf("]");
    if (i >= 0 && j > i) {
      ctx.append(e.c.slice(0, i)); const m = document.createElement("mark"); m.textContent = e.c.slice(i, j + 1); ctx.append(m, e.c.slice(j + 1));
    } else { ctx.textContent = e.c; }
    body.appendChild(tr);
  }
  document.getElementById("count").textContent = list.length + " errors shown of " + errors.length;
  document.getElementById("page").textContent = "page " + (page + 1) + " of " + pages;
  document.getElementById("prev").disabled = page === 0;
  document.getElementById("next").disabled = page >= pages - 1;
}
// showDoc shows e's document with the errors of e's system and scheme
// marked, each followed by its outcome and label.
function showDoc(e) {
  const text = Array.from(textOf(e.d));
  const marks = errors.filter(x => x.d === e.d && x.s === e.s && x.k === e.k && x.a >= 0).sort((x, y) => x.a - y.a || y.b - x.b);
  const box = document.getElementById("doc-text");
  box.replaceChildren();
  let at = 0;
  for (const m of marks) {
    if (m.a < at) continue; // inside one shown already
    box.append(text.slice(at, m.a).join(""));
    const mk = document.createElement("mark"); mk.className = "m-" + m.o; mk.textContent = text.slice(m.a, m.b).join("");
    const tag = document.createElement("span"); tag.className = "tag"; tag.textContent = " " + m.o + " " + m.l;
    box.append(mk, tag);
    at = m.b;
  }
  box.append(text.slice(at).join(""));
  document.getElementById("doc-id").textContent = e.d;
  document.getElementById("doc-system").textContent = e.s;
  document.getElementById("doc-scheme").textContent = e.k;
  const sec = document.getElementById("document"); sec.hidden = false; sec.scrollIntoView(); box.focus();
}
document.getElementById("prev").addEventListener("click", () => { page--; render(); });
document.getElementById("next").addEventListener("click", () => { page++; render(); });
render();
</script>{{end}}
</body></html>
`))
