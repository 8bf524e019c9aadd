// Package gold reads, checks and writes mention files: the CSV format in
// which exbench stores hand-labelled gold standards and extractors'
// predictions alike, so that any two such files can be scored against
// each other. It also holds the bundled gold ([Builtin]), scope files
// ([ReadScope]) and label maps written as CSV ([ReadLabelMap]). The
// formats of annotation tools have packages of their own: gold/jsonl
// (Prodigy, spaCy), gold/brat and gold/conll; they share [Annotated].
//
// # The mention CSV format
//
// UTF-8 (a byte-order mark is accepted), a header row, one row per
// mention, LF or CRLF line endings, fields quoted as RFC 4180 says:
//
//		doc_id,start,end,text,label,value,modifier,unit
//
//	  - doc_id: the document's ID (its file name without .txt, or its JSONL id).
//	  - start, end: Unicode code-point offsets into the document text, from 0,
//	    end exclusive: what a Python string slice text[start:end] uses.
//	  - text: the document text at start:end, exactly.
//	  - label: one of the 18 OntoNotes 5 labels (PERSON, NORP, FAC, ORG, GPE,
//	    LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE, DATE, TIME, PERCENT,
//	    MONEY, QUANTITY, ORDINAL, CARDINAL).
//	  - value: for CARDINAL, ORDINAL, QUANTITY, PERCENT and MONEY, the number
//	    as a plain decimal (300, 270000, 3.5; "270,000" is read as 270000);
//	    empty where the text names no exact magnitude ("dozens").
//	  - modifier: for the same labels: empty (exact), ~ (about), > (more
//	    than), >= (at least), < (less than), <= (at most) or range (value is
//	    the low end).
//	  - unit: for QUANTITY and MONEY only: a lowercase symbol (km, mi, km2)
//	    or an ISO 4217 code (USD).
//
// Two more columns are optional, and written only when a mention has one:
//
//   - alt: a gold mention's alternative spans, equally right readings of
//     it, as START:END;START:END (code points): 6:15 for "5 million" in
//     "$5 million" at 5:15. Each must overlap the mention's span. A
//     prediction that matches an alternative matches the mention.
//   - score: a prediction's confidence, a decimal number, higher is
//     surer; exbench sweep scores at every threshold of it.
//
// The first five columns are required; value, modifier and unit may be
// left out, as a plain NER system's predictions would. Columns may come in
// any order; unknown and duplicate columns are errors. A worked example,
// for the text “Ada” saw more than 300 people 50 km away:
//
//	doc_id,start,end,text,label,value,modifier,unit
//	d1,1,4,Ada,PERSON,,,
//	d1,10,23,more than 300,CARDINAL,300,>,
//	d1,31,36,50 km,QUANTITY,50,,km
//
// The curly quote before Ada is one code point, so Ada starts at 1 (at
// byte 3 of the UTF-8 text).
//
// # Reading and problems
//
// A [Reader] reads one row at a time, so a file of any size costs the
// memory of its longest record, and gives each mention with where it
// was read: file, line and the column of each field
// ([corpus.Source]). [Read] and [ReadFile] collect a Reader; [Scan]
// reads a file or a directory of them as one sequence.
//
// A Reader checks each row's cells (offsets that are integers, a number
// that is a plain decimal, a known modifier, alternatives and a score
// well formed) and then, unless [Options.AnyLabel] leaves it to a caller
// that maps labels first, the fields together ([corpus.CheckFields]: a
// known label, number columns only where the label takes them, a unit
// of the right form). Whether mentions agree with their documents, and
// gold spans are flat, is checked where the documents are read: by
// package eval (Input.Cases, Input.Check) with [corpus.CheckText],
// [corpus.CheckFlat] and [corpus.Order].
//
// Every problem is a [*corpus.Problem] that prints as
// file:line:col: field: problem, with columns counted in code points,
// and wraps a category ([ErrSyntax], [corpus.ErrOffset],
// [corpus.ErrLabel], ...) for [errors.Is]. A problem in a row is returned
// for that row and reading goes on; positions stay right after quoted
// fields that span lines.
//
// encoding/csv drops a carriage return before a line feed inside a quoted
// field, so a mention whose text holds CRLF reads back with LF, and
// [corpus.CheckText] reports the difference.
package gold
