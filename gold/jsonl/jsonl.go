package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// Problem categories of JSONL annotations, for use with [errors.Is] on a
// [*corpus.Problem], beside the categories every reader shares
// (corpus.ErrUTF8, corpus.ErrOffset, corpus.ErrLabel, corpus.ErrText,
// corpus.ErrDuplicateID, ...).
var (
	ErrJSON  = errors.New("malformed JSON")
	ErrField = errors.New("missing or mistyped field")
)

// Read reads Prodigy- or spaCy-style annotations, named name in
// messages: one JSON object a line,
//
//	{"text": "“Ada” met Bob", "spans": [{"start": 1, "end": 4, "label": "PERSON"}]}
//
// or, as spaCy's Doc.to_json writes it, with "ents" for "spans":
//
//	{"text": "“Ada” met Bob", "ents": [{"start": 1, "end": 4, "label": "PERSON"}], "tokens": [...]}
//
// with offsets in code points (Python's string indices), end exclusive.
// Blank lines are skipped, a byte-order mark is accepted, and fields not
// named here are ignored.
//
//   - The mentions are "spans" when it is an array, else "ents" (spaCy's
//     "spans" is an object of span groups, which is ignored). A record
//     with both arrays is an error, since either could be the
//     annotation. So is a record with neither that has a field other
//     tools use for entities ("entities", "label", "labels", "ner",
//     "annotations"), rather than read as a document without mentions;
//     and a file in which no record has either gets a warning.
//   - The document ID is the record's "id" (a string, or an integer
//     written as its digits), else "meta"."id", else "_input_hash", else
//     "line-N" with N the 1-based line number; such documents are listed
//     in Unnamed (see [gold.Annotated.Match]).
//   - A record whose "answer" is "reject" or "ignore" is skipped and
//     counted in Skipped; "accept" or no answer is read. A span whose own
//     "answer" is "reject" or "ignore" is skipped and counted in
//     SkippedSpans.
//   - Records that share an ID and a text are one document: Prodigy's
//     binary annotation writes one record for each suggestion on a text,
//     all with the text's "_input_hash". A span already read for the
//     document (same offsets, label and number) is read once. Records
//     that share an ID but not a text are an error.
//   - Each span needs "start", "end" (integers) and "label" (one of the
//     18 OntoNotes labels, as in mention CSVs); "text", when given, must
//     equal the record's text at the span; "value", "modifier" and "unit"
//     (value a number or a string) follow the rules of the mention CSV
//     columns; "score" and other fields are ignored. Spans are checked
//     against the record's own text. A prediction may leave out both
//     "start" and "end" and give its "text" instead: it is then placed in
//     the text when scored ([corpus.Align]), and is an error in gold.
//
// Every problem is returned in [Errors] with its line and the column (in
// code points) of the value at fault: invalid UTF-8, malformed or
// truncated JSON, a missing or mistyped field, offsets out of range or
// reversed, text that differs, an unknown label, a duplicate ID, a bad
// value, modifier or unit. The Annotated holds what was read without a
// problem: bad records, and bad spans of good records, are left out.
func Read(r io.Reader, name string, opts gold.Options) (*gold.Annotated, error) {
	jr := &reader{a: &gold.Annotated{Name: name}, docs: map[string]*doc{}, opts: opts}
	br := bufio.NewReader(r)
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if len(data) > 0 {
			if line == 1 {
				data = bytes.TrimPrefix(data, []byte("\ufeff"))
			}
			jr.record(line, bytes.TrimRight(data, "\r\n"))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if !jr.spans && len(jr.a.Docs) > 0 {
		w := &corpus.Problem{File: name, Err: corpus.Problemf(ErrField, `no record has "spans" (Prodigy) or "ents" (spaCy), so no mentions were read`), Warning: true}
		jr.errs = append(jr.errs, w)
	}
	if len(jr.errs) > 0 {
		jr.errs.Sort()
		return jr.a, jr.errs
	}
	return jr.a, nil
}

// otherFields are fields that other tools use for a record's entities.
var otherFields = []string{"entities", "label", "labels", "ner", "annotations"}

// reader holds the state of one Read.
type reader struct {
	a     *gold.Annotated
	docs  map[string]*doc
	errs  corpus.Problems
	opts  gold.Options
	spans bool // a record had "spans" or "ents"
}

// doc is a document read so far.
type doc struct {
	line  int // of its first record
	text  string
	index *corpus.Index
	seen  map[mentionKey]bool
}

// mentionKey is what makes two mentions of a document the same.
type mentionKey struct {
	span     corpus.Span
	label    corpus.Label
	value    corpus.Value
	modifier corpus.Modifier
	unit     string
}

// record reads one line.
func (jr *reader) record(line int, data []byte) {
	name := jr.a.Name
	if len(bytes.TrimSpace(data)) == 0 {
		return
	}
	if p := corpus.CheckEncoding(name, line, 0, data, "JSONL files are"); p != nil {
		jr.errs = append(jr.errs, p)
		return
	}
	if p := corpus.CheckSurrogates(name, line, data); p != nil {
		jr.errs = append(jr.errs, p)
		return
	}
	p := corpus.Line{File: name, N: line, Data: data}
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			jr.errs = append(jr.errs, p.Problemf(0, "", ErrJSON, "%v", err))
			return
		}
		off := int(se.Offset) - 1 // the offending byte
		if se.Offset >= int64(len(data)) && jsonTruncated(data) {
			off = len(data)
		}
		jr.errs = append(jr.errs, p.Problemf(off, "", ErrJSON, "%v", se))
		return
	}
	rec, ok := jsonMembers(data, 0)
	if !ok {
		jr.errs = append(jr.errs, p.Problemf(skipJSONSpace(data, 0), "", ErrJSON, "want a JSON object, got %s", jsonKind(data)))
		return
	}
	if ans, ok := jr.answer(p, rec); !ok || ans == "reject" || ans == "ignore" {
		if ok {
			jr.a.Skipped++
		}
		return
	}
	text, textOK := jr.str(p, rec, "text", "text", true)
	id, idField, idOff, idOK := jr.docID(p, rec)
	if !textOK || !idOK {
		return
	}
	spans, field, ok := jr.mentions(p, rec)
	if !ok {
		return
	}
	d := jr.docs[id]
	switch {
	case d == nil:
		d = &doc{line: line, text: text, index: corpus.NewIndex(text), seen: map[mentionKey]bool{}}
		jr.docs[id] = d
		if idField == "" {
			jr.a.Unnamed = append(jr.a.Unnamed, len(jr.a.Docs))
		}
		jr.a.Docs = append(jr.a.Docs, corpus.Doc{ID: id, Text: text})
	case d.text != text:
		jr.errs = append(jr.errs, p.Problemf(idOff, idField, corpus.ErrDuplicateID, "%q is also the ID of line %d, whose text differs", id, d.line))
		return
	}
	for _, sp := range jsonElements(spans.value, spans.off) {
		jr.span(p, id, d, sp, field)
	}
}

// mentions returns the array of a record's mentions, "spans" or "ents",
// and its name; an empty array when it has neither.
func (jr *reader) mentions(p corpus.Line, rec jsonObject) (jsonMember, string, bool) {
	spans, hasSpans := rec.get("spans")
	ents, hasEnts := rec.get("ents")
	spansArray := hasSpans && jsonKind(spans.value) == "array"
	switch {
	case spansArray && hasEnts:
		jr.errs = append(jr.errs, p.Problemf(ents.off, "ents", ErrField, `the record has both "spans" and "ents": keep the one that is the annotation`))
		return jsonMember{}, "", false
	case spansArray:
		jr.spans = true
		return spans, "spans", true
	case hasEnts && jsonKind(ents.value) == "array":
		jr.spans = true
		return ents, "ents", true
	case hasEnts:
		jr.errs = append(jr.errs, p.Problemf(ents.off, "ents", ErrField, "want an array, got %s", jsonKind(ents.value)))
		return jsonMember{}, "", false
	case hasSpans: // beside "ents", an object would be spaCy's span groups
		jr.errs = append(jr.errs, p.Problemf(spans.off, "spans", ErrField, "want an array, got %s", jsonKind(spans.value)))
		return jsonMember{}, "", false
	}
	for _, f := range otherFields {
		if m, ok := rec.get(f); ok {
			jr.errs = append(jr.errs, p.Problemf(m.off, f, ErrField, `the mentions of a record are read from "spans" (Prodigy) or "ents" (spaCy), each {"start", "end", "label"} with offsets in code points; %q is not read`, f))
			return jsonMember{}, "", false
		}
	}
	return jsonMember{value: []byte("[]")}, "", true
}

// answer returns the "answer" of a record or span, "" when it has none.
func (jr *reader) answer(p corpus.Line, obj jsonObject) (string, bool) {
	ans, ok := jr.str(p, obj, "answer", "answer", false)
	switch {
	case !ok:
		return "", false
	case ans == "" || ans == "accept" || ans == "reject" || ans == "ignore":
		return ans, true
	}
	m, _ := obj.get("answer")
	jr.errs = append(jr.errs, p.Problemf(m.off, "answer", ErrField, "unknown answer %q (want accept, reject or ignore)", ans))
	return "", false
}

// docID returns the ID of a record, and the field and offset of the value
// it came from ("" and 0 for line-N).
func (jr *reader) docID(p corpus.Line, rec jsonObject) (id, field string, off int, ok bool) {
	type source struct {
		obj   jsonObject
		key   string
		field string
	}
	sources := []source{{rec, "id", "id"}}
	if meta, ok := rec.get("meta"); ok {
		if obj, ok := jsonMembers(meta.value, meta.off); ok {
			sources = append(sources, source{obj, "id", "meta.id"})
		}
	}
	sources = append(sources, source{rec, "_input_hash", "_input_hash"})
	for _, src := range sources {
		m, ok := src.obj.get(src.key)
		if !ok {
			continue
		}
		switch jsonKind(m.value) {
		case "string":
			var s string
			_ = json.Unmarshal(m.value, &s) // valid JSON: cannot fail
			if s == "" {
				jr.errs = append(jr.errs, p.Problemf(m.off, src.field, ErrField, "empty"))
				return "", "", 0, false
			}
			return s, src.field, m.off, true
		case "number":
			if isJSONInteger(m.value) {
				return string(m.value), src.field, m.off, true
			}
		}
		got := jsonKind(m.value)
		if got == "number" {
			got = string(m.value)
		}
		jr.errs = append(jr.errs, p.Problemf(m.off, src.field, ErrField, "want a string or an integer, got %s", got))
		return "", "", 0, false
	}
	return "line-" + strconv.Itoa(p.N), "", 0, true
}

// str returns the string member key of obj, named field in messages; a
// missing or null member is "" (an error when required), another type an
// error.
func (jr *reader) str(p corpus.Line, obj jsonObject, key, field string, required bool) (string, bool) {
	m, ok := obj.get(key)
	if !ok {
		if required {
			jr.errs = append(jr.errs, p.Problemf(obj.off, field, ErrField, "missing"))
			return "", false
		}
		return "", true
	}
	if jsonKind(m.value) != "string" {
		jr.errs = append(jr.errs, p.Problemf(m.off, field, ErrField, "want a string, got %s", jsonKind(m.value)))
		return "", false
	}
	var s string
	_ = json.Unmarshal(m.value, &s) // valid JSON: cannot fail
	return s, true
}

// span reads one element of a record's "spans" (or "ents", as field
// says).
func (jr *reader) span(p corpus.Line, id string, d *doc, sp jsonMember, field string) {
	obj, ok := jsonMembers(sp.value, sp.off)
	if !ok {
		jr.errs = append(jr.errs, p.Problemf(sp.off, field, ErrField, "want an object, got %s", jsonKind(sp.value)))
		return
	}
	switch ans, ok := jr.answer(p, obj); {
	case !ok:
		return
	case ans == "reject" || ans == "ignore":
		jr.a.SkippedSpans++
		return
	}
	nerrs := len(jr.errs)
	m := corpus.Mention{DocID: id, Source: corpus.Source{File: p.File, Line: p.N}}
	for f := range corpus.NumFields {
		if v, ok := obj.get(f.String()); ok {
			m.Source.Col[f] = int32(p.Col(v.off))
		}
	}
	bad := func(f corpus.Field, err error) { jr.errs = append(jr.errs, m.Source.Problem(f, err)) }
	_, hasStart := obj.get("start")
	_, hasEnd := obj.get("end")
	if !hasStart && !hasEnd { // a prediction given by its text, placed when scored
		m.Span = corpus.NoSpan
	}
	for _, f := range []corpus.Field{corpus.FieldStart, corpus.FieldEnd} {
		if !m.Span.Placed() {
			break
		}
		v, ok := obj.get(f.String())
		switch {
		case !ok:
			jr.errs = append(jr.errs, p.Problemf(obj.off, f.String(), ErrField, "missing"))
			continue
		case jsonKind(v.value) != "number":
			jr.errs = append(jr.errs, p.Problemf(v.off, f.String(), ErrField, "want an integer, got %s", jsonKind(v.value)))
			continue
		}
		n, err := corpus.ParseOffset(string(v.value))
		if err != nil {
			bad(f, err)
		}
		if f == corpus.FieldStart {
			m.Span.Start = n
		} else {
			m.Span.End = n
		}
	}
	label, _ := jr.str(p, obj, "label", "label", true)
	m.Label = corpus.Label(label)
	spanText, textOK := jr.str(p, obj, "text", "text", false)
	_, hasText := obj.get("text")
	value := ""
	if v, ok := obj.get("value"); ok && jsonKind(v.value) == "number" {
		value = string(v.value)
	} else if ok && jsonKind(v.value) != "string" {
		jr.errs = append(jr.errs, p.Problemf(v.off, "value", ErrField, "want a number or a string, got %s", jsonKind(v.value)))
	} else {
		value, _ = jr.str(p, obj, "value", "value", false)
	}
	if v, err := corpus.ParseValue(value); err != nil {
		bad(corpus.FieldValue, corpus.Problemf(corpus.ErrValue, "%s is not a number (want a plain decimal such as 300, 270000 or 3.5)", corpus.Quote(value)))
	} else {
		m.Value = v
	}
	mod, _ := jr.str(p, obj, "modifier", "modifier", false)
	m.Modifier = corpus.Modifier(mod)
	m.Unit, _ = jr.str(p, obj, "unit", "unit", false)
	if !m.Span.Placed() {
		if !textOK || spanText == "" {
			jr.errs = append(jr.errs, p.Problemf(obj.off, "text", ErrField, `required, and not empty, for a span without "start" and "end"`))
			return
		}
		m.Text = spanText
	}
	if len(jr.errs) > nerrs || !textOK {
		return
	}
	if ps := jr.opts.Check(&m); ps != nil {
		jr.errs = append(jr.errs, ps...)
		return
	}
	if !m.Span.Placed() {
		jr.a.Mentions = append(jr.a.Mentions, m)
		return
	}
	if m.Span.End > d.index.Len() {
		end, _ := obj.get("end")
		jr.errs = append(jr.errs, p.Problemf(end.off, "end", corpus.ErrOffset, "%d is past the end of the text (length %d)", m.Span.End, d.index.Len()))
		return
	}
	m.Text, _ = d.index.Slice(m.Span)
	if t, _ := obj.get("text"); hasText && spanText != m.Text {
		jr.errs = append(jr.errs, p.Problemf(t.off, "text", corpus.ErrText, "%q, but the text has %q at %s", spanText, m.Text, m.Span))
		return
	}
	key := mentionKey{m.Span, m.Label, m.Value, m.Modifier, m.Unit}
	if d.seen[key] {
		return
	}
	d.seen[key] = true
	jr.a.Mentions = append(jr.a.Mentions, m)
}

// jsonMember is a JSON value inside a line and the byte offset where it starts.
type jsonMember struct {
	value json.RawMessage
	off   int
}

// jsonObject is a JSON object inside a line: its members by key, and the byte
// offset where it starts.
type jsonObject struct {
	members map[string]jsonMember
	off     int
}

// get returns the member key; a null member counts as missing.
func (o jsonObject) get(key string) (jsonMember, bool) {
	m, ok := o.members[key]
	if !ok || jsonKind(m.value) == "null" {
		return jsonMember{}, false
	}
	return m, true
}

// jsonMembers returns the JSON object data, which starts at byte off of its
// line. A repeated key keeps its last value, as encoding/json does, and
// keys match exactly (encoding/json would also match "Text" to "text").
// data must be valid JSON; ok is false when it is not an object.
func jsonMembers(data []byte, off int) (jsonObject, bool) {
	if jsonKind(data) != "object" {
		return jsonObject{}, false
	}
	obj := jsonObject{members: map[string]jsonMember{}, off: off + skipJSONSpace(data, 0)}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		return obj, true
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := t.(string)
		start := skipJSONSpace(data, int(dec.InputOffset()))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			break
		}
		obj.members[key] = jsonMember{value: bytes.TrimLeft(v, " \t\r\n"), off: off + start}
	}
	return obj, true
}

// jsonElements returns the elements of the JSON array data, which starts at
// byte off of its line. data must be a valid JSON array.
func jsonElements(data []byte, off int) []jsonMember {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // [
		return nil
	}
	var out []jsonMember
	for dec.More() {
		start := skipJSONSpace(data, int(dec.InputOffset()))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			break
		}
		out = append(out, jsonMember{value: bytes.TrimLeft(v, " \t\r\n"), off: off + start})
	}
	return out
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// not JSON white space, a colon or a comma.
func skipJSONSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n', ':', ',':
			i++
		default:
			return i
		}
	}
	return i
}

// jsonKind names the type of the JSON value v: object, array, string,
// boolean, null or number.
func jsonKind(v []byte) string {
	i := skipJSONSpace(v, 0)
	if i == len(v) {
		return "nothing"
	}
	switch v[i] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// isJSONInteger reports whether the JSON number v has no fraction and no
// exponent.
func isJSONInteger(v []byte) bool {
	v = bytes.TrimPrefix(v, []byte("-"))
	if len(v) == 0 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// jsonTruncated reports whether data ends inside a JSON value.
func jsonTruncated(data []byte) bool {
	var v any
	err := json.NewDecoder(bytes.NewReader(data)).Decode(&v)
	return errors.Is(err, io.ErrUnexpectedEOF)
}

// record and span are what Write writes, in this order.
type record struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Spans []span `json:"spans"`
}

type span struct {
	Start    *int        `json:"start,omitempty"` // nil for a mention given by its text
	End      *int        `json:"end,omitempty"`
	Text     string      `json:"text"`
	Label    string      `json:"label"`
	Value    json.Number `json:"value,omitempty"`
	Modifier string      `json:"modifier,omitempty"`
	Unit     string      `json:"unit,omitempty"`
}

// Write writes one JSONL record a document, in the order of docs:
//
//	{"id":"d1","text":"“Ada” met Bob","spans":[{"start":1,"end":4,"text":"Ada","label":"PERSON"}]}
//
// spans sorted by [corpus.Compare], "value" (a JSON number), "modifier"
// and "unit" only when set, "start" and "end" left out for a mention
// given by its text ([corpus.NoSpan]), no HTML escaping, "\n" after each record;
// the same input always gives the same bytes. [Read] reads it back.
// Every mention must belong to one of docs and fit its text; IDs and
// texts must be valid UTF-8 (JSON cannot hold anything else).
func Write(w io.Writer, docs []corpus.Doc, ms []corpus.Mention) error {
	groups, err := gold.MentionsByDoc(docs, ms, true)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, d := range docs {
		rec := record{ID: d.ID, Text: d.Text, Spans: make([]span, len(groups[i]))}
		for k, m := range groups[i] {
			rec.Spans[k] = span{
				Text: m.Text, Label: string(m.Label),
				Value: json.Number(m.Value.String()), Modifier: string(m.Modifier), Unit: m.Unit,
			}
			if m.Span.Placed() {
				rec.Spans[k].Start, rec.Spans[k].End = &m.Span.Start, &m.Span.End
			}
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return bw.Flush()
}
