// Package pipeline is exbench as an Apache Beam pipeline (Go SDK): it
// runs exbench's extractors over a corpus too large for one machine and
// scores them against the gold, on any Beam runner, with exactly the
// results of 'exbench run' and 'exbench score' on the whole corpus.
//
// The stages:
//
//  1. The driver lists the corpus's JSONL files (a file or a glob, on any
//     Beam file system), sorted by name; each worker reads one file with
//     exbench's own reader (corpus.Scan, every check it makes) and gives
//     document k, on line L of file f, the position f<<32 | L, which
//     orders the documents as one corpus of the files in that order.
//  2. The gold (a mention CSV, a directory or a glob of them, or builtin),
//     the predictions to score as they are (-pred), and the scope's
//     regions are read file by file and keyed by document ID; the driver
//     also reads the gold whole first, for its fingerprint and its
//     problems (a hand-labelled gold is small beside the corpus).
//  3. One GroupByKey on the document ID joins each document with its
//     gold mentions, the predictions and its regions. A worker then runs
//     each extractor on the document, exactly as 'exbench run' does
//     (cli.DocExtractor), and scores it, exactly as 'exbench score' does
//     (cli.Scoring.Join: eval.Input.Cases on a one-document input).
//  4. The predictions are grouped by system and shard (corpus.Shard of
//     the ID) and written as mention CSVs, one a shard, in corpus order:
//     WORK/predictions/SYSTEM/SYSTEM-00003-of-00016.csv holds what
//     'exbench run -shard 4/16' writes.
//  5. The scored documents are grouped by shard, sorted by position, and
//     written as partial results (package partial), with the sum of their
//     tallies: WORK/partials/shard-00003-of-00016.exb.
//  6. The problems found anywhere are combined into the first ones in
//     file order and their counts.
//
// After the pipeline, the driver reports the problems (and fails), or
// runs 'exbench merge' over the partials: the single writer of the
// reports, which prints the table and writes the reports exactly as
// 'exbench score' on the whole corpus does.
package pipeline
