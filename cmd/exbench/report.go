package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/gocarina/gocsv"
)

// system is one scored system: its name, its summed counts and, when the
// reports are written, its errors; with -ci, its intervals.
type system struct {
	name   string
	sum    eval.Summary
	errors []eval.Mistake
	rows   []eval.Row // bootstrap intervals, by key
	stats  *statFlags // how rows were made

	spooled *spooled // rows of documents.csv and errors.csv, when scored one document at a time

	labelMap, labelSet string               // how labels were mapped and which were scored (-map, -labels); "" for none
	opts               eval.Options         // how it was scored
	outOfScope         map[corpus.Label]int // predictions outside -scope, by label
}

// ScoreRow is a row of scores.csv (exported so that gocsv sees the
// fields scoreRowCI embeds) and, with DocID, of documents.csv.
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
	LabelMap   string `csv:"label_map"`    // -map, and the side it applied to
	Labels     string `csv:"labels"`       // -labels: the labels scored; empty for all
	OutOfScope string `csv:"out_of_scope"` // predictions outside -scope, not scored
}

// scoreRowCI is a scores.csv row with confidence intervals (-ci).
type scoreRowCI struct {
	ScoreRow
	IntervalCells
}

// IntervalCells are the interval columns of a report row (exported so
// that gocsv sees the fields of the rows that embed it).
type IntervalCells struct {
	PLow  string `csv:"p_low"`
	PHigh string `csv:"p_high"`
	RLow  string `csv:"r_low"`
	RHigh string `csv:"r_high"`
	FLow  string `csv:"f1_low"`
	FHigh string `csv:"f1_high"`
	CI    string `csv:"ci"`
}

// intervalCells formats the intervals of P, R and F1 (by -ci-method).
func intervalCells(est *[3]eval.Estimate, st *statFlags) IntervalCells {
	iv := func(m eval.Metric) eval.Interval {
		if st.method == "percentile" {
			return est[m].Percentile
		}
		return est[m].BCa
	}
	return IntervalCells{
		PLow: decimal(iv(eval.Precision).Low), PHigh: decimal(iv(eval.Precision).High),
		RLow: decimal(iv(eval.Recall).Low), RHigh: decimal(iv(eval.Recall).High),
		FLow: decimal(iv(eval.F1).Low), FHigh: decimal(iv(eval.F1).High),
		CI: st.describe(),
	}
}

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

func numberRows(systems []*system) []numberRow {
	var rows []numberRow
	for _, s := range systems {
		for _, c := range s.sum.Numbers() {
			rows = append(rows, numberRowOf(s.name, c))
		}
	}
	return rows
}

// numberRowOf is a numbers.csv row: detected over the gold, each later
// step over the detected (a 0/0 rate is 0, with a warning).
func numberRowOf(name string, c eval.NumberChain) numberRow {
	rate := func(n, of int) string {
		if of == 0 {
			return decimal(0)
		}
		return decimal(float64(n) / float64(of))
	}
	r := numberRow{System: gold.EscapeCell(name), Label: labelName(c.Label), Gold: c.Gold,
		Detected: c.Detected, DetectedRate: rate(c.Detected, c.Gold),
		Value: c.Value, ValueRate: rate(c.Value, c.Detected),
		Modifier: c.Modifier, ModifierRate: rate(c.Modifier, c.Detected),
		Unit: c.Unit, UnitRate: rate(c.Unit, c.Detected)}
	if c.Detected == 0 {
		r.Warning = "no number detected: the rates after detected are 0/0, reported as 0"
	}
	return r
}

type confusionRow struct {
	System    string `csv:"system"`
	GoldLabel string `csv:"gold_label"`
	PredLabel string `csv:"pred_label"`
	Count     int    `csv:"count"`
}

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

// decimal formats a metric with the fixed 4 decimals of every report.
func decimal(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

// labelName is the label column's value: "micro" for all labels together.
func labelName(l corpus.Label) string {
	if l == eval.All {
		return "micro"
	}
	return string(l)
}

// undefinedWarning explains a 0/0 metric.
func undefinedWarning(c eval.Counts) string {
	switch c.Undefined() {
	case "precision and recall":
		return "precision and recall are 0/0 (no gold, no predictions), reported as 0"
	case "precision":
		return "precision is 0/0 (no predictions), reported as 0"
	case "recall":
		return "recall is 0/0 (no gold), reported as 0"
	}
	return ""
}

// schemes returns the schemes a label is scored under: Value only for
// the numeric labels and micro.
func schemesOf(l corpus.Label) []eval.Scheme {
	if l == eval.All || l.Numeric() {
		return eval.Schemes
	}
	return eval.Schemes[:eval.Value]
}

func countCells(c eval.Counts) [10]string {
	return [10]string{
		strconv.Itoa(c.Correct), strconv.Itoa(c.Incorrect), strconv.Itoa(c.Partial), strconv.Itoa(c.Missed), strconv.Itoa(c.Spurious),
		strconv.Itoa(c.Possible()), strconv.Itoa(c.Actual()),
		decimal(c.Precision()), decimal(c.Recall()), decimal(c.F1()),
	}
}

// outOfScopeCell is the out_of_scope cell of label l's rows (All: every
// label): "" without -scope.
func (s *system) outOfScopeCell(l corpus.Label) string {
	if s.outOfScope == nil {
		return ""
	}
	return strconv.Itoa(s.outOfScopeCount(l))
}

// outOfScopeCount counts the predictions of label l (All: every label)
// outside -scope.
func (s *system) outOfScopeCount(l corpus.Label) int {
	if l != eval.All {
		return s.outOfScope[l]
	}
	n := 0
	for _, k := range s.outOfScope {
		n += k
	}
	return n
}

func scoreRows(systems []*system) []ScoreRow {
	var rows []ScoreRow
	for _, s := range systems {
		labels := s.sum.Labels()
		for _, sc := range eval.Schemes {
			for _, lc := range labels {
				if !slices.Contains(schemesOf(lc.Label), sc) {
					continue
				}
				c := lc.Scheme[sc]
				if lc.Label != eval.All && c.Possible()+c.Actual() == 0 {
					continue
				}
				x := countCells(c)
				rows = append(rows, ScoreRow{
					System: gold.EscapeCell(s.name), Scheme: sc.String(), Label: labelName(lc.Label),
					Correct: x[0], Incorrect: x[1], Partial: x[2], Missed: x[3], Spurious: x[4], Possible: x[5], Actual: x[6],
					Precision: x[7], Recall: x[8], F1: x[9], Warning: undefinedWarning(c),
					LabelMap: gold.EscapeCell(s.labelMap), Labels: s.labelSet, OutOfScope: s.outOfScopeCell(lc.Label),
				})
			}
			m := s.sum.Macro(sc)
			w := fmt.Sprintf("mean over %d labels", m.Labels)
			if m.Labels == 0 {
				w = "no labels to average, reported as 0"
			}
			rows = append(rows, ScoreRow{System: gold.EscapeCell(s.name), Scheme: sc.String(), Label: "macro",
				Precision: decimal(m.Precision), Recall: decimal(m.Recall), F1: decimal(m.F1), Warning: w,
				LabelMap: gold.EscapeCell(s.labelMap), Labels: s.labelSet})
		}
	}
	return rows
}

// scoreRowsAny returns scores.csv's rows, with interval columns when the
// systems have intervals.
func scoreRowsAny(systems []*system) any {
	rows := scoreRows(systems)
	if len(systems) == 0 || systems[0].rows == nil {
		return rows
	}
	// scoreRows walks the systems, schemes and labels in the order below.
	var out []scoreRowCI
	i := 0
	for _, s := range systems {
		byKey := map[eval.Key]eval.Row{}
		for _, r := range s.rows {
			byKey[r.Key] = r
		}
		for ; i < len(rows) && rows[i].System == gold.EscapeCell(s.name); i++ {
			r := rows[i]
			sc, _ := eval.ParseScheme(r.Scheme)
			key := eval.Key{Scheme: sc, Label: eval.All, Macro: r.Label == "macro"}
			if r.Label != "micro" && r.Label != "macro" {
				key.Label = corpus.Label(r.Label)
			}
			row := scoreRowCI{ScoreRow: r, IntervalCells: IntervalCells{CI: s.stats.describe()}}
			if est, ok := byKey[key]; ok {
				row.IntervalCells = intervalCells(&est.Metric, s.stats)
				var notes []string
				if row.Warning != "" {
					notes = append(notes, row.Warning)
				}
				if s.stats.method == "bca" && !est.Metric[eval.F1].BCaOK {
					notes = append(notes, "BCa undefined (every resample on one side), percentile interval given")
				}
				if !key.Macro && key.Label != eval.All {
					if n, _ := strconv.Atoi(r.Possible); n < 10 {
						notes = append(notes, fmt.Sprintf("only %s: the interval is rough", plural(n, "gold mention")))
					}
				}
				row.Warning = strings.Join(notes, "; ")
			}
			out = append(out, row)
		}
	}
	return out
}

func docRows(systems []*system) []docRow {
	var rows []docRow
	for _, s := range systems {
		for _, sc := range eval.Schemes {
			for _, d := range s.sum.Docs {
				rows = append(rows, docRowOf(s.name, sc, d))
			}
		}
	}
	return rows
}

// docRowOf is a documents.csv row: a document's counts under sc.
func docRowOf(name string, sc eval.Scheme, d eval.DocCounts) docRow {
	c := d.Scheme[sc]
	x := countCells(c)
	return docRow{
		System: gold.EscapeCell(name), Scheme: sc.String(), DocID: gold.EscapeCell(d.DocID),
		Correct: x[0], Incorrect: x[1], Partial: x[2], Missed: x[3], Spurious: x[4], Possible: x[5], Actual: x[6],
		Precision: x[7], Recall: x[8], F1: x[9], Warning: undefinedWarning(c),
	}
}

func confusionRows(systems []*system) []confusionRow {
	var rows []confusionRow
	for _, s := range systems {
		golds, preds, m := s.sum.Confusion()
		if m == nil {
			continue
		}
		for i, g := range golds {
			for j, p := range preds {
				if g == eval.Spurious && p == eval.Missed {
					continue
				}
				rows = append(rows, confusionRow{System: gold.EscapeCell(s.name), GoldLabel: string(g), PredLabel: string(p), Count: int(m.At(i, j))})
			}
		}
	}
	return rows
}

// number formats a mention's number: modifier, value and unit, as
// ">300", "~30 mi", "range 20"; "" when it has none.
func number(m *corpus.Mention) string {
	if m == nil || !m.Label.Numeric() {
		return ""
	}
	s := string(m.Modifier)
	if m.Modifier == corpus.Range {
		s += " "
	}
	s += m.Value.String()
	if m.Unit != "" {
		s += " " + m.Unit
	}
	return s
}

func errorRows(systems []*system) []errorRow {
	var rows []errorRow
	for _, s := range systems {
		for _, e := range s.errors {
			rows = append(rows, errorRowOf(s.name, e))
		}
	}
	return rows
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

// writeReports writes the five CSV reports into dir as one set,
// unless ctx is done before they are all written; see writeFiles.
func writeReports(ctx context.Context, dir string, systems []*system) error {
	files := []outFile{
		{"scores.csv", func(w io.Writer) error { return marshalCSV(w, scoreRowsAny(systems)) }},
		{"documents.csv", func(w io.Writer) error {
			return writeRows(w, systems, docRows, func(s *system) []*spool[docRow] { return s.spooled.docs })
		}},
		{"confusion.csv", func(w io.Writer) error { return marshalCSV(w, confusionRows(systems)) }},
		{"numbers.csv", func(w io.Writer) error { return marshalCSV(w, numberRows(systems)) }},
		{"errors.csv", func(w io.Writer) error {
			return writeRows(w, systems, errorRows, func(s *system) []*spool[errorRow] { return []*spool[errorRow]{s.spooled.errors} })
		}},
	}
	return writeFiles(ctx, dir, files)
}

// writeRows writes a report of one row type: its header, then each
// system's rows, from memory (rows) or from its spools when it has them.
func writeRows[T any](w io.Writer, systems []*system, rows func([]*system) []T, spools func(*system) []*spool[T]) error {
	if err := marshalCSV(w, []T{}); err != nil { // the header
		return err
	}
	for _, s := range systems {
		if s.spooled == nil {
			if err := marshalRows(w, rows([]*system{s})); err != nil {
				return err
			}
			continue
		}
		for _, sp := range spools(s) {
			if err := sp.copyTo(w); err != nil {
				return err
			}
		}
	}
	return nil
}

// marshalCSV writes rows, a slice of structs with csv tags, as CSV.
func marshalCSV(w io.Writer, rows any) error {
	cw := &headerWriter{Writer: csv.NewWriter(w)}
	if err := gocsv.MarshalCSV(rows, cw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// marshalRows writes rows, a slice of structs with csv tags, as CSV
// without a header.
func marshalRows(w io.Writer, rows any) error {
	cw := csv.NewWriter(w)
	if err := gocsv.MarshalCSVWithoutHeaders(rows, cw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// headerWriter names the "partial" column: gocsv reads the word partial
// in a csv tag as an option, not a name, and heads the column with the Go
// field name instead.
type headerWriter struct {
	*csv.Writer
	wroteHeader bool
}

func (w *headerWriter) Write(row []string) error {
	if !w.wroteHeader {
		w.wroteHeader = true
		row = slices.Clone(row)
		for i, h := range row {
			if h == "Partial" {
				row[i] = "partial"
			}
		}
	}
	return w.Writer.Write(row)
}

// outFile is one file of a set that writeFiles writes: its name in the
// directory, and what to write into it.
type outFile struct {
	name  string
	write func(io.Writer) error
}

// writeFiles writes files into dir, which it creates if need be, so that
// whatever happens each file is either as it was before or complete:
//
//   - each file is written to a temporary file beside it, ".NAME.*.tmp",
//     synced and closed; on any error, or when ctx is done before all are
//     written (an interrupt), the temporary files are removed, every file
//     is left as it was, and the error is returned;
//   - then each temporary file is renamed over its file, one after
//     another. Renames are quick and atomic, so the set is replaced
//     almost at once; ctx is not looked at any more.
//
// A run killed (SIGKILL) while it writes can leave temporary files:
// writeFiles removes those of the files it is about to write first. So
// two runs must not write the same files in one directory at once (their
// reports would be mixed anyway).
func writeFiles(ctx context.Context, dir string, files []outFile) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	}
	if err := removeStale(dir, files); err != nil {
		return err
	}
	var tmps []string
	defer func() {
		if err != nil {
			for _, t := range tmps {
				os.Remove(t) // already renamed if a later rename failed: no harm
			}
		}
	}()
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted, nothing written to %s: %w", dir, err)
		}
		tmp, err := writeTemp(filepath.Join(dir, f.name), f.write)
		if err != nil {
			return err
		}
		tmps = append(tmps, tmp)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted, nothing written to %s: %w", dir, err)
	}
	for i, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.Rename(tmps[i], path); err != nil {
			if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
				return fmt.Errorf("%s is a directory: cannot replace it with a file", path)
			}
			return err
		}
	}
	return nil
}

// writeAtomic writes the file at path through write, as writeFiles does.
func writeAtomic(path string, write func(io.Writer) error) error {
	return writeFiles(context.Background(), filepath.Dir(path), []outFile{{filepath.Base(path), write}})
}

// writeTemp writes a file through write to a new temporary file beside
// path, named ".NAME.*.tmp", and syncs and closes it, readable by all.
// It returns the temporary file's path; on error it removes the file.
func writeTemp(path string, write func(io.Writer) error) (tmp string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// removeStale removes the temporary files that writeTemp made for files in
// dir and that a killed run left: ".NAME.DIGITS.tmp".
func removeStale(dir string, files []outFile) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		for _, f := range files {
			rest, ok := strings.CutPrefix(e.Name(), "."+f.name+".")
			digits, ok2 := strings.CutSuffix(rest, ".tmp")
			if ok && ok2 && digits != "" && strings.Trim(digits, "0123456789") == "" && e.Type().IsRegular() {
				if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkOutDir fails when dir, where output goes, exists and is not a
// directory or cannot be one (it lies under a file), so that a command
// fails before its work rather than after.
func checkOutDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("cannot write to %s: it is a file, not a directory", dir)
	}
	return nil
}
