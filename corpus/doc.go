// Package corpus is the shared vocabulary of exbench: documents, spans,
// labels and mentions, and the loading of document collections.
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
// # Loading
//
// [LoadDir] reads a directory of UTF-8 .txt files (document ID = file name
// without .txt); [LoadJSONL] reads one {"id": ..., "text": ...} record per
// line. Text is kept exactly as stored: no trimming, no normalisation of
// line endings or Unicode. [Builtin] returns the bundled seed corpus, five
// news reports of the April 2016 kidnapping of cement workers in Dmeir,
// Syria, embedded in the binary.
package corpus
