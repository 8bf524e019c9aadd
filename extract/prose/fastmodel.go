package prose

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	prose "github.com/jdkato/prose/v2"
)

// fastModel is prose's model (the gob files under model/ that prose
// embeds and exports through [prose.Asset]) decoded once and laid out for
// the fast path: every feature string the model knows is interned once,
// at load time, and the weights are flat slices indexed by those ids.
type fastModel struct {
	// The averaged perceptron POS tagger (model/AveragedPerceptron).
	tagFeat  map[string]int32 // a feature string ("i word the") -> its id, an index of tagW
	tagW     []tagWeight      // per feature: a header (cls: the number of weights), its weights
	classes  []string         // the tagger's classes
	tagMap   map[string]string
	biasFeat int32 // the id of "bias"

	// The maxent entity classifier (model/Maxent).
	labels   []string
	meRow    map[string]int32 // "name-value" -> the row of the weights of all labels, an index of meW
	meW      []meWeight       // per row: a header (label: the number of weights), its weights
	basic    map[string]bool  // the word list of the en-wordlist feature
	labelEnd []int8           // strings.Replace(label, "B", "I", 1), as a label index (-1: none)
	labelO   int8             // the index of "O"
	prevTag  []string         // simplePOS(label), the history prose keeps
	entLabel []string         // strings.Split(label, "-")[1], "" without a dash
	bPerson  int8             // the index of "B-PERSON" (-1: none)

	// Rows of features whose value does not depend on the text.
	rowBias, rowBasicTrue, rowBasicFalse int32
	rowPrevPosNone, rowPrevWordNone      int32
	rowNextWordNone                      int32
	rowWordLen                           []int32 // "wordlen-N" for N < len

	// The ids of the features that a tag, a shape or the classifier's
	// history determine (see buildTables).
	tagNames   []string         // the static tags: the classes first, then the others
	tagIndex   map[string]int16 // a static tag's id
	nTags      int
	tagStartID int16   // -START-
	tagStart2  int16   // -START2-
	tagPrev1   []int32 // "i-1 tag T"
	tagPrev2   []int32 // "i-2 tag T"
	tagPair    []int32 // "i tag+i-2 tag T1 T2" at T1*nTags+T2
	tagPref1   [256]int32
	npOf       []int16 // the id of the lower case of tag T, as nextpos
	npNone     int16   // the id of "None" as nextpos
	rowPos     []int32 // "pos-T"
	rowPrevPos []int32 // "prevpos-T"
	rowNextPos []int32 // "nextpos-NP" by nextpos id
	nPT        int     // prevtag values: None, then prevTag's
	ptOf       []int8  // the prevtag id of label l
	rowPosPT   []int32 // "pos+prevtag-T+PT" at T*nPT+PT
	rowPT      []int32 // "prevtag-PT"
	rowShape   [nShapes]int32
	rowShapePT []int32 // "shape+prevtag-S+PT" at S*nPT+PT

	// The lexicon: the words that are values of word features.
	lexIndex map[string]int32
	lex      []lexEntry
	// The context words before and after the text.
	ctxStart, ctxStart2, ctxEnd, ctxEnd2 ctxInfo
}

// tagWeight is a weight of the tagger: a class and its weight times 1000
// (the weights have three decimals).
type tagWeight struct {
	cls int32
	w   int32
}

// meWeight is a weight of the classifier: a label and its weight.
type meWeight struct {
	label int32
	w     float64
}

// lexEntry holds the features whose value is one word s.
type lexEntry struct {
	word        [5]int32  // "i word s", "i-1 word s", "i-2 word s", "i+1 word s", "i+2 word s"
	tagWord     []tagFeat // "i-1 tag+i word T s"
	lower       int32     // "word.lower-s"
	prevWord    int32     // "prevword-s"
	nextWord    int32     // "nextword-s"
	wordNextPos []npRow   // "word+nextpos-s+NP"
}

type tagFeat struct {
	tag  int16
	feat int32
}

type npRow struct {
	np  int16
	row int32
}

// ctxInfo is a word of the tagger's context: its normalised form's
// lexicon entry and the features of its last three bytes.
type ctxInfo struct {
	lex          int32 // -1: none
	sufM1, sufP1 int32 // "i-1 suffix X", "i+1 suffix X"
}

// The shapes of words (prose's shape, and None before the second word).
const (
	shNone = iota
	shNumber
	shPunct
	shDowncase
	shUpcase
	shMixedcase
	shOther
	nShapes
)

var shapeNames = [nShapes]string{"None", "number", "punct", "downcase", "upcase", "mixedcase", "other"}

// tagTemplates are the prefixes of the features of the tagger whose value
// is one context word, in lexEntry.word's order.
var tagTemplates = [5]string{"i word ", "i-1 word ", "i-2 word ", "i+1 word ", "i+2 word "}

var (
	fastOnce sync.Once
	fast     *fastModel
	fastErr  error
)

// fastModelOnce loads the fast path's model, once per process.
func fastModelOnce() (*fastModel, error) {
	fastOnce.Do(func() { fast, fastErr = loadFast() })
	return fast, fastErr
}

// decodeAsset decodes one of prose's embedded gob files.
func decodeAsset(name string, v any) error {
	b, err := prose.Asset(name)
	if err != nil {
		return err
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// loadFast reads prose's model data and builds the fast path's model.
// (Loading the tagger and the classifier side by side was slower in a
// fresh process, with the garbage collector.)
func loadFast() (*fastModel, error) {
	m := &fastModel{}
	tagErr := m.loadTagger()
	meErr := m.loadMaxent()
	if err := cmp.Or(tagErr, meErr); err != nil {
		return nil, fmt.Errorf("prose: loading the model: %w", err)
	}
	if err := m.buildTables(); err != nil {
		return nil, fmt.Errorf("prose: loading the model: %w", err)
	}
	return m, nil
}

// buildTables interns the values of the features: tags, prevtags and
// shapes get small ids and the features they determine tables; the words
// of word features get a lexicon. A feature whose value has no id here
// (a tag that is a word of the text, as prose's keep gives) is looked up
// by its string.
func (m *fastModel) buildTables() error {
	m.tagIndex = map[string]int16{}
	addTag := func(t string) int16 {
		if id, ok := m.tagIndex[t]; ok {
			return id
		}
		id := int16(len(m.tagNames))
		m.tagIndex[t] = id
		m.tagNames = append(m.tagNames, t)
		return id
	}
	for _, c := range m.classes {
		addTag(c)
	}
	for _, t := range m.tagMap {
		addTag(t)
	}
	for _, t := range []string{"-", "SYM", "NN", "-NONE-"} {
		addTag(t)
	}
	m.tagStartID = addTag(startWord)
	m.tagStart2 = addTag(start2Word)
	m.nTags = len(m.tagNames)
	if m.nTags > 4096 {
		return fmt.Errorf("%d tags", m.nTags)
	}
	for _, t := range m.tagNames {
		if strings.Contains(t, " ") || strings.Contains(t, "+") {
			return fmt.Errorf("tag %q has a space or a plus", t)
		}
	}
	feat := func(key string) int32 {
		if f, ok := m.tagFeat[key]; ok {
			return f
		}
		return -1
	}
	row := func(key string) int32 {
		if r, ok := m.meRow[key]; ok {
			return r
		}
		return -1
	}
	nt := m.nTags
	m.tagPrev1 = make([]int32, nt)
	m.tagPrev2 = make([]int32, nt)
	m.tagPair = make([]int32, nt*nt)
	m.rowPos = make([]int32, nt)
	m.rowPrevPos = make([]int32, nt)
	m.npOf = make([]int16, nt)
	npIndex := map[string]int16{}
	var npNames []string
	addNP := func(np string) int16 {
		if id, ok := npIndex[np]; ok {
			return id
		}
		id := int16(len(npNames))
		npIndex[np] = id
		npNames = append(npNames, np)
		return id
	}
	for t, name := range m.tagNames {
		m.tagPrev1[t] = feat("i-1 tag " + name)
		m.tagPrev2[t] = feat("i-2 tag " + name)
		for t2, name2 := range m.tagNames {
			m.tagPair[t*nt+t2] = feat("i tag+i-2 tag " + name + " " + name2)
		}
		m.rowPos[t] = row("pos-" + name)
		m.rowPrevPos[t] = row("prevpos-" + name)
		m.npOf[t] = addNP(strings.ToLower(name))
	}
	m.npNone = addNP("None")
	for _, np := range npNames {
		m.rowNextPos = append(m.rowNextPos, row("nextpos-"+np))
	}
	for b := range 256 {
		m.tagPref1[b] = feat("i pref1 " + string(rune(b)))
	}

	ptIndex := map[string]int8{"None": 0}
	ptNames := []string{"None"}
	for _, p := range m.prevTag {
		id, ok := ptIndex[p]
		if !ok {
			id = int8(len(ptNames))
			ptIndex[p] = id
			ptNames = append(ptNames, p)
		}
		m.ptOf = append(m.ptOf, id)
	}
	m.nPT = len(ptNames)
	for _, pt := range ptNames {
		m.rowPT = append(m.rowPT, row("prevtag-"+pt))
	}
	for _, name := range m.tagNames {
		for _, pt := range ptNames {
			m.rowPosPT = append(m.rowPosPT, row("pos+prevtag-"+name+"+"+pt))
		}
	}
	for sh, name := range shapeNames {
		m.rowShape[sh] = row("shape-" + name)
		for _, pt := range ptNames {
			m.rowShapePT = append(m.rowShapePT, row("shape+prevtag-"+name+"+"+pt))
		}
	}

	// The lexicon.
	m.lexIndex = map[string]int32{}
	entry := func(w string) *lexEntry {
		i, ok := m.lexIndex[w]
		if !ok {
			i = int32(len(m.lex))
			m.lexIndex[w] = i
			m.lex = append(m.lex, lexEntry{word: [5]int32{-1, -1, -1, -1, -1}, lower: -1, prevWord: -1, nextWord: -1})
		}
		return &m.lex[i]
	}
	for key, f := range m.tagFeat {
		for k, t := range tagTemplates {
			if w, ok := strings.CutPrefix(key, t); ok {
				entry(w).word[k] = f
			}
		}
		// "i-1 tag+i word T W": T has no space, and W (a token) none.
		if rest, ok := strings.CutPrefix(key, "i-1 tag+i word "); ok {
			if t, w, ok := strings.Cut(rest, " "); ok {
				if id, ok := m.tagIndex[t]; ok {
					e := entry(w)
					e.tagWord = append(e.tagWord, tagFeat{id, f})
				}
			}
		}
	}
	for key, r := range m.meRow {
		if w, ok := strings.CutPrefix(key, "word.lower-"); ok {
			entry(w).lower = r
		} else if w, ok := strings.CutPrefix(key, "prevword-"); ok {
			entry(w).prevWord = r
		} else if w, ok := strings.CutPrefix(key, "nextword-"); ok {
			entry(w).nextWord = r
		} else if rest, ok := strings.CutPrefix(key, "word+nextpos-"); ok {
			// "word+nextpos-W+NP": NP has no plus.
			if j := strings.LastIndexByte(rest, '+'); j >= 0 {
				if np, ok := npIndex[rest[j+1:]]; ok {
					e := entry(rest[:j])
					e.wordNextPos = append(e.wordNextPos, npRow{np, r})
				}
			}
		}
	}
	for i := range m.lex {
		e := &m.lex[i]
		slices.SortFunc(e.tagWord, func(a, b tagFeat) int { return int(a.tag) - int(b.tag) })
		slices.SortFunc(e.wordNextPos, func(a, b npRow) int { return int(a.np) - int(b.np) })
	}
	m.ctxStart = m.ctxOf(startWord)
	m.ctxStart2 = m.ctxOf(start2Word)
	m.ctxEnd = m.ctxOf(endWord)
	m.ctxEnd2 = m.ctxOf(end2Word)
	return nil
}

// ctxOf is the context information of the normalised word n.
func (m *fastModel) ctxOf(n string) ctxInfo {
	c := ctxInfo{lex: -1, sufM1: -1, sufP1: -1}
	if i, ok := m.lexIndex[n]; ok {
		c.lex = i
	}
	suf := n[len(n)-min(len(n), 3):]
	var key [32]byte
	if f, ok := m.tagFeat[string(append(append(key[:0], "i-1 suffix "...), suf...))]; ok {
		c.sufM1 = f
	}
	if f, ok := m.tagFeat[string(append(append(key[:0], "i+1 suffix "...), suf...))]; ok {
		c.sufP1 = f
	}
	return c
}

func (m *fastModel) loadTagger() error {
	var classes []string
	var tags map[string]string
	if err := decodeAsset("model/AveragedPerceptron/classes.gob", &classes); err != nil {
		return err
	}
	if err := decodeAsset("model/AveragedPerceptron/tags.gob", &tags); err != nil {
		return err
	}
	b, err := prose.Asset("model/AveragedPerceptron/weights.gob")
	if err != nil {
		return err
	}
	class := map[string]int{}
	addClass := func(c string) int {
		id, ok := class[c]
		if !ok {
			id = len(m.classes)
			class[c] = id
			m.classes = append(m.classes, c)
		}
		return id
	}
	for _, c := range classes {
		addClass(c)
	}
	// The weights of one feature, sorted by class at its end. A class
	// with weights but not in classes.gob (none in prose's model) comes
	// after those, in the order met.
	type cw struct {
		c int
		w int32
	}
	var row []cw
	var name string
	end := func() {
		if name == "" {
			return
		}
		slices.SortFunc(row, func(a, b cw) int { return a.c - b.c })
		m.tagW = append(m.tagW, tagWeight{cls: int32(len(row))})
		for _, e := range row {
			m.tagW = append(m.tagW, tagWeight{int32(e.c), e.w})
		}
		row = row[:0]
	}
	size := func(n int) {
		m.tagFeat = make(map[string]int32, n)
		m.tagW = make([]tagWeight, 0, 5*n)
	}
	feature := func(f string) {
		end()
		name = f
		m.tagFeat[f] = int32(len(m.tagW))
	}
	weight := func(c []byte, w float64) error {
		// prose sums these weights in map order, which Go randomises:
		// the sums are exact in thousandths, and a tie at the top is
		// counted (see predict).
		k := math.Round(w * 1000)
		if k/1000 != w || math.Abs(k) > 1<<20 {
			return fmt.Errorf("tagger weight %v of %q is not a small number of thousandths", w, name)
		}
		id, ok := class[string(c)]
		if !ok {
			id = addClass(string(c))
		}
		row = append(row, cw{id, int32(k)})
		return nil
	}
	if err := readTaggerWeights(b, size, feature, weight); err != nil {
		return fmt.Errorf("model/AveragedPerceptron/weights.gob: %w", err)
	}
	end()
	if len(m.classes) > 255 {
		return fmt.Errorf("the tagger has %d classes", len(m.classes))
	}
	bias, ok := m.tagFeat["bias"]
	if !ok {
		return fmt.Errorf("the tagger has no bias")
	}
	m.biasFeat = bias
	m.tagMap = tags
	return nil
}

// featureOrder is the order in which prose's classifier adds the weights
// of the features (extract.go's featureOrder).
var featureOrder = [...]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// The features, as indexes of featureOrder.
const (
	fBias = iota
	fWordlist
	fNextPos
	fNextWord
	fPos
	fPosPrevTag
	fPrefix3
	fPrevPos
	fPrevTag
	fPrevWord
	fShape
	fShapePrevTag
	fSuffix3
	fWord
	fWordNextPos
	fWordLower
	fWordLen
	nFeatures
)

func (m *fastModel) loadMaxent() error {
	var weights []float64
	var labels, words []string
	mapping, err := prose.Asset("model/Maxent/mapping.gob")
	if err != nil {
		return err
	}
	if err := decodeAsset("model/Maxent/weights.gob", &weights); err != nil {
		return err
	}
	if err := decodeAsset("model/Maxent/labels.gob", &labels); err != nil {
		return err
	}
	// words.gob holds the word list of prose's en-wordlist feature
	// (words.go's enWordList, the same 850 words).
	if err := decodeAsset("model/Maxent/words.gob", &words); err != nil {
		return err
	}
	if len(labels) == 0 || len(labels) > 127 {
		return fmt.Errorf("the classifier has %d labels", len(labels))
	}
	m.labels = labels
	m.basic = make(map[string]bool, len(words))
	for _, w := range words {
		m.basic[w] = true
	}
	index := func(l string) int8 {
		if i := slices.Index(labels, l); i >= 0 {
			return int8(i)
		}
		return -1
	}
	m.labelO = index("O")
	m.bPerson = index("B-PERSON")
	for _, l := range labels {
		m.labelEnd = append(m.labelEnd, index(strings.Replace(l, "B", "I", 1)))
		p := strings.Split(l, "-")[0]
		if strings.HasPrefix(l, "V") {
			p = "v"
		}
		m.prevTag = append(m.prevTag, p)
		e := ""
		if parts := strings.Split(l, "-"); len(parts) > 1 {
			e = parts[1]
		}
		m.entLabel = append(m.entLabel, e)
	}

	// prose looks up "name-value-label" for every label; the rows here
	// are keyed by "name-value" and hold the weight of each label whose
	// key exists. A key that ends with "-"+label for more than one label
	// is entered under each.
	type entry struct {
		row   int32
		label uint8
		w     float64
	}
	var labelBytes [][]byte
	for _, l := range labels {
		labelBytes = append(labelBytes, []byte(l))
	}
	var entries []entry
	size := func(n int) {
		m.meRow = make(map[string]int32, n)
		entries = make([]entry, 0, n)
	}
	add := func(key []byte, id int64) error {
		if id < 0 || id >= int64(len(weights)) {
			return fmt.Errorf("classifier feature %q has weight %d of %d", key, id, len(weights))
		}
		for l, label := range labelBytes {
			if len(key) <= len(label) || !bytes.HasSuffix(key, label) || key[len(key)-len(label)-1] != '-' {
				continue
			}
			prefix := key[:len(key)-len(label)-1]
			r, ok := m.meRow[string(prefix)]
			if !ok {
				r = int32(len(m.meRow))
				m.meRow[string(prefix)] = r
			}
			entries = append(entries, entry{r, uint8(l), weights[id]})
		}
		return nil
	}
	if err := readMapping(mapping, size, add); err != nil {
		return fmt.Errorf("model/Maxent/mapping.gob: %w", err)
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.row != b.row {
			return int(a.row - b.row)
		}
		return int(a.label) - int(b.label)
	})
	offset := make([]int32, len(m.meRow))
	m.meW = make([]meWeight, 0, len(entries)+len(m.meRow))
	for i, e := range entries {
		if i == 0 || e.row != entries[i-1].row {
			offset[e.row] = int32(len(m.meW))
			m.meW = append(m.meW, meWeight{})
		}
		m.meW[offset[e.row]].label++
		m.meW = append(m.meW, meWeight{int32(e.label), e.w})
	}
	for key, r := range m.meRow {
		m.meRow[key] = offset[r]
	}

	row := func(name, value string) int32 {
		if r, ok := m.meRow[name+"-"+value]; ok {
			return r
		}
		return -1
	}
	m.rowBias = row("bias", "True")
	m.rowBasicTrue = row("en-wordlist", "True")
	m.rowBasicFalse = row("en-wordlist", "False")
	m.rowPrevPosNone = row("prevpos", "None")
	m.rowPrevWordNone = row("prevword", "None")
	m.rowNextWordNone = row("nextword", "None")
	for n := range 1024 {
		m.rowWordLen = append(m.rowWordLen, row("wordlen", fmt.Sprint(n)))
	}
	return nil
}
