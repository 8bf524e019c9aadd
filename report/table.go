package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// Setup writes, a line each, how labels were mapped and which were
// scored, when the setup maps or restricts them.
func Setup(w io.Writer, s *eval.Setup) {
	if lm := LabelMap(s); lm != "" {
		fmt.Fprintf(w, "labels mapped by %s\n", lm)
	}
	if l := Labels(s); l != "" {
		fmt.Fprintf(w, "scored on %s only\n", l)
	}
	if len(s.Ignore) > 0 {
		fmt.Fprintf(w, "gold %s: don't care (never missed; a prediction on one alone is not scored)\n", strings.Join(s.Ignore, ", "))
	}
}

// Table writes, for each system, a table with a row per label (micro and
// macro last) and precision, recall and F1 in percent per scheme.
func Table(w io.Writer, res *eval.Result) error {
	var b strings.Builder
	for i, s := range res.Systems {
		if i > 0 {
			b.WriteByte('\n')
		}
		micro := s.Summary.Micro(eval.Strict)
		fmt.Fprintf(&b, "%s: %d documents, %d gold mentions, %d predicted (P, R, F1 in %%)\n", s.Name, s.Summary.N, micro.Possible(), micro.Actual())
		Setup(&b, &res.Setup)
		if res.Setup.Scope != nil {
			fmt.Fprintf(&b, "%s out of scope, not scored\n", Plural(s.OutOfScopeCount(eval.All), "prediction"))
		}
		if len(res.Setup.Ignore) > 0 {
			fmt.Fprintf(&b, "%s on don't-care gold (%s) alone, not scored\n", Plural(s.DontCareCount(eval.All), "prediction"), strings.Join(res.Setup.Ignore, ", "))
		}
		labels := s.Summary.Labels()
		labels = append(labels[1:], labels[0]) // micro after the labels
		width := len("label")
		for _, lc := range labels {
			width = max(width, len(labelName(lc.Label)))
		}
		schemes := res.Setup.Schemes()
		schemeHeader(&b, fmt.Sprintf("%-*s %5s %5s", width, "label", "gold", "pred"), schemes)
		for _, lc := range labels {
			strict := lc.Scheme[eval.Strict]
			cells := []string{fmt.Sprintf("%-*s %5d %5d", width, labelName(lc.Label), strict.Possible(), strict.Actual())}
			for _, sc := range schemes {
				if !slices.Contains(schemesOf(lc.Label, schemes), sc) {
					cells = append(cells, strings.Repeat(" ", 21))
					continue
				}
				cells = append(cells, prfCell(sc, lc.Scheme[sc]))
			}
			tableLine(&b, cells...)
		}
		cells := []string{fmt.Sprintf("%-*s %5s %5s", width, "macro", "", "")}
		for _, sc := range schemes {
			m := s.Summary.Macro(sc)
			if sc == eval.Value && m.Labels == 0 {
				cells = append(cells, naCell)
				continue
			}
			cells = append(cells, prf(m.Precision, m.Recall, m.F1))
		}
		tableLine(&b, cells...)
		if len(s.Intervals) > 0 {
			b.WriteByte('\n')
			rows := make([][]string, 0, len(labels)+1)
			for _, lc := range labels {
				rows = append(rows, f1Intervals(s, &res.Setup, labelName(lc.Label), eval.Key{Label: lc.Label}, lc.Scheme[:]))
			}
			rows = append(rows, f1Intervals(s, &res.Setup, "macro", eval.Key{Macro: true}, nil))
			intervalTable(&b, &res.Setup, "label", rows)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// naCell is a scheme's cell group where the scheme measures nothing: the
// value scheme where the gold or the system has no number.
var naCell = fmt.Sprintf("   %6s%6s%6s", "n/a", "n/a", "n/a")

// prfCell is the cell group of counts c under scheme sc: naCell for the
// value scheme when either side has no number.
func prfCell(sc eval.Scheme, c eval.Counts) string {
	if sc == eval.Value && (c.Possible() == 0 || c.Actual() == 0) {
		return naCell
	}
	return prf(c.Precision(), c.Recall(), c.F1())
}

// f1Intervals returns a row of an interval table: name, then, for each
// scheme, F1 and its interval for key k (its Scheme set in turn) in
// percent, or "" where there is none; "n/a" for the value scheme where
// counts (by scheme; nil for macro) say a side has no number.
func f1Intervals(s *eval.SystemResult, setup *eval.Setup, name string, k eval.Key, counts []eval.Counts) []string {
	row := []string{name}
	method := setup.Intervals.Defaults().Method
	schemes := setup.Schemes()
	for _, sc := range schemes {
		k.Scheme = sc
		r, ok := s.Interval(k)
		switch {
		case !k.Macro && !slices.Contains(schemesOf(k.Label, schemes), sc):
			row = append(row, "")
		case counts != nil && sc == eval.Value && (counts[sc].Possible() == 0 || counts[sc].Actual() == 0):
			row = append(row, "n/a")
		case !ok:
			row = append(row, "")
		default:
			f1 := r.Metric[eval.F1]
			iv := f1.Interval(method)
			row = append(row, fmt.Sprintf("%s %s–%s", pct(f1.Value), pct(iv.Low), pct(iv.High)))
		}
	}
	return row
}

// intervalTable writes rows of f1Intervals under a header that says how
// the intervals were made. Each cell is F1, a space and its interval,
// "56.2 52.0–60.1", so that five schemes fit in about 100 columns.
func intervalTable(b *strings.Builder, setup *eval.Setup, first string, rows [][]string) {
	o, u := setup.Intervals, setup.Unit
	fmt.Fprintf(b, "F1 in %% and its interval (%s)\n", Intervals(*o, u))
	width := len(first)
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r[0]))
	}
	const cell = 18
	head := []string{fmt.Sprintf("%-*s", width, first)}
	for _, sc := range setup.Schemes() {
		head = append(head, fmt.Sprintf("  %-*s", cell, sc))
	}
	tableLine(b, head...)
	for _, r := range rows {
		cells := []string{fmt.Sprintf("%-*s", width, r[0])}
		for _, c := range r[1:] {
			cells = append(cells, "  "+c+strings.Repeat(" ", max(0, cell-utf8.RuneCountInString(c))))
		}
		tableLine(b, cells...)
	}
}

// pct formats a ratio in percent with one decimal.
func pct(f float64) string { return fmt.Sprintf("%.1f", 100*f) }

// prf is one scheme's cell group: precision, recall and F1 in percent.
func prf(p, r, f1 float64) string { return fmt.Sprintf("   %6s%6s%6s", pct(p), pct(r), pct(f1)) }

// schemeHeader writes the two header lines of a table whose left columns
// are headed left, followed by a P, R, F1 group per scheme.
func schemeHeader(b *strings.Builder, left string, schemes []eval.Scheme) {
	head := []string{strings.Repeat(" ", len(left))}
	sub := []string{left}
	for _, sc := range schemes {
		head = append(head, fmt.Sprintf("   %-18s", sc))
		sub = append(sub, fmt.Sprintf("   %6s%6s%6s", "P", "R", "F1"))
	}
	tableLine(b, head...)
	tableLine(b, sub...)
}

// tableLine writes cells as one line, without trailing spaces.
func tableLine(b *strings.Builder, cells ...string) {
	b.WriteString(strings.TrimRight(strings.Join(cells, ""), " ") + "\n")
}

// Bench is what the bench table shows of a run beside its scores: how
// fast each system extracted.
type Bench struct {
	Docs       int       // documents extracted
	DocsPerSec []float64 // by system
}

// BenchTable writes one row per system: how many mentions it found, how
// fast it ran, and micro precision, recall and F1 under each scheme, in
// percent; then how the gold numbers fare with each system that finds
// any (see [Chains]).
func BenchTable(w io.Writer, res *eval.Result, b Bench) error {
	var gold int
	if len(res.Systems) > 0 {
		gold = res.Systems[0].Summary.Micro(eval.Strict).Possible()
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d documents, %d gold mentions; micro P, R, F1 in %% (value: numbers only)\n", b.Docs, gold)
	Setup(&sb, &res.Setup)
	width := len("system")
	for _, s := range res.Systems {
		width = max(width, len(s.Name))
	}
	schemes := res.Setup.Schemes()
	schemeHeader(&sb, fmt.Sprintf("%-*s %6s %8s", width, "system", "found", "docs/s"), schemes)
	var intervals [][]string
	for i, s := range res.Systems {
		cells := []string{fmt.Sprintf("%-*s %6d %8.1f", width, s.Name, s.Summary.Micro(eval.Strict).Actual(), b.DocsPerSec[i])}
		micro := make([]eval.Counts, eval.Bag+1)
		for _, sc := range schemes {
			micro[sc] = s.Summary.Micro(sc)
			cells = append(cells, prfCell(sc, micro[sc]))
		}
		tableLine(&sb, cells...)
		if len(s.Intervals) > 0 {
			intervals = append(intervals, f1Intervals(s, &res.Setup, s.Name, eval.Key{Label: eval.All}, micro))
		}
	}
	if len(intervals) > 0 {
		sb.WriteString("\nmicro ")
		intervalTable(&sb, &res.Setup, "system", intervals)
	}
	chains(&sb, res.Systems, width)
	_, err := io.WriteString(w, sb.String())
	return err
}

// chains writes, for each system that finds any gold number, how the
// gold numbers fare: found, then the value right, then the modifier too,
// then the unit too (rates over the found).
func chains(b *strings.Builder, systems []*eval.SystemResult, width int) {
	header := false
	for _, s := range systems {
		chains := s.Summary.Numbers()
		if len(chains) == 0 || chains[0].Detected == 0 {
			continue
		}
		c := chains[0]
		if !header {
			fmt.Fprintf(b, "\ngold numbers (%d): found (%% of gold), then read right (%% of found): value, and modifier, and unit\n", c.Gold)
			fmt.Fprintf(b, "%-*s %13s %13s %13s %13s\n", width, "system", "found", "value", "+modifier", "+unit")
			header = true
		}
		pct := func(n, of int) string { return fmt.Sprintf("%4d %6.1f%%", n, 100*float64(n)/float64(max(of, 1))) }
		fmt.Fprintf(b, "%-*s %13s %13s %13s %13s\n", width, s.Name, pct(c.Detected, c.Gold), pct(c.Value, c.Detected), pct(c.Modifier, c.Detected), pct(c.Unit, c.Detected))
	}
}

// Conlleval writes conlleval.pl's report from a system's strict counts:
// the same lines, numbers and rounding. tokens and correctTags count as
// conlleval does.
func Conlleval(w io.Writer, tokens, correctTags int, sum *eval.Summary) error {
	var b strings.Builder
	micro := sum.Micro(eval.Strict)
	fmt.Fprintf(&b, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", tokens, micro.Possible(), micro.Actual(), micro.Correct)
	if tokens > 0 {
		p, r, f := conllevalPRF(micro)
		fmt.Fprintf(&b, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", 100*float64(correctTags)/float64(tokens), p, r, f)
	}
	var types []corpus.Label
	byType := map[corpus.Label]eval.Counts{}
	for _, lc := range sum.Labels() {
		if lc.Label != eval.All {
			types = append(types, lc.Label)
			byType[lc.Label] = lc.Scheme[eval.Strict]
		}
	}
	slices.Sort(types) // conlleval sorts types as strings
	for _, t := range types {
		c := byType[t]
		p, r, f := conllevalPRF(c)
		fmt.Fprintf(&b, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", t, p, r, f, c.Actual())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// conllevalPRF computes percentages in conlleval's order of operations,
// so the rounding of the printed figures is the same.
func conllevalPRF(c eval.Counts) (p, r, f float64) {
	if c.Actual() > 0 {
		p = 100 * float64(c.Correct) / float64(c.Actual())
	}
	if c.Possible() > 0 {
		r = 100 * float64(c.Correct) / float64(c.Possible())
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
