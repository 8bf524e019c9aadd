// Package marks writes test documents with their mentions marked inline,
// so tests state spans as text instead of hand-counted offsets:
//
//	⟦Ada|PERSON⟧ met ⟦more than 300|CARDINAL|300|>⟧ people ⟦50 km|QUANTITY|50||km⟧ away
//
// A mark is ⟦text|LABEL⟧ or ⟦text|LABEL|value|modifier|unit⟧ (trailing
// empty fields may be left out). Marks do not nest.
package marks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
)

// Parse returns the plain text of s and the mentions its marks stand for,
// with code-point offsets into the plain text and doc ID docID.
func Parse(docID, s string) (string, []corpus.Mention, error) {
	var text strings.Builder
	var ms []corpus.Mention
	n := 0 // code points written
	for {
		open := strings.Index(s, "⟦")
		if open < 0 {
			if strings.Contains(s, "⟧") {
				return "", nil, fmt.Errorf("marks: ⟧ without ⟦")
			}
			text.WriteString(s)
			return text.String(), ms, nil
		}
		text.WriteString(s[:open])
		n += utf8.RuneCountInString(s[:open])
		s = s[open+len("⟦"):]
		end := strings.Index(s, "⟧")
		if end < 0 {
			return "", nil, fmt.Errorf("marks: ⟦ without ⟧")
		}
		fields := strings.Split(s[:end], "|")
		s = s[end+len("⟧"):]
		if len(fields) < 2 || len(fields) > 5 {
			return "", nil, fmt.Errorf("marks: %q: want text|LABEL[|value|modifier|unit]", fields)
		}
		fields = append(fields, "", "", "")
		label, ok := corpus.ParseLabel(fields[1])
		if !ok {
			return "", nil, fmt.Errorf("marks: unknown label %q", fields[1])
		}
		value, err := corpus.ParseValue(fields[2])
		if err != nil {
			return "", nil, fmt.Errorf("marks: value %q: %v", fields[2], err)
		}
		l := utf8.RuneCountInString(fields[0])
		ms = append(ms, corpus.Mention{
			DocID: docID, Span: corpus.Span{Start: n, End: n + l}, Label: label, Text: fields[0],
			Value: value, Modifier: corpus.Modifier(fields[3]), Unit: fields[4],
		})
		text.WriteString(fields[0])
		n += l
	}
}

// MustParse is [Parse] that panics on a malformed mark: for test tables.
func MustParse(docID, s string) (string, []corpus.Mention) {
	text, ms, err := Parse(docID, s)
	if err != nil {
		panic(err)
	}
	return text, ms
}

// Docs returns the documents written with inline marks, ID then text,
// and all their mentions. It panics on a bad mark.
func Docs(idsAndTexts ...string) ([]corpus.Doc, []corpus.Mention) {
	var docs []corpus.Doc
	var ms []corpus.Mention
	for i := 0; i < len(idsAndTexts); i += 2 {
		text, dms := MustParse(idsAndTexts[i], idsAndTexts[i+1])
		docs = append(docs, corpus.Doc{ID: idsAndTexts[i], Text: text})
		ms = append(ms, dms...)
	}
	return docs, ms
}
