// Package cli is the exbench command line: its verbs, flags, usage and
// exit codes. It only parses flags and wires the library (corpus,
// extract, gold, eval, report) together; cmd/exbench calls [Main], and
// other programs of this repository (the Beam pipeline) call [Run] to get
// exactly the command's reports.
package cli
