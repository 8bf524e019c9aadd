package report

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// ScoreFiles are the files [Write] writes, in order.
var ScoreFiles = []string{"scores.csv", "documents.csv", "confusion.csv", "numbers.csv", "errors.csv"}

// Write writes the five reports of a scoring into dir as one set (see
// [WriteSet]): scores.csv, documents.csv, confusion.csv, numbers.csv and
// errors.csv. rows holds the rows of documents.csv and errors.csv, made
// as the documents were scored.
func Write(ctx context.Context, dir string, res *eval.Result, rows *Rows) error {
	return WriteSet(ctx, dir, Files(res, rows))
}

// Files returns the five reports of a scoring, for a set of files that
// holds more ([WriteSet]); [Write] writes them alone.
func Files(res *eval.Result, rows *Rows) []File {
	return []File{
		{"scores.csv", func(w io.Writer) error { return Scores(w, res) }},
		{"documents.csv", func(w io.Writer) error { return rows.writeDocs(w) }},
		{"confusion.csv", func(w io.Writer) error { return Confusion(w, res) }},
		{"numbers.csv", func(w io.Writer) error { return Numbers(w, res) }},
		{"errors.csv", func(w io.Writer) error { return rows.writeErrors(w) }},
	}
}

// ScoreRow is a row of scores.csv, as gocsv writes it (exported, so
// that gocsv sees its fields where another row type embeds it).
type ScoreRow struct {
	System     string `csv:"system"`
	Scheme     string `csv:"scheme"`
	Label      string `csv:"label"`
	Correct    string `csv:"correct"`
	Incorrect  string `csv:"incorrect"`
	Partial    string `csv:"Partial"` // renamed by headerWriter
	Missed     string `csv:"missed"`
	Spurious   string `csv:"spurious"`
	Possible   string `csv:"possible"`
	Actual     string `csv:"actual"`
	Precision  string `csv:"precision"`
	Recall     string `csv:"recall"`
	F1         string `csv:"f1"`
	Warning    string `csv:"warning"`
	LabelMap   string `csv:"label_map"`    // the label map, and the side it applied to
	Labels     string `csv:"labels"`       // the labels scored; empty for all
	OutOfScope string `csv:"out_of_scope"` // predictions outside the scope, not scored
	DontCare   string `csv:"dont_care"`    // predictions on don't-care gold mentions alone, not scored
}

// scoreRowCI is a scores.csv row with confidence intervals.
type scoreRowCI struct {
	ScoreRow
	IntervalCells
}

// IntervalCells are the interval columns of a report row, as gocsv
// writes them (exported for the same reason as ScoreRow).
type IntervalCells struct {
	PLow  string `csv:"p_low"`
	PHigh string `csv:"p_high"`
	RLow  string `csv:"r_low"`
	RHigh string `csv:"r_high"`
	FLow  string `csv:"f1_low"`
	FHigh string `csv:"f1_high"`
	CI    string `csv:"ci"`
}

// intervalCellsOf formats the intervals of P, R and F1 made by method m,
// described as ci.
func intervalCellsOf(est *[3]eval.Estimate, m eval.Method, ci string) IntervalCells {
	iv := func(x eval.Metric) eval.Interval { return est[x].Interval(m) }
	return IntervalCells{
		PLow: Decimal(iv(eval.Precision).Low), PHigh: Decimal(iv(eval.Precision).High),
		RLow: Decimal(iv(eval.Recall).Low), RHigh: Decimal(iv(eval.Recall).High),
		FLow: Decimal(iv(eval.F1).Low), FHigh: Decimal(iv(eval.F1).High),
		CI: ci,
	}
}

// Scores writes scores.csv: for every system, scheme and label (micro,
// each label with a gold or predicted mention, macro) the counts and
// precision, recall and F1, and with intervals their columns.
func Scores(w io.Writer, res *eval.Result) error {
	if res.Setup.Intervals == nil {
		return marshalCSV(w, scoreRows(res))
	}
	var out []scoreRowCI
	for _, s := range res.Systems {
		ci := Intervals(*res.Setup.Intervals, res.Setup.Unit)
		for _, r := range systemScoreRows(res, s) {
			row := scoreRowCI{ScoreRow: r, IntervalCells: IntervalCells{CI: ci}}
			sc, _ := eval.ParseScheme(r.Scheme)
			key := eval.Key{Scheme: sc, Label: eval.All, Macro: r.Label == "macro"}
			if r.Label != "micro" && r.Label != "macro" {
				key.Label = corpus.Label(r.Label)
			}
			if est, ok := s.Interval(key); ok {
				row.IntervalCells = intervalCellsOf(&est.Metric, res.Setup.Intervals.Method, ci)
				var notes []string
				if row.Warning != "" {
					notes = append(notes, row.Warning)
				}
				for _, w := range est.Warnings {
					note := w.Error()
					if _, ok := w.(*eval.FewGold); ok {
						note += ": the interval is rough"
					}
					notes = append(notes, note)
				}
				row.Warning = strings.Join(notes, "; ")
			}
			out = append(out, row)
		}
	}
	return marshalCSV(w, out)
}

func scoreRows(res *eval.Result) []ScoreRow {
	var rows []ScoreRow
	for _, s := range res.Systems {
		rows = append(rows, systemScoreRows(res, s)...)
	}
	return rows
}

func systemScoreRows(res *eval.Result, s *eval.SystemResult) []ScoreRow {
	var rows []ScoreRow
	name, lm, labels := gold.EscapeCell(s.Name), gold.EscapeCell(LabelMap(&res.Setup)), Labels(&res.Setup)
	labelCounts := s.Summary.Labels()
	schemes := res.Setup.Schemes()
	for _, sc := range schemes {
		for _, lc := range labelCounts {
			if !slices.Contains(schemesOf(lc.Label, schemes), sc) {
				continue
			}
			c := lc.Scheme[sc]
			if lc.Label != eval.All && c.Possible()+c.Actual() == 0 {
				continue
			}
			x := countCells(c)
			oos := ""
			if s.OutOfScope != nil || res.Setup.Scope != nil {
				oos = strconv.Itoa(s.OutOfScopeCount(lc.Label))
			}
			dc := ""
			if len(res.Setup.Ignore) > 0 {
				dc = strconv.Itoa(s.DontCareCount(lc.Label))
			}
			rows = append(rows, ScoreRow{
				System: name, Scheme: sc.String(), Label: labelName(lc.Label),
				Correct: x[0], Incorrect: x[1], Partial: x[2], Missed: x[3], Spurious: x[4], Possible: x[5], Actual: x[6],
				Precision: x[7], Recall: x[8], F1: x[9], Warning: undefinedWarning(c),
				LabelMap: lm, Labels: labels, OutOfScope: oos, DontCare: dc,
			})
		}
		m := s.Summary.Macro(sc)
		w := fmt.Sprintf("mean over %d labels", m.Labels)
		if m.Labels == 0 {
			w = "no labels to average, reported as 0"
		}
		rows = append(rows, ScoreRow{System: name, Scheme: sc.String(), Label: "macro",
			Precision: Decimal(m.Precision), Recall: Decimal(m.Recall), F1: Decimal(m.F1), Warning: w,
			LabelMap: lm, Labels: labels})
	}
	return rows
}

// docRow is a row of documents.csv.
type docRow struct {
	System    string `csv:"system"`
	Scheme    string `csv:"scheme"`
	DocID     string `csv:"doc_id"`
	Correct   string `csv:"correct"`
	Incorrect string `csv:"incorrect"`
	Partial   string `csv:"Partial"` // renamed by headerWriter
	Missed    string `csv:"missed"`
	Spurious  string `csv:"spurious"`
	Possible  string `csv:"possible"`
	Actual    string `csv:"actual"`
	Precision string `csv:"precision"`
	Recall    string `csv:"recall"`
	F1        string `csv:"f1"`
	Warning   string `csv:"warning"`
}

// docRowOf is a documents.csv row: a document's counts under sc.
func docRowOf(name string, sc eval.Scheme, docID string, c eval.Counts) docRow {
	x := countCells(c)
	return docRow{
		System: gold.EscapeCell(name), Scheme: sc.String(), DocID: gold.EscapeCell(docID),
		Correct: x[0], Incorrect: x[1], Partial: x[2], Missed: x[3], Spurious: x[4], Possible: x[5], Actual: x[6],
		Precision: x[7], Recall: x[8], F1: x[9], Warning: undefinedWarning(c),
	}
}

// numberRow is a row of numbers.csv: the chain of a numeric label's gold
// mentions (or all of them, micro) through a system's reading.
type numberRow struct {
	System       string `csv:"system"`
	Label        string `csv:"label"`
	Gold         int    `csv:"gold"`
	Detected     int    `csv:"detected"`
	DetectedRate string `csv:"detected_rate"`
	Value        int    `csv:"value"`
	ValueRate    string `csv:"value_rate"`
	Modifier     int    `csv:"modifier"`
	ModifierRate string `csv:"modifier_rate"`
	Unit         int    `csv:"unit"`
	UnitRate     string `csv:"unit_rate"`
	Warning      string `csv:"warning"`
}

// Numbers writes numbers.csv: for every system, the gold numbers found,
// then read right (value, then modifier too, then unit too), per numeric
// label and micro; detected is a rate over the gold, each later step
// over the detected (a 0/0 rate is 0, with a warning).
func Numbers(w io.Writer, res *eval.Result) error {
	var rows []numberRow
	rate := func(n, of int) string {
		if of == 0 {
			return Decimal(0)
		}
		return Decimal(float64(n) / float64(of))
	}
	for _, s := range res.Systems {
		for _, c := range s.Summary.Numbers() {
			r := numberRow{System: gold.EscapeCell(s.Name), Label: labelName(c.Label), Gold: c.Gold,
				Detected: c.Detected, DetectedRate: rate(c.Detected, c.Gold),
				Value: c.Value, ValueRate: rate(c.Value, c.Detected),
				Modifier: c.Modifier, ModifierRate: rate(c.Modifier, c.Detected),
				Unit: c.Unit, UnitRate: rate(c.Unit, c.Detected)}
			if c.Detected == 0 {
				r.Warning = "no number detected: the rates after detected are 0/0, reported as 0"
			}
			rows = append(rows, r)
		}
	}
	return marshalCSV(w, rows)
}

type confusionRow struct {
	System    string `csv:"system"`
	GoldLabel string `csv:"gold_label"`
	PredLabel string `csv:"pred_label"`
	Count     int    `csv:"count"`
}

// Confusion writes confusion.csv: every cell of each system's gold ×
// predicted label matrix over the strict pairing, with a MISSED column
// and a SPURIOUS row.
func Confusion(w io.Writer, res *eval.Result) error {
	var rows []confusionRow
	for _, s := range res.Systems {
		golds, preds, m := s.Summary.Confusion()
		if m == nil {
			continue
		}
		for i, g := range golds {
			for j, p := range preds {
				if g == eval.Spurious && p == eval.Missed {
					continue
				}
				rows = append(rows, confusionRow{System: gold.EscapeCell(s.Name), GoldLabel: string(g), PredLabel: string(p), Count: int(m.At(i, j))})
			}
		}
	}
	return marshalCSV(w, rows)
}

// errorRow is a row of errors.csv.
type errorRow struct {
	System     string `csv:"system"`
	Scheme     string `csv:"scheme"`
	Outcome    string `csv:"outcome"`
	DocID      string `csv:"doc_id"`
	GoldStart  string `csv:"gold_start"`
	GoldEnd    string `csv:"gold_end"`
	GoldText   string `csv:"gold_text"`
	GoldLabel  string `csv:"gold_label"`
	GoldNumber string `csv:"gold_number"`
	PredStart  string `csv:"pred_start"`
	PredEnd    string `csv:"pred_end"`
	PredText   string `csv:"pred_text"`
	PredLabel  string `csv:"pred_label"`
	PredNumber string `csv:"pred_number"`
	Context    string `csv:"context"`
}

// errorRowOf is an errors.csv row.
func errorRowOf(name string, e eval.Mistake) errorRow {
	r := errorRow{System: gold.EscapeCell(name), Scheme: e.Scheme.String(), Outcome: e.Outcome.String(),
		DocID: gold.EscapeCell(e.DocID), Context: gold.EscapeCell(e.Context)}
	if g := e.Gold; g != nil {
		r.GoldStart, r.GoldEnd = strconv.Itoa(g.Span.Start), strconv.Itoa(g.Span.End)
		r.GoldText, r.GoldLabel, r.GoldNumber = gold.EscapeCell(g.Text), string(g.Label), gold.EscapeCell(number(g))
	}
	if p := e.Pred; p != nil {
		r.PredStart, r.PredEnd = strconv.Itoa(p.Span.Start), strconv.Itoa(p.Span.End)
		r.PredText, r.PredLabel, r.PredNumber = gold.EscapeCell(p.Text), string(p.Label), gold.EscapeCell(number(p))
	}
	return r
}
