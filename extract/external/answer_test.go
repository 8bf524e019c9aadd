package external

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// answerDoc is the document the answers below are for.
var answerText, answerWant = marks.MustParse("d1", "“⟦Ada|PERSON⟧” saw ⟦more than 300|CARDINAL|300|>⟧ people ⟦50 km|QUANTITY|50||km⟧ away, ⟦$5|MONEY|5||USD⟧")

func TestParseAnswer(t *testing.T) {
	doc := corpus.Doc{ID: "d1", Text: answerText}
	for _, tc := range []struct {
		name, line string
		want       []corpus.Mention
	}{
		{
			name: "every field, out of order",
			line: `{"mentions": [{"start": 31, "end": 36, "label": "QUANTITY", "value": "50", "unit": "km", "text": "50 km"},` +
				` {"start": 10, "end": 23, "label": "CARDINAL", "value": 300, "modifier": ">", "score": 0.75},` +
				` {"start": 43, "end": 45, "label": "MONEY", "value": 5.0, "unit": "USD", "modifier": ""},` +
				` {"end": 4, "start": 1, "label": "PERSON", "text": "Ada", "score": null}], "doc_id": "d1"}` + "\n",
			want: scored(answerWant, 1, 0.75),
		},
		{
			name: "nulls",
			line: `{"doc_id": "d1", "mentions": [{"start": 1, "end": 4, "label": "PERSON", "text": null, "value": null, "modifier": null, "unit": null}]}`,
			want: answerWant[:1],
		},
		{name: "nothing found", line: `{"doc_id": "d1", "mentions": []}`},
		{name: "CRLF and spaces", line: " \t{\"doc_id\":\"d1\",\"mentions\":[ {\"start\" : 1 , \"end\":4,\"label\":\"PERSON\"} ]} \r\n", want: answerWant[:1]},
		{
			name: "no offsets: text and label",
			line: `{"doc_id": "d1", "mentions": [{"text": "Ada", "label": "PERSON"}, {"text": "more than 300", "label": "CARDINAL", "value": 300, "modifier": ">"}]}`,
			want: []corpus.Mention{
				{DocID: "d1", Span: corpus.NoSpan, Label: "PERSON", Text: "Ada"},
				{DocID: "d1", Span: corpus.NoSpan, Label: "CARDINAL", Text: "more than 300", Value: corpus.NewValue(300), Modifier: ">"},
			},
		},
		{name: "string value with commas", line: `{"doc_id": "d1", "mentions": [{"start": 10, "end": 23, "label": "CARDINAL", "value": "300.00", "modifier": ">"}]}`, want: answerWant[1:2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseAnswer([]byte(tc.line), 3, doc, nil)
			if err != nil {
				t.Fatalf("parseAnswer(%s) error: %v", tc.line, err)
			}
			if diff := cmp.Diff(tc.want, got, cmpMentions, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("parseAnswer(%s) (-want +got):\n%s", tc.line, diff)
			}
		})
	}
}

func TestParseAnswerErrors(t *testing.T) {
	doc := corpus.Doc{ID: "d1", Text: answerText}
	// m makes an answer line holding one mention with the given fields.
	m := func(fields string) string { return `{"doc_id": "d1", "mentions": [{` + fields + `}]}` }
	const person = `"start": 1, "end": 4, "label": "PERSON"`
	const cardinal = `"start": 10, "end": 23, "label": "CARDINAL"`
	for _, tc := range []struct {
		name, line string
		is         error
		want       string
	}{
		{"empty", "\n", ErrOutput, "empty line (want one JSON object per document)"},
		{"UTF-8", "{\"doc_id\": \"d\xff1\"}", ErrOutput, "invalid UTF-8: byte 0xff at byte offset 13"},
		{"not JSON", "INFO loading model", ErrOutput, `invalid JSON: invalid character 'I' looking for beginning of value; the line is "INFO loading model" (the program may be printing something else to stdout: logs and progress belong on stderr)`},
		{"cut short", `{"doc_id": "d1", "mentions": [`, ErrOutput, `invalid JSON: unexpected EOF; the line is "{\"doc_id\": \"d1\", \"mentions\": ["`},
		{"long line", `{"doc_id": "` + strings.Repeat("é", 100), ErrOutput, `invalid JSON: unexpected EOF; the line is "{\"doc_id\": \"` + strings.Repeat("é", 48) + `"...`},
		{"array", `[]`, ErrOutput, `want a JSON object, got a JSON array; the line is "[]" (the program may be printing something else to stdout: logs and progress belong on stderr)`},
		{"null", `null`, ErrOutput, `want a JSON object, got null; the line is "null" (the program may be printing something else to stdout: logs and progress belong on stderr)`},
		{"two values", `{} {}`, ErrOutput, `more than one JSON value; the line is "{} {}"`},
		{"junk after", `{"doc_id": "d1", "mentions": []} ]`, ErrOutput, `invalid JSON after the first value: invalid character ']' looking for beginning of value; the line is "{\"doc_id\": \"d1\", \"mentions\": []} ]"`},
		{"no doc_id", `{"mentions": []}`, ErrOutput, `no "doc_id" field`},
		{"doc_id number", `{"doc_id": 1, "mentions": []}`, ErrOutput, `doc_id: want a string, got JSON number 1`},
		{"wrong doc_id", `{"doc_id": "d2", "mentions": []}`, ErrDocID, `doc_id "d2", but the document sent was "d1" (one answer line per document, in order)`},
		{"unknown fields", `{"doc_id": "d1", "mentions": [], "timing": 3, "entities": []}`, ErrOutput, `unknown fields "entities", "timing" (an answer has doc_id, mentions)`},
		{"no mentions", `{"doc_id": "d1"}`, ErrOutput, `no "mentions" field (an answer with nothing found has "mentions": [])`},
		{"mentions null", `{"doc_id": "d1", "mentions": null}`, ErrOutput, `mentions: want an array, got null`},
		{"mentions object", `{"doc_id": "d1", "mentions": {}}`, ErrOutput, `mentions: want an array, got a JSON object`},
		{"mention not an object", `{"doc_id": "d1", "mentions": [3]}`, ErrMention, `mentions[0]: want a JSON object, got JSON number 3`},
		{"no start", m(`"end": 4, "label": "PERSON"`), ErrMention, `mentions[0]: start: missing`},
		{"no offsets, no text", m(`"label": "PERSON"`), ErrMention, `mentions[0]: text: required, and not empty, for a mention without start and end`},
		{"no offsets, empty text", m(`"label": "PERSON", "text": ""`), ErrMention, `mentions[0]: text: required, and not empty, for a mention without start and end`},
		{"start string", m(`"start": "1", "end": 4, "label": "PERSON"`), ErrMention, `mentions[0]: start: want an integer, got JSON string "1"`},
		{"start float", m(`"start": 1.0, "end": 4, "label": "PERSON"`), ErrMention, `mentions[0]: start: 1.0 is not an integer`},
		{"start negative", m(`"start": -1, "end": 4, "label": "PERSON"`), ErrMention, `mentions[0]: start: -1 is negative`},
		{"start huge", m(`"start": 99999999999999999999, "end": 4, "label": "PERSON"`), ErrMention, `mentions[0]: start: 99999999999999999999 is out of range`},
		{"end not after start", m(`"start": 4, "end": 4, "label": "PERSON"`), ErrMention, `mentions[0]: end: 4 is not after start 4`},
		{"end past the text", m(`"start": 40, "end": 48, "label": "PERSON"`), ErrMention, `mentions[0]: end: 48 is past the end of the document (length 45)`},
		{"byte offsets", m(`"start": 3, "end": 6, "label": "PERSON", "text": "Ada"`), ErrMention, `mentions[0]: text: "Ada", but the document has "a” " at 3:6`},
		{"text number", m(person + `, "text": 3`), ErrMention, `mentions[0]: text: want a string, got JSON number 3`},
		{"no label", m(`"start": 1, "end": 4`), ErrMention, `mentions[0]: label: missing`},
		{"lower-case label", m(`"start": 1, "end": 4, "label": "person"`), ErrMention, `mentions[0]: label: unknown label "person" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...; another label set needs a label map, -map)`},
		{"value on PERSON", m(person + `, "value": 3`), ErrMention, `mentions[0]: value: PERSON takes no value, got 3`},
		{"exponent", m(cardinal + `, "value": 3e2`), ErrMention, `mentions[0]: value: 3e2 is not a plain decimal number (want one such as 300, 270000, 270,000 or 3.5, with no exponent)`},
		{"value word", m(cardinal + `, "value": "three hundred"`), ErrMention, `mentions[0]: value: "three hundred" is not a plain decimal number (want one such as 300, 270000, 270,000 or 3.5, with no exponent)`},
		{"value boolean", m(cardinal + `, "value": true`), ErrMention, `mentions[0]: value: want a number or a string, got JSON boolean true`},
		{"modifier", m(cardinal + `, "modifier": "about"`), ErrMention, `mentions[0]: modifier: "about" is not a modifier (want one of: empty, ~, >, >=, <, <=, range)`},
		{"modifier on PERSON", m(person + `, "modifier": "~"`), ErrMention, `mentions[0]: modifier: PERSON takes no modifier, got "~"`},
		{"unit on CARDINAL", m(cardinal + `, "unit": "km"`), ErrMention, `mentions[0]: unit: CARDINAL takes no unit, got "km" (only QUANTITY and MONEY have units)`},
		{"unit case", m(`"start": 31, "end": 36, "label": "QUANTITY", "unit": "KM"`), ErrMention, `mentions[0]: unit: "KM" is not a canonical unit (a lowercase symbol such as km, mi, kg, km2)`},
		{"currency", m(`"start": 43, "end": 45, "label": "MONEY", "unit": "usd"`), ErrMention, `mentions[0]: unit: "usd" is not an ISO 4217 currency code (such as USD, EUR, SYP)`},
		{"score", m(person + `, "score": "high"`), ErrMention, `mentions[0]: score: want a number, got JSON string "high"`},
		{"misspelt field", m(person + `, "modifer": "~"`), ErrMention, `mentions[0]: unknown field "modifer" (a mention has start, end, label, text, value, modifier, unit, score)`},
		{
			"every problem", `{"doc_id": "d1", "mentions": [{` + person + `}, {"start": 5, "end": 2, "label": "PER"}, {` + person + `}, {"start": -1, "label": 1}]}`, ErrMention,
			"5 problems with mentions:\n" +
				"\tmentions[1]: end: 2 is not after start 5\n" +
				"\tmentions[1]: label: unknown label \"PER\" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...; another label set needs a label map, -map)\n" +
				"\tmentions[3]: start: -1 is negative\n" +
				"\tmentions[3]: end: missing\n" +
				"\tmentions[3]: label: want a string, got JSON number 1",
		},
		{
			"ten shown", `{"doc_id": "d1", "mentions": [` + strings.Repeat(`{"start": 1, "end": 4, "label": "X"}, `, 11) + `{"start": 1, "end": 4, "label": "X"}]}`, ErrMention,
			"12 problems with mentions:\n" + strings.Join(func() []string {
				var lines []string
				for i := range 10 {
					lines = append(lines, fmt.Sprintf("\tmentions[%d]: label: unknown label \"X\" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...; another label set needs a label map, -map)", i))
				}
				return lines
			}(), "\n") + "\n\t2 more",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := parseAnswer([]byte(tc.line), 3, doc, nil)
			if err == nil {
				t.Fatalf("parseAnswer(%s) = %v, want an error", tc.line, ms)
			}
			var e *Error
			if !errors.As(err, &e) || e.Line != 3 || e.DocID != "d1" {
				t.Fatalf("parseAnswer(%s) error %#v is not an *Error at line 3 for d1", tc.line, err)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("parseAnswer(%s) error %v is not %v", tc.line, err, tc.is)
			}
			if got := e.Err.Error(); got != tc.want {
				t.Errorf("parseAnswer(%s) error =\n%s\nwant\n%s", tc.line, got, tc.want)
			}
		})
	}
}

func TestEncodeRequest(t *testing.T) {
	got, err := encodeRequest(corpus.Doc{ID: "d\"1", Text: "“Ada” <b>&\n\tJosé\u00a0"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"doc_id":"d\"1","text":"“Ada” <b>&\n\tJosé` + "\u00a0" + `"}` + "\n"
	if string(got) != want {
		t.Errorf("encodeRequest = %s, want %s", got, want)
	}
}

// FuzzParseAnswer checks that parseAnswer never panics, that every error
// is an *Error with the line number and the document, in a category, and
// that every mention it accepts lies in the document with its text.
func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{
		`{"doc_id": "d1", "mentions": [{"start": 1, "end": 4, "label": "PERSON", "text": "Ada"}]}`,
		`{"doc_id": "d1", "mentions": [{"start": 10, "end": 23, "label": "CARDINAL", "value": "300", "modifier": ">", "score": 1}]}`,
		`{"doc_id": "d1", "mentions": [{"start": 31, "end": 36, "label": "QUANTITY", "value": 5.0, "unit": "km"}, {"start": 0, "end": 99, "label": "X"}]}`,
		`{"doc_id": "d1", "mentions": null}`,
		`{"doc_id": "d2"} {}`,
		"not json",
		"{\"doc_id\": \"\xff\"}",
		"",
	} {
		f.Add(s, answerText)
	}
	f.Add(`{"doc_id": "d1", "mentions": [{"start": 0, "end": 1, "label": "PERSON"}]}`, "\xff")
	categories := []error{ErrOutput, ErrDocID, ErrMention}
	f.Fuzz(func(t *testing.T, line, text string) {
		doc := corpus.Doc{ID: "d1", Text: text}
		ms, err := parseAnswer([]byte(line), 7, doc, nil)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line != 7 || e.DocID != "d1" {
				t.Fatalf("error %#v is not an *Error at line 7 for d1", err)
			}
			if !slices.ContainsFunc(categories, func(c error) bool { return errors.Is(err, c) }) {
				t.Fatalf("error %v is in no category", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, `external program: document "d1": stdout line 7: `) || !utf8.ValidString(msg) {
				t.Fatalf("error message %q", msg)
			}
			return
		}
		x := corpus.NewIndex(text)
		for i, m := range ms {
			s, ok := x.Slice(m.Span)
			if m.DocID != "d1" || !ok || m.Span.Start >= m.Span.End || s != m.Text {
				t.Fatalf("mention %d = %+v, outside the document or with the wrong text", i, m)
			}
			if _, ok := corpus.ParseLabel(string(m.Label)); !ok {
				t.Fatalf("mention %d has label %q", i, m.Label)
			}
			if !m.Label.Numeric() && (!m.Value.IsZero() || m.Modifier != "") || !m.Label.HasUnit() && m.Unit != "" {
				t.Fatalf("mention %d has number fields on %s: %+v", i, m.Label, m)
			}
			if i > 0 && corpus.Compare(ms[i-1], m) > 0 {
				t.Fatalf("mentions out of order: %+v before %+v", ms[i-1], m)
			}
		}
	})
}

// scored returns a copy of ms with mention i scored.
func scored(ms []corpus.Mention, i int, score float64) []corpus.Mention {
	ms = append([]corpus.Mention(nil), ms...)
	ms[i].Score, ms[i].HasScore = score, true
	return ms
}
