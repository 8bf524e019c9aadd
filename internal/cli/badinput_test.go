package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// The inputs of the bad-input tests: a corpus of one document and a gold
// file that matches it.
const (
	badText   = "“Ada” met Bob in Dmeir."
	badHeader = "doc_id,start,end,text,label,value,modifier,unit\n"
	badGold   = badHeader + "doc,1,4,Ada,PERSON,,,\ndoc,17,22,Dmeir,GPE,,,\n"
	labelHint = " (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)"
	utf16Hint = " (is the file UTF-16? mention files are UTF-8)"
)

// outcome is what one command must do with a bad input: its exit status,
// a line its stderr must hold (all of stderr must be short), and a
// substring of stdout. In both, {F} stands for the input's path and {C}
// for the corpus's.
type outcome struct {
	code   int
	stderr string
	stdout string
}

// failWith is the outcome of most bad inputs: exit 1 and the message line.
func failWith(msg string) map[string]outcome { return map[string]outcome{"": {1, msg, ""}} }

// badInput is one bad input and what each command that reads it must do.
type badInput struct {
	name string
	in   string // the file's content
	// make, if set, makes the input at path instead of writing in.
	make  func(t *testing.T, path string)
	flags []string // more flags for every command
	// only, if set, names the commands to run, where the others would
	// only repeat the same code on a slow input.
	only []string
	// want maps a command (see badReaders) to its outcome; "" is every
	// command not named.
	want map[string]outcome
}

// badReaders are the commands that read each kind of input, by name: the
// arguments, with F for the input, C the corpus, G the gold, O the output
// directory.
var badReaders = map[string]map[string][]string{
	"mentions": {
		"validate": {"validate", "-corpus", "C", "F"},
		"gold":     {"score", "-corpus", "C", "-gold", "F", "-pred", "G", "-o", "O"},
		"pred":     {"score", "-corpus", "C", "-gold", "G", "-pred", "F", "-o", "O"},
	},
	"conll": {
		"score": {"score", "-conll", "F", "-o", "O"},
	},
	"corpus": { // F is the corpus: a directory or a .jsonl file
		"validate": {"validate", "-corpus", "F", "G"},
		"score":    {"score", "-corpus", "F", "-gold", "G", "-pred", "G", "-o", "O"},
	},
}

// TestBadInput feeds each bad input to every command that reads it and
// checks the message, with its exact position, the exit status, that
// nothing panics, and that a failed command leaves no file behind: its
// output directory stays empty and nothing appears beside the input.
func TestBadInput(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("A", 10_000_000) // a 10 MB field
	brokenLink := func(t *testing.T, path string) {
		if err := os.Symlink(filepath.Join(filepath.Dir(path), "nowhere"), path); err != nil {
			t.Fatal(err)
		}
	}
	mkdir := func(t *testing.T, path string) {
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// corpusDir makes a corpus directory holding doc.txt with text.
	corpusDir := func(text string) func(*testing.T, string) {
		return func(t *testing.T, path string) {
			mkdir(t, path)
			writeTestFile(t, filepath.Join(path, "doc.txt"), text)
		}
	}
	utf16 := func(s string) string { // UTF-16LE without a byte-order mark, for ASCII s
		var b strings.Builder
		for _, c := range []byte(s) {
			b.WriteByte(c)
			b.WriteByte(0)
		}
		return b.String()
	}
	row := func(s string) string { return badHeader + s + "\n" }

	kinds := []struct {
		kind, ext string
		cases     []badInput
	}{
		{"mentions", ".csv", []badInput{
			{name: "empty file", in: "", want: failWith("{F}:1:1: header: empty file: want a header row doc_id,start,end,text,label,value,modifier,unit")},
			// A header alone is a valid file with no mentions: fine to
			// validate, and as predictions it scores as finding nothing;
			// as gold it leaves nothing to score.
			{name: "header only", in: badHeader, want: map[string]outcome{
				"validate": {0, "", "ok: 0 mentions in 1 file match corpus {C} (1 document)"},
				"gold":     {1, "exbench: gold {F} has no mentions of corpus {C}, so it covers no document: nothing to score", ""},
				"pred":     {0, "", "2 gold mentions, 0 predicted"},
			}},
			{name: "missing column", in: "doc_id,start,text,label\ndoc,1,Ada,PERSON\n", want: failWith(`{F}:1:1: header: missing column "end"`)},
			{name: "duplicate column", in: "doc_id,start,end,end,text,label\ndoc,1,4,4,Ada,PERSON\n", want: failWith(`{F}:1:18: header: duplicate column "end" (also column 3)`)},
			{name: "unknown column", in: "doc_id,start,end,text,lable\n", want: failWith(`{F}:1:23: header: unknown column "lable" (columns are doc_id,start,end,text,label,value,modifier,unit,alt,score)`)},
			{name: "wrong column count", in: row("doc,1,4,Ada,PERSON,,"), want: failWith("{F}:2:1: row has 7 fields, the header has 8")},
			{name: "non-numeric offset", in: row("doc,one,4,Ada,PERSON,,,"), want: failWith(`{F}:2:5: start: "one" is not an integer`)},
			{name: "negative offset", in: row("doc,-1,4,Ada,PERSON,,,"), want: failWith("{F}:2:5: start: -1 is negative")},
			{name: "reversed offsets", in: row("doc,4,1,Ada,PERSON,,,"), want: failWith("{F}:2:7: end: end 1 is not after start 4")},
			{name: "offset past the end", in: row("doc,17,40,Dmeir,GPE,,,"), want: failWith(`{F}:2:8: end: 40 is past the end of document "doc" (length 23)`)},
			{name: "offset out of int range", in: row("doc,1,99999999999999999999,Ada,PERSON,,,"), want: failWith(`{F}:2:7: end: "99999999999999999999" is out of range`)},
			// The curly quote is one code point: Ada is at 1:4, not 3:6.
			{name: "text mismatch", in: row("doc,0,4,Ada,PERSON,,,"), want: failWith(`{F}:2:9: text: "Ada", but the document has "“Ada" at 0:4`)},
			{name: "offsets in bytes", in: row("doc,3,6,Ada,PERSON,,,"), want: failWith(`{F}:2:9: text: "Ada", but the document has "a” " at 3:6; the text is at 3:6 in UTF-8 bytes, which is 1:4 in code points: offsets count code points`)},
			{name: "unknown doc_id", in: row("news,1,4,Ada,PERSON,,,"), want: failWith(`{F}:2:1: doc_id: unknown document "news" (not in corpus {C})`)},
			{name: "unknown label", in: row("doc,1,4,Ada,PER,,,"), want: failWith(`{F}:2:13: label: unknown label "PER"` + labelHint)},
			{name: "invalid UTF-8", in: row("doc,1,4,A\xffa,PERSON,,,"), want: failWith("{F}:2:10: invalid UTF-8: byte 0xff at byte offset 57")},
			{name: "NUL byte", in: row("doc,1,4,A\x00a,PERSON,,,"), want: failWith("{F}:2:10: NUL byte at byte offset 57" + utf16Hint)},
			{name: "UTF-16", in: utf16(badGold), want: failWith("{F}:1:2: NUL byte at byte offset 1" + utf16Hint)},
			// A 10 MB field is read whole; the message quotes its start.
			{name: "10 MB text field", only: []string{"validate", "pred"}, in: row("doc,1,4," + big + ",PERSON,,,"), want: failWith(`{F}:2:9: text: "` + big[:60] + `"... (10000000 bytes), but the document has "Ada" at 1:4`)},
			{name: "10 MB label field", only: []string{"validate"}, in: row("doc,1,4,Ada," + big + ",,,"), want: failWith(`{F}:2:13: label: unknown label "` + big[:60] + `"... (10000000 bytes)` + labelHint)},
			// encoding/csv gives up at the end of the file; the mistake
			// is the quote that opens the field.
			{name: "unterminated quote", in: row(`doc,1,4,"Ada,PERSON,,,`) + "doc,17,22,Dmeir,GPE,,,\n", want: failWith("{F}:2:9: unterminated quoted field: no closing quote before the end of the file")},
			{name: "extraneous quote", in: row(`doc,1,4,"Ada"x,PERSON,,,`), want: failWith(`{F}:2:13: extraneous or missing " in quoted-field`)},
			// A directory stands for the .csv files in it.
			{name: "directory", make: mkdir, want: failWith("exbench: {F}: no .csv files in the directory")},
			{name: "broken symlink", make: brokenLink, want: failWith("exbench: {F}: no such file or directory (broken symbolic link)")},
			// Read only regular files: a named pipe would block, a
			// device never end.
			{name: "named pipe", make: mkfifo, want: failWith("{F}: a named pipe (FIFO): exbench reads regular files only")},
			{name: "symlink to /dev/zero", make: devZero, want: failWith("{F}: a character device: exbench reads regular files only")},
		}},
		{"conll", ".conll", []badInput{
			{name: "empty file", in: "", want: failWith("exbench: {F}: no tokens to score: want a token a line, its gold and predicted tags in the last two columns")},
			{name: "bad tag", in: "Ada NNP B-PER X-PER\n", want: failWith(`exbench: {F}:1:15: tag: bad tag "X-PER" (want O, or B-, I-, E-, S- followed by a type, in scheme conlleval)`)},
			// conlleval starts a chunk where the type changes: two
			// predicted chunks; iob2 drops the I-LOC that continues no
			// chunk, and says so.
			{name: "I- of another type", in: "Ada NNP B-PER B-PER\nLovelace NNP I-PER I-LOC\n", want: map[string]outcome{
				"": {0, "", "found: 2 phrases; correct: 0."},
			}},
			{name: "I- of another type, iob2", in: "Ada NNP B-PER B-PER\nLovelace NNP I-PER I-LOC\n", flags: []string{"-scheme", "iob2"}, want: map[string]outcome{
				"": {0, "exbench: score: scheme iob2 dropped 1 ill-formed chunk", "found: 1 phrases; correct: 0."},
			}},
			{name: "tab after spaces", in: "Ada NNP B-PER B-PER\nmet\tVBD\tO\tO\n", want: failWith("exbench: {F}:2:4: a tab between columns, but line 1 separates columns with spaces: use one kind of separator in a file")},
			{name: "space after tabs", in: "-DOCSTART-\t-X-\tO\tO\n\nAda\tNNP B-PER\tB-PER\n", want: failWith("exbench: {F}:3:8: a space between columns, but line 1 separates columns with tabs: use one kind of separator in a file")},
			{name: "wrong column count", in: "Ada NNP B-PER B-PER\nmet O O\n", want: failWith("exbench: {F}:2:1: 3 columns, want 4 as on the first line")},
			{name: "invalid UTF-8", in: "Ada NNP B-PER\xff B-PER\n", want: failWith("exbench: {F}:1:14: invalid UTF-8: byte 0xff")},
			{name: "UTF-16", in: utf16("Ada NNP B-PER B-PER\n"), want: failWith("exbench: {F}:1:2: NUL byte (is the file UTF-16? CoNLL files are UTF-8)")},
			{name: "10 MB token", in: big + " NNP O O\n", want: map[string]outcome{"": {0, "", "processed 1 tokens with 0 phrases"}}},
			{name: "10 MB tag", in: "Ada NNP O " + big + "\n", want: failWith(`exbench: {F}:1:11: tag: bad tag "` + big[:60] + `"... (10000000 bytes) (want O, or B-, I-, E-, S- followed by a type, in scheme conlleval)`)},
			{name: "directory", make: mkdir, want: failWith("exbench: {F}: is a directory, want a file")},
			{name: "broken symlink", make: brokenLink, want: failWith("exbench: {F}: no such file or directory (broken symbolic link)")},
			{name: "named pipe", make: mkfifo, want: failWith("exbench: {F}: a named pipe (FIFO): exbench reads regular files only")},
		}},
		{"corpus", "", []badInput{
			{name: "empty directory", make: mkdir, want: failWith("exbench: {F}: no documents: no .txt files in the directory")},
			{name: "invalid UTF-8", make: corpusDir(badText + "\nJos\xe9"), want: failWith("{F}/doc.txt:2:4: invalid UTF-8: byte 0xe9 at byte offset 31")},
			{name: "NUL byte", make: corpusDir(badText + "\nA\x00"), want: failWith("{F}/doc.txt:2:2: NUL byte at byte offset 29 (is the file UTF-16? text must be UTF-8)")},
			{name: "broken symlink inside", make: func(t *testing.T, path string) {
				corpusDir(badText)(t, path)
				brokenLink(t, filepath.Join(path, "gone.txt"))
			}, want: failWith("{F}/gone.txt: no such file or directory (broken symbolic link)")},
			{name: "10 MB document", make: corpusDir(badText + big), want: map[string]outcome{
				"validate": {0, "", "ok: 2 mentions in 1 file match corpus {F} (1 document)"},
				"score":    {0, "", "2 gold mentions, 2 predicted"},
			}},
			{name: "broken symlink", make: brokenLink, want: failWith("exbench: {F}: no such file or directory (broken symbolic link)")},
			{name: "a file that is no corpus", in: badText, want: failWith("exbench: {F}: a corpus is a directory of .txt files or a .jsonl file")},
			{name: "named pipe inside", make: func(t *testing.T, path string) {
				corpusDir(badText)(t, path)
				mkfifo(t, filepath.Join(path, "pipe.txt"))
			}, want: failWith("{F}/pipe.txt: a named pipe (FIFO): exbench reads regular files only")},
			{name: "symlink to /dev/zero inside", make: func(t *testing.T, path string) {
				corpusDir(badText)(t, path)
				devZero(t, filepath.Join(path, "zero.txt"))
			}, want: failWith("{F}/zero.txt: a character device: exbench reads regular files only")},
			// The curly quotes are 3 bytes each: 27 bytes.
			{name: "document over the limit", make: corpusDir(badText), flags: []string{"-max-doc-mb", "0.00002"}, want: failWith("{F}/doc.txt: a document of 0.000027 MB, over the limit of 0.00002 MB")},
		}},
		{"corpus", ".jsonl", []badInput{
			{name: "empty file", in: "", want: failWith("exbench: {F}: no documents")},
			{name: "truncated record", in: `{"id":"doc","text":"` + badText + `"}` + "\n" + `{"id":"b","te`, want: failWith("{F}:2:14: bad record: the record is cut off: the line ends inside the JSON object")},
			{name: "truncated record and newline", in: `{"id":"doc","text":"` + badText + `"}` + "\n" + `{"id":"b"` + "\n", want: failWith("{F}:2:10: bad record: the record is cut off: the line ends inside the JSON object")},
			{name: "JSON syntax", in: `{"id":"doc" "text":"x"}` + "\n", want: failWith(`{F}:1:13: bad record: invalid character '"' after object key:value pair`)},
			{name: "invalid UTF-8", in: `{"id":"a","text":"x"}` + "\n" + `{"id":"doc","text":"Jos` + "\xe9" + `"}` + "\n", want: failWith("{F}:2:24: invalid UTF-8: byte 0xe9 at byte offset 23")},
			{name: "NUL byte", in: `{"id":"doc","text":"A` + "\x00" + `"}` + "\n", want: failWith("{F}:1:22: NUL byte at byte offset 21 (is the file UTF-16? text must be UTF-8)")},
			{name: "NUL escape", in: `{"id":"doc","text":"A\u0000"}` + "\n", want: failWith(`{F}:1: bad record: text: NUL character (\u0000) at code point 1; text must not hold one`)},
			{name: "10 MB document", only: []string{"validate"}, in: `{"id":"doc","text":"` + badText + big + `"}` + "\n", want: map[string]outcome{
				"validate": {0, "", "ok: 2 mentions in 1 file match corpus {F} (1 document)"},
			}},
			{name: "directory", make: mkdir, want: failWith("exbench: {F}: no documents: no .txt files in the directory")},
			{name: "broken symlink", make: brokenLink, want: failWith("exbench: {F}: no such file or directory (broken symbolic link)")},
			{name: "named pipe", make: mkfifo, want: failWith("{F}: a named pipe (FIFO): exbench reads regular files only")},
			{name: "byte-order mark", in: "\ufeff" + `{"id":"doc","text":"` + badText + `"}` + "\n", want: map[string]outcome{
				"validate": {0, "", "ok: 2 mentions in 1 file match corpus {F} (1 document)"},
				"score":    {0, "", "2 gold mentions, 2 predicted"},
			}},
			{name: "lone surrogate", in: `{"id":"doc","text":"Ada \ud800 \ud83d\ude00"}` + "\n", want: failWith(`{F}:1:25: \ud800 is half of a UTF-16 surrogate pair, without its other half: not a character`)},
			{name: "lone low surrogate", in: `{"id":"doc","text":"\ude00"}` + "\n", want: failWith(`{F}:1:21: \ude00 is half of a UTF-16 surrogate pair, without its other half: not a character`)},
			{name: "document over the limit", in: `{"id":"doc","text":"` + badText + `"}` + "\n", flags: []string{"-max-doc-mb", "0.00002"}, want: failWith("{F}:1: a document of 0.00005 MB, over the limit of 0.00002 MB")},
		}},
	}
	for _, k := range kinds {
		for _, tc := range k.cases {
			for _, reader := range slices.Sorted(maps.Keys(badReaders[k.kind])) {
				args := badReaders[k.kind][reader]
				if tc.only != nil && !slices.Contains(tc.only, reader) {
					continue
				}
				want, ok := tc.want[reader]
				if !ok {
					want = tc.want[""]
				}
				t.Run(k.kind+k.ext+"/"+tc.name+"/"+reader, func(t *testing.T) {
					dir := t.TempDir()
					in := filepath.Join(dir, "in"+k.ext)
					switch {
					case tc.make != nil:
						tc.make(t, in)
					default:
						writeTestFile(t, in, tc.in)
					}
					corpusPath := filepath.Join(dir, "corpus")
					if k.kind != "corpus" {
						corpusDir(badText)(t, corpusPath)
					} else {
						corpusPath = in
					}
					goldPath := filepath.Join(dir, "gold.csv")
					writeTestFile(t, goldPath, badGold)
					out := filepath.Join(dir, "out")
					mkdir(t, out)
					beside := func() []string { // every file but the output
						return slices.DeleteFunc(listTree(t, dir), func(p string) bool { return p != "out" && strings.HasPrefix(p, "out"+string(filepath.Separator)) })
					}
					before := beside()

					cmd := append([]string{args[0]}, tc.flags...) // flags go before the arguments
					for _, a := range args[1:] {
						if v, ok := map[string]string{"F": in, "C": corpusPath, "G": goldPath, "O": out}[a]; ok {
							a = v
						}
						cmd = append(cmd, a)
					}
					start := time.Now()
					code, stdout, stderr := exbenchSafe(t, cmd...)
					if d := time.Since(start); d > time.Minute { // only a pathological case, such as quadratic time on a 10 MB field
						t.Errorf("took %v", d)
					}
					r := strings.NewReplacer("{F}", in, "{C}", corpusPath)
					wantStderr, wantStdout := r.Replace(want.stderr), r.Replace(want.stdout)
					if code != want.code || !hasLine(stderr, wantStderr) || !strings.Contains(stdout, wantStdout) {
						t.Errorf("exbench %s = %d\nstdout: %s\nstderr: %s\nwant %d, stderr with the line %q, stdout holding %q",
							strings.Join(cmd, " "), code, abbrev(stdout), abbrev(stderr), want.code, abbrev(wantStderr), abbrev(wantStdout))
					}
					if want.stderr == "" && want.code == 0 && stderr != "" {
						t.Errorf("stderr = %q, want none", abbrev(stderr))
					}
					if len(stderr) > 2000 {
						t.Errorf("stderr has %d bytes: a message must quote a long value short", len(stderr))
					}
					if after := beside(); !slices.Equal(before, after) {
						t.Errorf("files beside the input changed:\nbefore %q\nafter  %q", before, after)
					}
					got := listTree(t, out)
					var wantOut []string
					if code == 0 && slices.Contains(args, "-o") {
						wantOut = slices.Clone(reportFiles)
						slices.Sort(wantOut)
					}
					if !slices.Equal(got, wantOut) {
						t.Errorf("output directory holds %q, want %q", got, wantOut)
					}
				})
			}
		}
	}
}

// TestBadOutputDir gives each command that writes files an output
// directory it cannot make: a regular file, and a path under one; and
// run an output file that is a directory. It must fail with a message
// naming the path and leave everything as it was.
func TestBadOutputDir(t *testing.T) {
	dir := t.TempDir()
	corpusPath := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpusPath, 0o755); err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, filepath.Join(corpusPath, "doc.txt"), badText)
	goldPath := filepath.Join(dir, "gold.csv")
	writeTestFile(t, goldPath, badGold)
	conll := filepath.Join(dir, "ner.conll")
	writeTestFile(t, conll, "Ada NNP B-PER B-PER\n")
	file := filepath.Join(dir, "file")
	writeTestFile(t, file, "not a directory\n")
	taken := filepath.Join(dir, "out", "numbers.csv")
	if err := os.MkdirAll(taken, 0o755); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		args []string // O is the file in the way, D the directory
		want string   // the message, with {O} and {D}
	}{
		{"score", []string{"score", "-corpus", corpusPath, "-gold", goldPath, "-pred", goldPath, "-o", "O"}, "exbench: cannot write to {O}: it is a file, not a directory"},
		{"score under a file", []string{"score", "-corpus", corpusPath, "-gold", goldPath, "-pred", goldPath, "-o", "O/sub"}, "exbench: cannot write to {O}/sub: stat {O}/sub: not a directory"},
		{"score -conll", []string{"score", "-conll", conll, "-o", "O"}, "exbench: cannot write to {O}: it is a file, not a directory"},
		{"run", []string{"run", "-extractor", "numbers", "-corpus", corpusPath, "-o", "O/numbers.csv"}, "exbench: cannot write to {O}: it is a file, not a directory"},
		{"bench", []string{"bench", "-ci=false", "-extractor", "numbers", "-corpus", corpusPath, "-gold", goldPath, "-o", "O"}, "exbench: cannot write to {O}: it is a file, not a directory"},
		{"run onto a directory", []string{"run", "-extractor", "numbers", "-corpus", corpusPath, "-o", "D"}, "exbench: {D} is a directory: cannot replace it with a file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := slices.Clone(tc.args)
			for i, a := range args {
				switch {
				case a == "O" || strings.HasPrefix(a, "O/"):
					args[i] = file + a[1:]
				case a == "D":
					args[i] = taken
				}
			}
			before := listTree(t, dir)
			code, _, stderr := exbenchSafe(t, args...)
			want := strings.NewReplacer("{O}", file, "{D}", taken).Replace(tc.want)
			if code != 1 || !hasLine(stderr, want) {
				t.Errorf("exbench %s = %d, stderr:\n%s\nwant 1 and the line %q", strings.Join(args, " "), code, stderr, want)
			}
			if after := listTree(t, dir); !slices.Equal(before, after) {
				t.Errorf("files changed:\nbefore %q\nafter  %q", before, after)
			}
			if data, err := os.ReadFile(file); err != nil || string(data) != "not a directory\n" {
				t.Errorf("the file in the way now holds %q, %v", data, err)
			}
		})
	}
}

// exbenchSafe is exbench, but a panic fails the test instead of
// stopping the run.
func exbenchSafe(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("exbench %s panicked: %v", strings.Join(args, " "), r)
		}
	}()
	var out, errOut bytes.Buffer
	code = exitCode(run(context.Background(), args, &out, &errOut), &errOut)
	return code, out.String(), errOut.String()
}

func writeTestFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// listTree returns the names of every file and directory under dir,
// sorted, as paths relative to it; none if dir does not exist.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if path == dir && errors.Is(err, fs.ErrNotExist) {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if path != dir {
			rel, _ := filepath.Rel(dir, path)
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// hasLine reports whether s holds line as a whole line; every s has the
// empty line.
func hasLine(s, line string) bool {
	return line == "" || slices.Contains(strings.Split(s, "\n"), line)
}

// abbrev cuts s for a failure message.
func abbrev(s string) string {
	if len(s) > 500 {
		return fmt.Sprintf("%s... (%d bytes)", s[:500], len(s))
	}
	return s
}

// TestKillWhileWriting runs the exbench binary on an input large enough
// to take a while, interrupts it (SIGINT) or kills it (SIGKILL) at random
// moments, half of them once it has started writing, and checks that no
// report file is ever partial: each holds what it held before the run or
// the run's complete output. After SIGINT the exit status is 130 and
// nothing is replaced, unless the signal came after the files were; a
// killed run may leave temporary files (".NAME.DIGITS.tmp", ".NAME.old",
// ".exbench-set") and nothing else, and the next run removes them.
// Running again gives the same bytes.
func TestKillWhileWriting(t *testing.T) {
	t.Parallel() // mostly waiting for the child
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send")
	}
	bin := binary(t)
	tmp := t.TempDir()
	const docs = 60
	corpusPath, goldPath, preds := killInputs(t, tmp, docs, 120)

	args := func(dir string, pred int) []string {
		return []string{"score", "-corpus", corpusPath, "-gold", goldPath, "-pred", "sys=" + preds[pred], "-o", dir}
	}
	exbenchBin := func(ctx context.Context, args ...string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Stdout, cmd.Stderr = new(bytes.Buffer), new(bytes.Buffer)
		return cmd
	}
	// The complete reports of each prediction file, from a run to the end.
	var want [2]map[string]string
	var took time.Duration
	for p := range want {
		dir := filepath.Join(tmp, fmt.Sprint("want", p))
		start := time.Now()
		cmd := exbenchBin(context.Background(), args(dir, p)...)
		if err := cmd.Run(); err != nil {
			t.Fatalf("exbench %s: %v\n%s", strings.Join(args(dir, p), " "), err, cmd.Stderr)
		}
		took = max(took, time.Since(start))
		want[p] = reportsIn(t, dir)
		checkReports(t, want[p], docs)
		if names := listTree(t, dir); len(names) != len(reportFiles) {
			t.Fatalf("%s holds %q, want the reports", dir, names)
		}
	}
	if maps.Equal(want[0], want[1]) {
		t.Fatal("the two prediction files give the same reports")
	}
	t.Logf("a run takes %v", took)

	out := filepath.Join(tmp, "out")
	rng := rand.New(rand.NewPCG(1, 2))
	var interrupted, finished, debris int
	for i := range 10 {
		pred := i / 2 % 2
		sig, sigName := os.Signal(os.Interrupt), "SIGINT"
		if i%2 == 1 {
			sig, sigName = os.Kill, "SIGKILL"
		}
		whileWriting := i%4 >= 2
		before := reportsIn(t, out)
		oldTemps := slices.DeleteFunc(listTree(t, out), func(name string) bool { return !isTemp(name) })

		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exbenchBin(ctx, args(out, pred)...)
		if err := cmd.Start(); err != nil {
			cancel()
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var waitErr error
		exited := false
		if whileWriting { // signal soon after the first temporary file appears
			for !exited && !hasTemp(out) {
				select {
				case waitErr = <-done:
					exited = true
				case <-time.After(100 * time.Microsecond):
				}
			}
			if !exited {
				time.Sleep(time.Duration(rng.Int64N(int64(20 * time.Millisecond))))
			}
		} else { // at any moment of a run
			select {
			case waitErr = <-done:
				exited = true
			case <-time.After(time.Duration(rng.Int64N(int64(took)))):
			}
		}
		cmd.Process.Signal(sig) // an error if it has already exited
		if !exited {
			waitErr = <-done
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			t.Fatalf("run %d did not end within its deadline", i)
		}
		cancel()
		code := cmd.ProcessState.ExitCode()
		t.Logf("run %d: %s%s: exit %d, %v", i, sigName, map[bool]string{true: " while writing"}[whileWriting], code, waitErr)

		// Every report is as it was or the run's complete one; after a
		// run killed while renaming, the next one may put back the
		// reports of the run before it.
		after := reportsIn(t, out)
		recovering := slices.Contains(oldTemps, ".exbench-set")
		for _, name := range reportFiles {
			got, ok := after[name]
			old, hadOld := before[name]
			switch {
			case !ok && !hadOld:
			case ok && got == want[pred][name]:
			case ok && hadOld && got == old:
			case ok && recovering && got == want[1-pred][name]:
			default:
				t.Errorf("run %d (%s): %s is neither as it was nor complete: %d bytes", i, sigName, name, len(got))
			}
		}
		// Only temporary files of the reports may be left, and only by
		// SIGKILL; a run that stops before it writes leaves those of
		// earlier runs.
		for _, name := range listTree(t, out) {
			switch {
			case slices.Contains(reportFiles, name), slices.Contains(oldTemps, name):
			case isTemp(name) && sig == os.Kill:
				debris++
			default:
				t.Errorf("run %d (%s) left %s", i, sigName, name)
			}
		}
		if sig == os.Interrupt {
			switch {
			case code == 0: // too late: the reports were in place
				finished++
				if !maps.Equal(after, want[pred]) {
					t.Errorf("run %d: exit 0 after SIGINT, but the reports are not the run's", i)
				}
			default:
				interrupted++
				if !maps.Equal(after, before) && !recovering {
					t.Errorf("run %d: exit %d after SIGINT, but reports were replaced", i, code)
				}
				if msg := cmd.Stderr.(*bytes.Buffer).String(); code != -1 && (code != 130 || !strings.HasSuffix(msg, "exbench: interrupted; no file was written\n")) {
					t.Errorf("run %d: exit %d after SIGINT, stderr %q", i, code, msg)
				}
			}
		}
	}
	t.Logf("SIGINT: %d interrupted, %d finished first; SIGKILL left %d temporary files", interrupted, finished, debris)

	// A complete run replaces everything, removes what killed runs left,
	// and writes the same bytes as the first run with these inputs.
	cmd := exbenchBin(context.Background(), args(out, 0)...)
	if err := cmd.Run(); err != nil {
		t.Fatalf("last run: %v\n%s", err, cmd.Stderr)
	}
	if got := reportsIn(t, out); !maps.Equal(got, want[0]) {
		t.Error("a run after the killed ones wrote different reports")
	}
	if names := listTree(t, out); len(names) != len(reportFiles) {
		t.Errorf("after a complete run the directory holds %q, want the reports alone", names)
	}
}

// killInputs writes under dir a corpus of n documents of m words each, as
// a .jsonl file, its gold, and two different prediction files.
func killInputs(t *testing.T, dir string, n, m int) (corpusPath, goldPath string, preds [2]string) {
	t.Helper()
	labels := []corpus.Label{"PERSON", "GPE", "ORG", "LOC"}
	var docs bytes.Buffer
	var golds []corpus.Mention
	var sys [2][]corpus.Mention
	for d := range n {
		id := fmt.Sprintf("d%04d", d)
		var text strings.Builder
		var words []corpus.Mention
		at := 0
		for w := range m {
			word := fmt.Sprintf("Wörd%d", w)
			if w > 0 {
				text.WriteString(" ")
				at++
			}
			text.WriteString(word)
			size := utf8.RuneCountInString(word)
			words = append(words, corpus.Mention{DocID: id, Span: corpus.Span{Start: at, End: at + size}, Text: word})
			at += size
		}
		line, err := json.Marshal(map[string]string{"id": id, "text": text.String()})
		if err != nil {
			t.Fatal(err)
		}
		docs.Write(append(line, '\n'))
		for w, word := range words {
			label := labels[w/2%len(labels)]
			if w%2 == 0 {
				word.Label = label
				golds = append(golds, word)
			}
			// Each system misses some, mislabels some, finds some that
			// are not there, each its own way.
			for s, mod := range []int{3, 5} {
				switch {
				case w%2 == 0 && w%mod == 1:
				case w%2 == 0 && w%(mod+4) == 0:
					word.Label = labels[(w/2+1)%len(labels)]
					sys[s] = append(sys[s], word)
				case w%2 == 0 || w%(mod+2) == 0:
					word.Label = label
					sys[s] = append(sys[s], word)
				}
			}
		}
	}
	corpusPath = filepath.Join(dir, "corpus.jsonl")
	writeTestFile(t, corpusPath, docs.String())
	writeMentions := func(name string, ms []corpus.Mention) string {
		var b bytes.Buffer
		if err := gold.Write(&b, ms); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		writeTestFile(t, path, b.String())
		return path
	}
	goldPath = writeMentions("gold.csv", golds)
	preds = [2]string{writeMentions("a.csv", sys[0]), writeMentions("b.csv", sys[1])}
	return corpusPath, goldPath, preds
}

// reportsIn returns the report files in dir by name.
func reportsIn(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, name := range reportFiles {
		data, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case err == nil:
			got[name] = string(data)
		case !errors.Is(err, fs.ErrNotExist):
			t.Fatal(err)
		}
	}
	return got
}

// checkReports checks that each report, from scoring one system on docs
// documents with the four labels of killInputs, is a complete CSV: it
// parses and has its header and its number of rows.
func checkReports(t *testing.T, reports map[string]string, docs int) {
	t.Helper()
	for _, f := range []struct {
		name, header string
		rows         int // 0: some; -1: none
	}{
		// Four labels under four schemes, micro under five, macro under five.
		{"scores.csv", "system,scheme,label,correct,incorrect,partial,missed,spurious,possible,actual,precision,recall,f1,warning,label_map,labels,out_of_scope,dont_care", 4*4 + 5 + 5},
		{"documents.csv", "system,scheme,doc_id,correct,incorrect,partial,missed,spurious,possible,actual,precision,recall,f1,warning", 5 * docs},
		// Four labels and spurious against four labels and missed.
		{"confusion.csv", "system,gold_label,pred_label,count", 5*5 - 1},
		{"numbers.csv", "system,label,gold,detected,detected_rate,value,value_rate,modifier,modifier_rate,unit,unit_rate,warning", -1}, // no numbers
		{"errors.csv", "system,scheme,outcome,doc_id,gold_start,gold_end,gold_text,gold_label,gold_number,pred_start,pred_end,pred_text,pred_label,pred_number,context", 0},
	} {
		rows, err := csv.NewReader(strings.NewReader(reports[f.name])).ReadAll()
		if err != nil || len(rows) < 1 || strings.Join(rows[0], ",") != f.header || f.rows == 0 && len(rows) < 2 || f.rows < 0 && len(rows) != 1 || f.rows > 0 && len(rows)-1 != f.rows {
			t.Fatalf("%s: %d rows, %v; header %q; want %d rows", f.name, len(rows)-1, err, rows[:min(len(rows), 1)], f.rows)
		}
	}
}

// isTemp reports whether name is a file that a killed run may leave: a
// temporary file, an old version kept aside, or the journal of a set.
func isTemp(name string) bool {
	return name == ".exbench-set" || strings.HasPrefix(name, ".") && (strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".old"))
}

// hasTemp reports whether dir holds a temporary file.
func hasTemp(dir string) bool {
	entries, _ := os.ReadDir(dir)
	return slices.ContainsFunc(entries, func(e os.DirEntry) bool { return isTemp(e.Name()) })
}
