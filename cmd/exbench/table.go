package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// printSetup says, a line each, how a system's labels were mapped and
// which were scored, when -map or -labels were given.
func (s *system) printSetup(w io.Writer) {
	if s.labelMap != "" {
		fmt.Fprintf(w, "labels mapped by %s\n", s.labelMap)
	}
	if s.labelSet != "" {
		fmt.Fprintf(w, "scored on %s only\n", s.labelSet)
	}
}

// printScores prints, for each system, a table with a row per label
// (micro and macro last) and precision, recall and F1 in percent per
// scheme.
func printScores(w io.Writer, systems []*system) error {
	var b strings.Builder
	for i, s := range systems {
		if i > 0 {
			b.WriteByte('\n')
		}
		micro := s.sum.Micro(eval.Strict)
		fmt.Fprintf(&b, "%s: %d documents, %d gold mentions, %d predicted (P, R, F1 in %%)\n", s.name, s.sum.N, micro.Possible(), micro.Actual())
		s.printSetup(&b)
		if s.outOfScope != nil {
			fmt.Fprintf(&b, "%s out of scope, not scored\n", plural(s.outOfScopeCount(eval.All), "prediction"))
		}
		labels := s.sum.Labels()
		labels = append(labels[1:], labels[0]) // micro after the labels
		width := len("label")
		for _, lc := range labels {
			width = max(width, len(labelName(lc.Label)))
		}
		line := func(cells ...string) { tableLine(&b, cells...) }
		schemeHeader(&b, fmt.Sprintf("%-*s %5s %5s", width, "label", "gold", "pred"))
		for _, lc := range labels {
			strict := lc.Scheme[eval.Strict]
			cells := []string{fmt.Sprintf("%-*s %5d %5d", width, labelName(lc.Label), strict.Possible(), strict.Actual())}
			for _, sc := range eval.Schemes {
				if !slices.Contains(schemesOf(lc.Label), sc) {
					cells = append(cells, strings.Repeat(" ", 21))
					continue
				}
				c := lc.Scheme[sc]
				cells = append(cells, prf(c.Precision(), c.Recall(), c.F1()))
			}
			line(cells...)
		}
		cells := []string{fmt.Sprintf("%-*s %5s %5s", width, "macro", "", "")}
		for _, sc := range eval.Schemes {
			m := s.sum.Macro(sc)
			cells = append(cells, prf(m.Precision, m.Recall, m.F1))
		}
		line(cells...)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pct(f float64) string { return fmt.Sprintf("%.1f", 100*f) }

// prf is one scheme's cell group: precision, recall and F1 in percent.
func prf(p, r, f1 float64) string { return fmt.Sprintf("   %6s%6s%6s", pct(p), pct(r), pct(f1)) }

// schemeHeader writes the two header lines of a table whose left columns
// are headed left, followed by a P, R, F1 group per scheme.
func schemeHeader(b *strings.Builder, left string) {
	head := []string{strings.Repeat(" ", len(left))}
	sub := []string{left}
	for _, sc := range eval.Schemes {
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

// printConlleval prints conlleval.pl's report from the strict counts:
// the same lines, numbers and rounding.
func printConlleval(w io.Writer, tokens, correctTags int, sum *eval.Summary) {
	micro := sum.Micro(eval.Strict)
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", tokens, micro.Possible(), micro.Actual(), micro.Correct)
	if tokens > 0 {
		p, r, f := conllevalPRF(micro)
		fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", 100*float64(correctTags)/float64(tokens), p, r, f)
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
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", t, p, r, f, c.Actual())
	}
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
