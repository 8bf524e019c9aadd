// Package external makes any program, in any language, an extractor: a
// spaCy or Stanza pipeline, a regular-expression script, a call to a web
// service. exbench starts the program once, sends it one document at a
// time on its stdin and reads one answer per document from its stdout.
//
//	x, err := external.New(external.Config{
//		Command: "python3 capitalised.py",
//		Name:    "capitalised",
//		Version: "1",
//	})
//	...
//	defer x.Close()
//	mentions, err := x.Extract(ctx, corpus.Doc{ID: "d1", Text: "“Ada” met Bob"})
//
// # Protocol
//
// exbench writes one line per document to the program's stdin, a JSON
// object with the document's ID and text (newlines in the text are
// escaped, so the object is one line):
//
//	{"doc_id": "d1", "text": "“Ada” met Bob"}
//
// and the program answers each line with exactly one line on its stdout,
// before it reads the next:
//
//	{"doc_id": "d1", "mentions": [{"start": 1, "end": 4, "label": "PERSON", "text": "Ada"}, {"start": 10, "end": 13, "label": "PERSON"}]}
//
// The answer's doc_id must be the one sent. "mentions" is required, []
// when nothing is found. Each mention has:
//
//   - start, end: integer Unicode code-point offsets into the text, from
//     0, end exclusive, as Python's text[start:end]; the curly quote above
//     is one code point, so Ada starts at 1. A mention may leave out both
//     and give its text instead, as extractors built on language models
//     do; it is then placed in the document when scored
//     ([corpus.Align]).
//   - label (required): one of the 18 OntoNotes labels, in upper case
//     (PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW,
//     LANGUAGE, DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL),
//     or, with Config.Map, a label the map takes to one of them or drops
//     (PER, LOC, ORG, MISC with the conll2003 map): a model trained on
//     another label set needs no mapping of its own. The mention keeps
//     the label as given; the scorer maps it.
//   - text: the text at start:end; when given with offsets it must be
//     exactly that, which catches offsets counted in bytes or UTF-16
//     units; when left out it is filled in from the document. Required
//     without offsets.
//   - value, modifier, unit (optional): as in mention files. value, for
//     CARDINAL, ORDINAL, QUANTITY, PERCENT and MONEY, is a JSON number or
//     a string holding a plain decimal (300, 3.5, "270,000"; no
//     exponent); modifier, for the same labels, is one of "", "~", ">",
//     ">=", "<", "<=", "range"; unit, for QUANTITY and MONEY only, is a
//     lowercase symbol ("km") or an ISO 4217 code ("USD").
//   - score (optional): a number, the mention's confidence, higher is
//     surer; it goes into the score column of the mention file, for
//     exbench sweep.
//
// null counts as left out for the optional fields. Any other field is an
// error, so that a misspelt "modifer" is not silently lost. Mentions may
// come in any order and may overlap; exbench sorts them.
//
// When stdin ends, the program should exit with status 0. Its stderr is
// for logs and progress; exbench keeps the last 64 KiB of it and shows it
// in every error. Anything else on stdout breaks the protocol, and Python
// buffers stdout when it is a pipe: flush after each answer line (or run
// python3 -u), or exbench waits in vain.
//
// With Config.Batch above 1, exbench sends a copy several documents in
// one line, in corpus order, for models that run faster on batches
// (spaCy's nlp.pipe, a model on a GPU):
//
//	{"batch": [{"doc_id": "d1", "text": "..."}, {"doc_id": "d2", "text": "..."}]}
//
// and the program answers with one line per document, in the same order,
// as above. The last batch may be shorter.
//
// A program that loads a model may say so: with Config.Ready it prints
//
//	{"ready": true}
//
// on a line of its own once loaded, before it reads a document, and
// [Extractor.Load] waits for that line up to Config.LoadTimeout, so the
// load time is measured apart (the manifest's load_seconds) and the
// per-document Config.Timeout is not spent on loading. Without Ready, the
// line is skipped if it comes, and the first answer of each copy may take
// LoadTimeout on top of Timeout.
//
// # Example
//
// This complete program tags every capitalised word as PERSON:
//
//	import json, re, sys
//
//	for line in sys.stdin:  # one document a line: {"doc_id": ..., "text": ...}
//	    doc = json.loads(line)
//	    mentions = [
//	        {"start": m.start(), "end": m.end(), "label": "PERSON", "text": m.group()}
//	        for m in re.finditer(r"\w+", doc["text"])  # Python offsets are code points
//	        if m.group()[0].isupper()
//	    ]
//	    print(json.dumps({"doc_id": doc["doc_id"], "mentions": mentions}), flush=True)
//
// Saved as capitalised.py, it is run with Command "python3 capitalised.py".
// Try it by hand first:
//
//	$ echo '{"doc_id": "d1", "text": "“Ada” met Bob"}' | python3 capitalised.py
//	{"doc_id": "d1", "mentions": [{"start": 1, "end": 4, "label": "PERSON", "text": "Ada"}, {"start": 10, "end": 13, "label": "PERSON", "text": "Bob"}]}
//
// # The process
//
// Config.Copies copies of the program run at once (default one; exbench
// -j N runs N), each in a process group of its own, with the environment
// of exbench and Config.Dir as its working directory, each working on one
// document at a time. They are started by [Extractor.Load], or else as
// documents come. An [Extractor] is safe for concurrent use: each call to
// Extract takes a free copy, or waits for one, so N workers keep N copies
// busy, and the caller keeps the order of the output (extract.Stream
// keeps corpus order). [Extractor.Close] closes every copy's stdin and
// waits for it to exit.
//
// When the extractor fails or is closed, the program's process group is
// killed, so children the program started go with it. When exbench is
// interrupted it does the same before it exits. When exbench is killed
// (SIGKILL), on Linux the kernel kills the program too; what can still
// outlive exbench is a child of the program, and a process that left its
// group (setsid, a daemon), until it next writes to a closed pipe.
// Elsewhere than Linux the program itself can outlive a killed exbench
// in the same way.
//
// # Errors
//
// A failure never passes for an empty result. Each is an [*Error] that
// names the extractor, the document and, for a bad answer, the line of
// stdout, and ends with the program's stderr:
//
//	external spacy-sm: document "d1": exited with status 2 while on this document; its stderr:
//	Traceback (most recent call last): ...
//	external spacy-sm: document "d1": no answer to the first document within the load timeout and the timeout, 5m0s + 30s: a program that loads a model first may need a longer load timeout, and one that does not flush its stdout after each answer never answers
//	external spacy-sm: document "d1": stdout line 3: invalid JSON: invalid character 'o' in literal null (expecting 'u'); the line is "not json" (...)
//	external spacy-sm: document "d1": stdout line 3: mentions[2]: end: 40 is past the end of the document (length 31)
//
// After a failure the copy that failed is killed, with every process in
// its group, and the extractor is dead: every later call returns the same
// error, and Close stops the other copies.
package external
