package prose

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
	prose "github.com/jdkato/prose/v2"
)

// analysis is what prose gives for a text, or the error (or panic) it
// gives instead.
type analysis struct {
	Tokens   []string // text/tag/label
	Entities []string // text/label
	Err      bool
}

// documentAnalysis is the analysis in prose's document pd.
func documentAnalysis(pd *prose.Document, err error) analysis {
	if err != nil {
		return analysis{Err: true}
	}
	var a analysis
	for _, t := range pd.Tokens() {
		a.Tokens = append(a.Tokens, t.Text+"/"+t.Tag+"/"+t.Label)
	}
	for _, e := range pd.Entities() {
		a.Entities = append(a.Entities, e.Text+"/"+e.Label)
	}
	return a
}

// fastAnalysis is the fast path's analysis of text, with the features
// looked up by their strings if strs, and the number of choices in it that
// prose leaves to Go's map order.
func fastAnalysis(t testing.TB, text string, strs bool) (analysis, int) {
	m, err := fastModelOnce()
	if err != nil {
		t.Fatal(err)
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.strings = strs
	defer func() { s.strings = false }()
	c, _ := s.clean(text)
	r, err := m.analyse(s, c, true)
	if err != nil {
		return analysis{Err: true}, 0
	}
	var a analysis
	for i, w := range r.words {
		a.Tokens = append(a.Tokens, w+"/"+r.tags[i]+"/"+r.labels[i])
	}
	for _, e := range r.ents {
		a.Entities = append(a.Entities, strings.Join(r.words[e.start:e.end], " ")+"/"+e.label)
	}
	return a, r.ties
}

// compared counts what a comparison compared.
type compared struct {
	texts, bytes, tokens, entities, ties, errors int
}

func (c *compared) add(d compared) {
	c.texts += d.texts
	c.bytes += d.bytes
	c.tokens += d.tokens
	c.entities += d.entities
	c.ties += d.ties
	c.errors += d.errors
}

func (c compared) String() string {
	return fmt.Sprintf("%d texts, %d bytes, %d tokens, %d entities, %d texts with a tie, %d on which prose panics",
		c.texts, c.bytes, c.tokens, c.entities, c.ties, c.errors)
}

// compareText compares the fast path with prose on text: the analysis by
// the tables, by the strings and by prose, and the mentions of prose and
// prose-raw. Where the model ties (prose then picks by Go's map order,
// which changes from run to run), prose runs up to 20 times and one of
// its results must be the fast path's. It returns what differs, "" if
// nothing.
func compareText(t testing.TB, text string) (string, compared) {
	pd, perr := referenceDocument(text)
	ref := documentAnalysis(pd, perr)
	fast, ties := fastAnalysis(t, text, false)
	strs, _ := fastAnalysis(t, text, true)
	c := compared{texts: 1, bytes: len(text), tokens: len(ref.Tokens), entities: len(ref.Entities)}
	if perr != nil {
		c.errors = 1
	}
	if ties > 0 {
		c.ties = 1
	}
	if diff := cmp.Diff(strs, fast); diff != "" {
		return "tables and strings differ (-strings +tables):\n" + diff, c
	}
	for try := 0; ; try++ {
		diff := cmp.Diff(ref, fast)
		if diff == "" {
			break
		}
		if ties == 0 || try == min(20*ties, 200) {
			return "prose and the fast path differ (-prose +fast):\n" + diff, c
		}
		pd, perr = referenceDocument(text)
		ref = documentAnalysis(pd, perr)
	}
	d := corpus.Doc{ID: "d", Text: text}
	for _, e := range []*Extractor{New(), NewRaw()} {
		got, gerr := e.Extract(context.Background(), d)
		var want []corpus.Mention
		werr := perr
		if perr == nil {
			words, ents := documentEntities(pd)
			cl, pos := clean(text)
			want, werr = e.mentions(d, cl, pos, words, ents)
		}
		if (werr != nil) != (gerr != nil) {
			return fmt.Sprintf("%s: error %v, reference error %v", e.Name(), gerr, werr), c
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(corpus.Value{})); diff != "" {
			return fmt.Sprintf("%s: mentions (-reference +fast):\n%s", e.Name(), diff), c
		}
	}
	return "", c
}

// compareTexts compares the fast path with prose on texts, on all CPUs.
func compareTexts(t *testing.T, texts []string) compared {
	var (
		mu    sync.Mutex
		total compared
		fails int
		wg    sync.WaitGroup
	)
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for text := range next {
				diff, c := compareText(t, text)
				mu.Lock()
				total.add(c)
				if diff != "" {
					fails++
					if fails <= 5 {
						t.Errorf("%.300q:\n%.3000s", text, diff)
					}
				}
				mu.Unlock()
			}
		})
	}
	for _, text := range texts {
		next <- text
	}
	close(next)
	wg.Wait()
	if fails > 0 {
		t.Errorf("%d of %d texts differ", fails, len(texts))
	}
	return total
}

func TestFastSeed(t *testing.T) {
	var texts []string
	for _, d := range corpus.Builtin().Docs {
		texts = append(texts, d.Text)
	}
	t.Log(compareTexts(t, texts))
}

func TestFastSmall(t *testing.T) {
	texts := []string{
		"", " ", "a", "“Ada Lovelace” met José’s friend in Dmeir\u00a0today.",
		"'sam don't they'll I'm 'ss", "$100 (Well) [x] \"y\"", ":-) :-)) U.S.A. Mr. Dr.",
		"ȺȺȺȺ's", "İİ's", "a  b\t\tc\n\nd", "Obama met Obama. Obama said Obama.",
		strings.Repeat("New York ", 50), "-LRB- -ABC- -abc- *-1 *T*-2 0 * ** *?*",
		"3.50 3.5 1e400 Infinity nan +nan .5 . 1. 1_000 0x1F", "\xff\xfe's \xe2\x80 &rsquo;s &rsquo;",
		"John.Doe@example.com http://example.com @bob #tag", "- -- — –",
	}
	for _, e := range emoticonList() {
		texts = append(texts, e, "I "+e+" you")
	}
	t.Log(compareTexts(t, texts))
}

// emoticonList is the fast path's emoticons.
func emoticonList() []string {
	var list []string
	for e := range emoticons {
		list = append(list, e)
	}
	slices.Sort(list)
	return list
}

// TestEmoticons checks that prose keeps each of the fast path's emoticons
// whole and tags it SYM, as it does its emoticons, and nothing else: a
// word next to an emoticon in the list, but not in it, is not SYM.
func TestEmoticons(t *testing.T) {
	list := emoticonList()
	if len(list) != 58 {
		t.Errorf("%d emoticons, want prose's 58", len(list))
	}
	for _, e := range list {
		pd, err := referenceDocument(e)
		if err != nil {
			t.Fatal(err)
		}
		if toks := pd.Tokens(); len(toks) != 1 || toks[0].Text != e || toks[0].Tag != "SYM" {
			t.Errorf("%q: prose gives %v", e, toks)
		}
	}
}

// TestFastGenerated compares the fast path with prose on generated texts
// (see gen_test.go), about 1 kB each: 1,000 of them, 100 with -short or
// -race, and PROSE_GENERATED=n makes n.
func TestFastGenerated(t *testing.T) {
	n := 1000
	if testing.Short() || raceOn {
		n = 100
	}
	if v := os.Getenv("PROSE_GENERATED"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatal(err)
		}
	}
	t.Log(compareTexts(t, genTexts(1, n)))
}

// TestFastModuleCache compares the fast path with prose on the English
// texts of the Go module cache: prose's own test data, and the .txt and
// .md files that look like English prose, in pieces of at most 4 kB. It
// compares 500 kB of them (50 kB with -short or -race), spread over all of
// them; PROSE_MODCACHE=all compares them all. It skips if it finds none.
func TestFastModuleCache(t *testing.T) {
	texts := moduleCacheTexts(t)
	if len(texts) == 0 {
		t.Skip("no English texts found in the Go module cache (GOMODCACHE)")
	}
	size := 0
	for _, text := range texts {
		size += len(text)
	}
	budget := 500 << 10
	if testing.Short() || raceOn {
		budget = 50 << 10
	}
	if os.Getenv("PROSE_MODCACHE") == "all" {
		budget = size
	}
	if size > budget {
		// Every k-th piece, k such that they make about budget.
		k := (size + budget - 1) / budget
		var some []string
		for i := 0; i < len(texts); i += k {
			some = append(some, texts[i])
		}
		texts = some
	}
	t.Logf("%d bytes of texts found", size)
	t.Log(compareTexts(t, texts))
}

// moduleCache is the Go module cache.
func moduleCache() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		return strings.TrimSpace(string(out))
	}
	return ""
}

// moduleCacheTexts are the English texts of the module cache, in pieces.
func moduleCacheTexts(t *testing.T) []string {
	root := moduleCache()
	if root == "" {
		return nil
	}
	var texts []string
	// prose's own test data.
	testdata := filepath.Join(root, "github.com", "jdkato", "prose", "v2@v2.0.0", "testdata")
	for _, name := range []string{"article.txt", "sherlock.txt"} {
		if b, err := os.ReadFile(filepath.Join(testdata, name)); err == nil {
			texts = append(texts, pieces(string(b))...)
		}
	}
	for _, name := range []string{"golden_rules_en.json", "tokenize.json", "treebank_sents.json", "reddit_product.jsonl"} {
		b, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		for {
			var v any
			if err := dec.Decode(&v); err != nil {
				break
			}
			texts = append(texts, jsonStrings(v)...)
		}
	}
	// The .txt and .md files, sorted by path.
	var files []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path == filepath.Join(root, "cache") || strings.HasPrefix(d.Name(), ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(path); (ext == ".txt" || ext == ".md") && !strings.HasPrefix(path, testdata) {
			files = append(files, path)
		}
		return nil
	})
	slices.Sort(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || len(b) > 4<<20 || !looksEnglish(b) {
			continue
		}
		texts = append(texts, pieces(string(b))...)
	}
	return texts
}

// jsonStrings are the strings in v longer than a word.
func jsonStrings(v any) []string {
	switch v := v.(type) {
	case string:
		if strings.Contains(v, " ") {
			return []string{v}
		}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, jsonStrings(x)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, k := range slices.Sorted(maps.Keys(v)) {
			out = append(out, jsonStrings(v[k])...)
		}
		return out
	}
	return nil
}

// looksEnglish reports whether b is valid UTF-8 made mostly of ASCII
// letters and spaces with common English words.
func looksEnglish(b []byte) bool {
	if len(b) < 200 || !utf8.Valid(b) {
		return false
	}
	letters := 0
	for _, c := range b {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == ' ' {
			letters++
		}
	}
	s := strings.ToLower(string(b))
	common := strings.Count(s, " the ") + strings.Count(s, " and ") + strings.Count(s, " of ") + strings.Count(s, " to ")
	return letters*10 >= len(b)*7 && common*400 >= len(b)
}

// pieces splits text at blank lines into pieces of at most about 4 kB.
func pieces(text string) []string {
	var out []string
	var b strings.Builder
	for _, para := range strings.SplitAfter(text, "\n\n") {
		if b.Len() > 0 && b.Len()+len(para) > 4<<10 {
			out = append(out, b.String())
			b.Reset()
		}
		b.WriteString(para)
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// FuzzFast compares the fast path with prose on arbitrary text, valid
// UTF-8 or not.
func FuzzFast(f *testing.F) {
	for _, text := range []string{
		"", " ", "\n", "“Ada Lovelace” met José’s friend in Dmeir\u00a0today.",
		"‘Al’ said \"Bob\" isn't 'sam's «friend» &rsquo;Eve&rsquo; ``Mo'' „Zoe“ ‚x‘",
		"Москва Αθήνα دمشق 北京 İstanbul Straße ẞ K Ω ﬁ ǅ ȺȺȺȺ's İİ's e\u0301 \u200d\ufeff",
		strings.Repeat("a", 600), strings.Repeat("é", 300) + "'s", "http://example.com/" + strings.Repeat("x/", 100),
		"Mr. Obama met U.S. officials at 10:30 a.m. on 7 April 2016 in Washington, D.C.",
		":-) (-: ¯\\(ツ)/¯ -LRB- *-1 0 * @bob #tag x@y.com 3.50 $5 1e400",
		"\xff\xfe \xe2\x80 's \xc4'S", "ISIS Kidnaps Hundreds Of Cement Factory Workers In Syria",
	} {
		f.Add(text)
	}
	for _, text := range genTexts(2, 10) {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if diff, _ := compareText(t, text); diff != "" {
			t.Fatalf("%q:\n%s", text, diff)
		}
	})
}

// TestFastScratch checks the fast path's reuse of its scratch: after a
// text longer than maxKept, and after more than maxWords words, the seed
// documents still give prose's mentions.
func TestFastScratch(t *testing.T) {
	c := corpus.Builtin()
	e := New()
	want := make([][]corpus.Mention, len(c.Docs))
	for i, d := range c.Docs {
		ms, err := e.Reference().Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = ms
	}
	check := func(when string) {
		for i, d := range c.Docs {
			ms, err := e.Extract(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want[i], ms, cmp.AllowUnexported(corpus.Value{})); diff != "" {
				t.Errorf("%s, %s (-reference +fast):\n%s", when, d.ID, diff)
			}
		}
	}
	var b strings.Builder
	for b.Len() <= maxKept {
		b.WriteString(c.Docs[b.Len()%len(c.Docs)].Text)
	}
	if _, err := e.Extract(context.Background(), corpus.Doc{ID: "big", Text: b.String()}); err != nil {
		t.Fatal(err)
	}
	check("after a long text")
	b.Reset()
	for i := range maxWords + 1000 {
		fmt.Fprintf(&b, "w%dx ", i)
	}
	for range 3 {
		if _, err := e.Extract(context.Background(), corpus.Doc{ID: "words", Text: b.String()}); err != nil {
			t.Fatal(err)
		}
		check("after many words")
	}
}
