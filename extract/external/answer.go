package external

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
)

// request is the line sent for one document.
type request struct {
	DocID string `json:"doc_id"`
	Text  string `json:"text"`
}

// encodeRequest returns the JSON line, ending in a newline, that sends doc
// to the program. Newlines in the text are escaped, so it is one line.
func encodeRequest(doc corpus.Doc) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(request{DocID: doc.ID, Text: doc.Text}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// batchRequest turns request lines into one batch line:
// {"batch": [request, request, ...]}.
func batchRequest(lines []byte) []byte {
	out := append(make([]byte, 0, len(lines)+16), `{"batch": [`...)
	for i, l := range bytes.SplitAfter(bytes.TrimSuffix(lines, []byte("\n")), []byte("\n")) {
		if i > 0 {
			out = append(out, ", "...)
		}
		out = append(out, bytes.TrimSuffix(l, []byte("\n"))...)
	}
	return append(out, "]}\n"...)
}

// The fields of an answer and of a mention in it.
var (
	answerFields  = []string{"doc_id", "mentions"}
	mentionFields = []string{"start", "end", "label", "text", "value", "modifier", "unit", "score"}
)

// parseAnswer parses line, the n-th line of the program's stdout, as the
// answer for doc, and checks every mention in it against doc. It returns
// the mentions sorted by [corpus.Compare], with DocID and Text set, or an
// *Error with Line n and DocID doc.ID (and no Name). A problem with the
// line as a whole is reported alone; problems with mentions are all
// reported together.
func parseAnswer(line []byte, n int, doc corpus.Doc, labels *corpus.LabelMap) ([]corpus.Mention, error) {
	fail := func(err error) error { return &Error{DocID: doc.ID, Line: n, Err: err} }
	line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, fail(problemf(ErrOutput, "empty line (want one JSON object per document)"))
	}
	if !utf8.Valid(line) {
		return nil, fail(problemf(ErrOutput, "invalid UTF-8: byte 0x%02x at byte offset %d", line[invalidAt(line)], invalidAt(line)))
	}
	fields, err := decodeObject(line)
	if err != nil {
		hint := ""
		if line[0] != '{' {
			hint = " (the program may be printing something else to stdout: logs and progress belong on stderr)"
		}
		return nil, fail(problemf(ErrOutput, "%v; the line is %s%s", err, quoteStart(line), hint))
	}
	if bad := unknownFields(fields, answerFields); bad != "" {
		return nil, fail(problemf(ErrOutput, "%s (an answer has %s)", bad, strings.Join(answerFields, ", ")))
	}
	rawID, ok := fields["doc_id"]
	if !ok {
		return nil, fail(problemf(ErrOutput, `no "doc_id" field`))
	}
	id, ok := jsonString(rawID)
	if !ok {
		return nil, fail(problemf(ErrOutput, "doc_id: want a string, got %s", describe(rawID)))
	}
	if id != doc.ID {
		return nil, fail(problemf(ErrDocID, "doc_id %q, but the document sent was %q (one answer line per document, in order)", id, doc.ID))
	}
	rawMentions, ok := fields["mentions"]
	if !ok {
		return nil, fail(problemf(ErrOutput, `no "mentions" field (an answer with nothing found has "mentions": [])`))
	}
	var list []json.RawMessage
	if kind(rawMentions) != "array" || json.Unmarshal(rawMentions, &list) != nil {
		return nil, fail(problemf(ErrOutput, "mentions: want an array, got %s", describe(rawMentions)))
	}

	var x *corpus.Index
	if len(list) > 0 {
		x = corpus.NewIndex(doc.Text)
	}
	ms := make([]corpus.Mention, 0, len(list))
	var problems []string
	for i, raw := range list {
		m, errs := parseMention(raw, doc.ID, x, labels)
		for _, e := range errs {
			problems = append(problems, fmt.Sprintf("mentions[%d]: %s", i, e))
		}
		if len(errs) == 0 {
			ms = append(ms, m)
		}
	}
	if len(problems) > 0 {
		return nil, fail(mentionProblems(problems))
	}
	corpus.Sort(ms)
	return ms, nil
}

// parseMention parses one mention of an answer for the document whose
// index is x, returning every problem with it. A label is an OntoNotes
// label or, when labels is not nil, one it maps to an OntoNotes label or
// drops; the mention keeps the label as given.
func parseMention(raw json.RawMessage, docID string, x *corpus.Index, labels *corpus.LabelMap) (corpus.Mention, []string) {
	fields, err := decodeObject(raw)
	if err != nil {
		return corpus.Mention{}, []string{err.Error()}
	}
	var errs []string
	bad := func(field, format string, args ...any) {
		errs = append(errs, field+": "+fmt.Sprintf(format, args...))
	}
	if u := unknownFields(fields, mentionFields); u != "" {
		errs = append(errs, fmt.Sprintf("%s (a mention has %s)", u, strings.Join(mentionFields, ", ")))
	}
	m := corpus.Mention{DocID: docID}

	_, hasStart := fields["start"]
	_, hasEnd := fields["end"]
	if !hasStart && !hasEnd { // given by its text, placed when scored
		m.Span = corpus.NoSpan
		if text, ok := str(fields, "text", false, bad); !ok || text == "" {
			bad("text", "required, and not empty, for a mention without start and end")
		} else {
			m.Text = text
		}
	}
	start, okStart := 0, false
	end, okEnd := 0, false
	if m.Span.Placed() {
		start, okStart = offset(fields, "start", bad)
		end, okEnd = offset(fields, "end", bad)
	}
	okSpan := false
	switch {
	case okStart && okEnd && start >= end:
		bad("end", "%d is not after start %d", end, start)
	case okEnd && end > x.Len():
		bad("end", "%d is past the end of the document (length %d)", end, x.Len())
	case okStart && okEnd:
		m.Span = corpus.Span{Start: start, End: end}
		m.Text, okSpan = x.Slice(m.Span)
	}

	// checked is the OntoNotes label the checks of the number fields go
	// by: the label, or what the label map makes of it.
	var checked corpus.Label
	if label, ok := str(fields, "label", true, bad); ok {
		checked, ok = corpus.ParseLabel(label)
		m.Label = checked
		if !ok && labels != nil {
			if to, keep := labels.Map(label); !keep {
				ok, m.Label = true, corpus.Label(label) // dropped when scored
			} else if checked, ok = corpus.ParseLabel(to); ok {
				m.Label = corpus.Label(label)
			}
		}
		switch {
		case !ok && labels != nil:
			bad("label", "unknown label %q: neither an OntoNotes label nor one the label map (%s) maps to one", label, labels)
		case !ok:
			bad("label", "unknown label %q (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...; another label set needs a label map, -map)", label)
		}
	}

	if !m.Span.Placed() {
		// the text was read above
	} else if text, ok := str(fields, "text", false, bad); ok && okSpan && text != m.Text {
		bad("text", "%q, but the document has %q at %v", text, m.Text, m.Span)
	}

	value, valueText := "", ""
	if raw, ok := fields["value"]; ok {
		switch kind(raw) {
		case "null":
		case "number":
			value = string(raw)
			valueText = value
		case "string":
			value, _ = jsonString(raw)
			valueText = strconv.Quote(value)
		default:
			bad("value", "want a number or a string, got %s", describe(raw))
		}
	}
	if v, err := corpus.ParseValue(value); err != nil {
		bad("value", "%s is not a plain decimal number (want one such as 300, 270000, 270,000 or 3.5, with no exponent)", valueText)
	} else {
		m.Value = v
	}
	modifier, _ := str(fields, "modifier", false, bad)
	if mod, ok := corpus.ParseModifier(modifier); !ok {
		bad("modifier", "%q is not a modifier (want one of: empty, ~, >, >=, <, <=, range)", modifier)
	} else {
		m.Modifier = mod
	}
	unit, _ := str(fields, "unit", false, bad)
	m.Unit = unit
	if checked != "" {
		if !checked.Numeric() {
			if value != "" {
				bad("value", "%s takes no value, got %s", checked, valueText)
			}
			if modifier != "" {
				bad("modifier", "%s takes no modifier, got %q", checked, modifier)
			}
		}
		if unit != "" {
			if !checked.HasUnit() {
				bad("unit", "%s takes no unit, got %q (only QUANTITY and MONEY have units)", checked, unit)
			} else if msg := corpus.UnitProblem(checked, unit); msg != "" {
				bad("unit", "%q %s", unit, msg)
			}
		}
	}
	if raw, ok := fields["score"]; ok && kind(raw) != "null" {
		f, err := strconv.ParseFloat(string(raw), 64)
		switch {
		case kind(raw) != "number":
			bad("score", "want a number, got %s", describe(raw))
		case err != nil || math.IsInf(f, 0):
			bad("score", "%s is out of range", raw)
		default:
			m.Score, m.HasScore = f, true
		}
	}
	return m, errs
}

// offset reads a required code-point offset: a non-negative JSON integer.
func offset(fields map[string]json.RawMessage, name string, bad func(string, string, ...any)) (int, bool) {
	raw, ok := fields[name]
	if !ok {
		bad(name, "missing")
		return 0, false
	}
	if kind(raw) != "number" {
		bad(name, "want an integer, got %s", describe(raw))
		return 0, false
	}
	n, err := strconv.Atoi(string(raw))
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange):
		bad(name, "%s is out of range", raw)
	case err != nil:
		bad(name, "%s is not an integer", raw)
	case n < 0:
		bad(name, "%d is negative", n)
	default:
		return n, true
	}
	return 0, false
}

// str reads a string field; a missing field or JSON null is "". It reports
// false when the field is missing, null or not a string.
func str(fields map[string]json.RawMessage, name string, required bool, bad func(string, string, ...any)) (string, bool) {
	raw, ok := fields[name]
	if !ok || kind(raw) == "null" {
		if required {
			bad(name, "missing")
		}
		return "", false
	}
	s, ok := jsonString(raw)
	if !ok {
		bad(name, "want a string, got %s", describe(raw))
	}
	return s, ok
}

// decodeObject decodes data, which must hold exactly one JSON object.
func decodeObject(data []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	switch _, err := dec.Token(); {
	case err == nil:
		return nil, errors.New("more than one JSON value")
	case err != io.EOF:
		return nil, fmt.Errorf("invalid JSON after the first value: %v", err)
	}
	if kind(v) != "object" {
		return nil, fmt.Errorf("want a JSON object, got %s", describe(v))
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(v, &fields); err != nil {
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	return fields, nil
}

// unknownFields describes the fields of an object that are not among
// known, in sorted order, or returns "".
func unknownFields(fields map[string]json.RawMessage, known []string) string {
	var unknown []string
	for name := range fields {
		if !slices.Contains(known, name) {
			unknown = append(unknown, strconv.Quote(name))
		}
	}
	switch len(unknown) {
	case 0:
		return ""
	case 1:
		return "unknown field " + unknown[0]
	}
	slices.Sort(unknown)
	return "unknown fields " + strings.Join(unknown, ", ")
}

// jsonString decodes raw as a JSON string.
func jsonString(raw json.RawMessage) (string, bool) {
	var s string
	if kind(raw) != "string" || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// kind names the type of the JSON value raw by its first byte: "object",
// "array", "string", "number", "boolean", "null" or "".
func kind(raw json.RawMessage) string {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return ""
	}
	switch c := raw[0]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == '-' || '0' <= c && c <= '9':
		return "number"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	}
	return ""
}

// describe names a JSON value for a message: its kind, and the value
// itself when it is short.
func describe(raw json.RawMessage) string {
	k := kind(raw)
	switch k {
	case "null":
		return "null"
	case "object", "array":
		return "a JSON " + k
	}
	short, cut := head(raw)
	if cut {
		short += "..."
	}
	return "JSON " + k + " " + short // as written: a string stays in its quotes
}

// quoteStart quotes s, or its first 60 code points and "...".
func quoteStart(s []byte) string {
	short, cut := head(s)
	if cut {
		return strconv.Quote(short) + "..."
	}
	return strconv.Quote(short)
}

// head returns s, or its first 60 code points and true.
func head(s []byte) (string, bool) {
	const max = 60
	if utf8.RuneCount(s) <= max {
		return string(s), false
	}
	i := 0
	for range max {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return string(s[:i]), true
}

// invalidAt returns the byte offset of the first invalid UTF-8 sequence in
// s, or len(s).
func invalidAt(s []byte) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(s)
}

// isReady reports whether line is the handshake {"ready": true} that a
// program may print once, before its first answer, when its model is
// loaded.
func isReady(line []byte) bool {
	var v struct {
		Ready *bool `json:"ready"`
	}
	fields, err := decodeObject(bytes.TrimRight(line, "\r\n"))
	return err == nil && len(fields) == 1 && json.Unmarshal(line, &v) == nil && v.Ready != nil && *v.Ready
}
