// Package jsonl reads and writes mentions in the JSONL of Prodigy and
// spaCy: one document a line, its text and its spans,
//
//	{"id": "d1", "text": "“Ada” met Bob", "spans": [{"start": 1, "end": 4, "label": "PERSON"}]}
//
// with offsets in code points. [Read] takes what annotation tools write
// (record and span answers, _input_hash IDs, duplicate records of one
// text) and reports every problem with its line and column; [Write]
// writes what Read reads back, the same bytes for the same mentions.
package jsonl
