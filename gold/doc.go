// Package gold reads, validates and writes mention files: the CSV format
// in which exbench stores hand-labelled gold standards and extractors'
// predictions alike, so that any two such files can be scored against each
// other. It also reads and writes the formats of annotation tools:
// Prodigy/spaCy JSONL ([ReadJSONL], [WriteJSONL]), brat standoff
// ([ReadBrat], [WriteBrat]) and CoNLL token-per-line files, with a gold and
// a predicted tag ([CoNLLReader], for scoring) or one tag ([ReadCoNLLTags],
// [WriteCoNLL]).
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
// # Problems
//
// [Read] checks each row on its own, [File.Validate] checks the rows
// against a corpus and against each other. Every problem is an [*Error]
// that prints as file:line:col: field: problem, with columns counted in
// code points, and wraps a category (ErrOffset, ErrText, ...) for
// [errors.Is]. Positions stay right after quoted fields that span lines.
//
// # Large files
//
// [Read] holds a whole file. A [Reader] reads one document's rows at a
// time, when the rows of each document are together (as Write writes
// them), so a file of any size costs the memory of its largest document;
// it stops at the first problem, which Read would report the same way.
//
// encoding/csv drops a carriage return before a line feed inside a quoted
// field, so a mention whose text holds CRLF reads back with LF, and
// Validate reports the difference.
package gold
