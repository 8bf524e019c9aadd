// Package corpus is the shared vocabulary of exbench: documents, spans,
// labels, mentions and label maps; the reading of document collections;
// the rules every mention follows, whatever file it comes from; and the
// problems found in inputs, with their positions.
//
// # Offsets
//
// Every offset in this package, and in every file exbench reads or writes,
// counts Unicode code points (not bytes, not UTF-16 units) from 0, with the
// end exclusive. This is what Python tools, brat and Prodigy use, so a span
// [4, 10) means the same characters here as in a Python string slice
// text[4:10]. Go strings index bytes: use [Doc.Slice] or an [Index] to
// convert at the boundary, never byte arithmetic on the raw text.
//
// # Reading
//
// A corpus is a directory of UTF-8 .txt files (document ID = file name
// without .txt) or a JSONL file of one {"id": ..., "text": ...} record a
// line. [Scan] reads one document at a time, as an iterator that gives a
// problem in place of a bad document and goes on; [Load] (and [LoadDir],
// [LoadJSONL]) collect it. Text is kept exactly as stored: no trimming, no
// normalisation of line endings or Unicode. [Builtin] returns the bundled
// seed corpus, five news reports of the April 2016 kidnapping of cement
// workers in Dmeir, Syria, embedded in the binary.
//
// # Problems and checks
//
// Every problem in an input is a [*Problem], which prints as
// file:line:col: field: what is wrong, and wraps one of the categories
// declared here (ErrUTF8, ErrOffset, ErrLabel, ...) for [errors.Is]; the
// format packages add their own. A mention remembers where it was read,
// down to the column of each field ([Source]), so the checks on typed
// mentions point at the field at fault: [CheckFields] (a mention on its
// own), [CheckText] (against its document), [CheckFlat] and [Order]
// (gold's layout). [ProblemSet] keeps the first problems of very many.
package corpus
