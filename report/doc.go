// Package report renders scoring results for people and for programs:
// the CSV reports (scores.csv, documents.csv, confusion.csv, numbers.csv,
// errors.csv, compare.csv, changes.csv, curve.csv), the text tables the
// command prints, conlleval's report, and a self-contained HTML report
// whose charts can also be written as files of their own, each as an SVG
// file and a PNG image drawn from it ([HTMLReport.Plots]). It writes a set
// of files as one unit ([WriteSet]): all of them, or, on any error or
// interrupt, none.
//
// Every figure comes from an [eval.Result] (or a sweep's points); this
// package only lays them out. Reports are deterministic: rows in a fixed
// order, numbers with 4 decimals, no timestamps or paths, so the same
// inputs give the same bytes. Text cells that a spreadsheet would run as
// a formula are escaped ([gold.EscapeCell]).
//
// Where the data comes from and goes:
//
//	corpus ─→ extract ─→ mentions ─→ eval ←─ gold
//	                                  │
//	                                  └─→ report ─→ CSV files, tables
package report
