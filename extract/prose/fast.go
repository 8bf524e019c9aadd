package prose

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mingrammer/commonregex"
)

// The fast path runs the steps prose v2.0.0's NewDocument runs on the way
// to entities, with segmentation off, and gives the same tokens, tags,
// IOB labels and entities (see doc.go). Each function below names the
// function of prose's source it reproduces; the comments say where prose's
// behaviour is surprising and kept on purpose.

// errPanics is returned for a text on which prose v2.0.0 panics: its
// tokenizer cuts a token at an index found in the token's lower-case
// form, which can be longer than the token (Ⱥ is two bytes, ⱥ three).
var errPanics = errors.New("prose v2.0.0 panics on this text (a token's lower case is longer than the token)")

// ftok is a token of the clean text.
type ftok struct {
	a, b int32 // its bytes in the clean text
	// slot is the position of the token whose *Token it is: prose's
	// tokenizer caches the tokens of each whitespace-separated span and
	// appends the same pointers for each repeat of the span (but the
	// text's last span), so a repeated token's tag and label end up being
	// those given to its last occurrence, and the classifier and the
	// chunker read those.
	slot int32
}

// spanRef is a span of text in prose's tokenizer cache.
type spanRef struct {
	first, n int32 // its tokens are toks[first:first+n]
	a        int32 // the span's first byte
}

// wordRec is what the fast path needs of a word (a token's text): the
// ids of the features it determines.
type wordRec struct {
	word string // the word
	norm string // normalize(word)
	low  string // strings.ToLower(word)

	tag   string // the tag that prose's rules or its tag dictionary give the word, if fixed
	tagID int16  // tag's id, -1 if it is not a static tag
	fixed bool

	ctx    ctxInfo // the normalised word in the tagger's context
	lowLex int32   // the lexicon entry of low, -1 if none
	suf    int32   // "i suffix X"
	pref1  int32   // "i pref1 X"

	rowWord, rowSuffix3, rowPrefix3, rowWordLen int32
	shape                                       int8
	basic                                       bool
}

// maxWords bounds the words a scratch remembers.
const maxWords = 1 << 16

// scratch is the reusable state of one call, and the words it has met.
type scratch struct {
	cleanBuf []byte    // the clean text
	pos      []int     // the code point in the text of each of its bytes
	text     []string  // per position: the token's text
	fents    []fastEnt // the entities
	ents     []entity  // the entities with their texts

	toks  []ftok
	spans map[string]spanRef
	suffs []int32
	buf   []byte // a token's lower case, in the tokenizer
	key   []byte // a feature being built
	np    []byte // nextpos

	words map[string]int32 // a word -> its record in recs
	recs  []wordRec
	rec   []int32   // per position: the record of the token's word
	ctx   []ctxInfo // the tagger's context: start words, the tokens, end words

	tagOf   []string // per position: the slot's final tag
	tagIDOf []int16  // per position: the slot's final tag's id
	labelAt []int8   // per position: the label the classifier chose
	labelOf []int8   // per position: the slot's final label
	score   []int32  // the tagger's scores per class
	stamp   []int32  // the call of predict for which score[c] was last reset
	gen     int32    // the calls of predict
	total   []float64

	// strings makes the tagger and the classifier look every feature up
	// by its string, as prose does, instead of by the tables: the tests
	// compare the two.
	strings bool

	// ties counts the choices the model could not make: a tie for the
	// best tag or label, where prose picks by Go's randomised map order.
	ties int
}

var scratchPool = sync.Pool{New: func() any { return newScratch() }}

func newScratch() *scratch {
	return &scratch{spans: map[string]spanRef{}, words: map[string]int32{}}
}

// maxKept is the longest text whose buffers a scratch keeps for the next.
const maxKept = 1 << 20

// shrink drops the buffers of one text, keeping the words.
func (s *scratch) shrink() {
	words, recs := s.words, s.recs
	*s = *newScratch()
	s.words, s.recs = words, recs
}

// fastEnt is an entity: the tokens [start, end) and its label.
type fastEnt struct {
	start, end int
	label      string
}

// fastResult is prose's analysis of a text.
type fastResult struct {
	words  []string // the tokens' texts
	tags   []string // their tags, as prose's Tokens gives them
	labels []string // their IOB labels, as prose's Tokens gives them
	ents   []fastEnt
	ties   int
}

// analyse runs the fast path on c, the text with prose's quotes
// straightened (see clean). With all false, only words and ents are set,
// and they belong to s.
func (m *fastModel) analyse(s *scratch, c string, all bool) (fastResult, error) {
	s.ties = 0
	if err := s.tokenize(c); err != nil {
		return fastResult{}, err
	}
	m.records(s, c)
	m.tag(s)
	m.classify(s)
	var r fastResult
	s.text = resize(s.text, len(s.toks))
	for i, t := range s.toks {
		s.text[i] = c[t.a:t.b]
	}
	r.words = s.text
	s.fents = m.chunk(s, s.fents[:0])
	r.ents = s.fents
	r.ties = s.ties
	if all {
		r.words = append([]string(nil), s.text...)
		r.ents = append([]fastEnt(nil), s.fents...)
		r.tags = append([]string(nil), s.tagOf...)
		r.labels = make([]string, len(s.toks))
		for i, l := range s.labelOf {
			r.labels[i] = m.labels[l]
		}
	}
	return r, nil
}

// ---- Words ----

// records gives each token the record of its word, made when the scratch
// first meets the word.
func (m *fastModel) records(s *scratch, c string) {
	if len(s.recs) >= maxWords {
		clear(s.words)
		s.recs = s.recs[:0]
	}
	s.rec = s.rec[:0]
	for i, t := range s.toks {
		if int(t.slot) != i {
			s.rec = append(s.rec, s.rec[t.slot])
			continue
		}
		w := c[t.a:t.b]
		r, ok := s.words[w]
		if !ok {
			r = int32(len(s.recs))
			s.recs = append(s.recs, m.record(s, strings.Clone(w)))
			s.words[s.recs[r].word] = r
		}
		s.rec = append(s.rec, r)
	}
}

// record makes the record of the word w.
func (m *fastModel) record(s *scratch, w string) wordRec {
	r := wordRec{word: w, tagID: -1, lowLex: -1}
	// perceptronTagger.tag's rules, in its order, then its dictionary.
	r.fixed = true
	switch {
	case w == "-":
		r.tag = "-"
	case emoticons[w]:
		r.tag = "SYM"
	case strings.HasPrefix(w, "@") || isLink(w) || isEmail(w):
		r.tag = "NN"
	case isNone(w):
		r.tag = "-NONE-"
	case isKeep(w):
		r.tag = w
	default:
		r.tag, r.fixed = m.tagMap[w]
	}
	if id, ok := m.tagIndex[r.tag]; ok && r.fixed {
		r.tagID = id
	}
	s.buf = appendLower(s.buf[:0], w)
	if string(s.buf) == w {
		r.low = w
	} else {
		r.low = string(s.buf)
	}
	if l, ok := m.lexIndex[r.low]; ok {
		r.lowLex = l
	}
	r.norm = r.low
	if n, ok := normalize(w); ok {
		r.norm = n
	}
	r.ctx = m.ctxOf(r.norm)
	k := append(append(s.key[:0], "i suffix "...), w[len(w)-min(len(w), 3):]...)
	r.suf = m.feat(k)
	r.pref1 = m.tagPref1[w[0]]

	k = append(append(k[:0], "word-"...), w...)
	r.rowWord = m.row(k)
	k = appendLower(append(k[:0], "suffix3-"...), w[len(w)-min(len(w), 3):])
	r.rowSuffix3 = m.row(k)
	k = appendLower(append(k[:0], "prefix3-"...), w[:min(len(w), 3)])
	r.rowPrefix3 = m.row(k)
	if len(w) < len(m.rowWordLen) {
		r.rowWordLen = m.rowWordLen[len(w)]
	} else {
		k = strconv.AppendInt(append(k[:0], "wordlen-"...), int64(len(w)), 10)
		r.rowWordLen = m.row(k)
	}
	s.key = k
	r.shape = shapeOf(w)
	r.basic = m.basic[w]
	return r
}

// feat looks up a feature of the tagger.
func (m *fastModel) feat(key []byte) int32 {
	if f, ok := m.tagFeat[string(key)]; ok {
		return f
	}
	return -1
}

// row looks up the feature name-value of the classifier (name with its
// dash in key).
func (m *fastModel) row(key []byte) int32 {
	if r, ok := m.meRow[string(key)]; ok {
		return r
	}
	return -1
}

// ---- POS tagging (tag.go) ----

// Constant words of the tagger's context.
const (
	startWord  = "-START-"
	start2Word = "-START2-"
	endWord    = "-END-"
	end2Word   = "-END2-"
)

// normalize is prose's normalize: !HYPHEN for a word with a hyphen after
// its first byte, !YEAR for a four-byte integer (strconv.Atoi's syntax),
// !DIGITS for a word starting with a digit, else the lower case.
func normalize(w string) (string, bool) {
	if strings.IndexByte(w, '-') >= 0 && w[0] != '-' {
		return "!HYPHEN", true
	}
	if len(w) == 4 {
		d := w
		if d[0] == '+' || d[0] == '-' {
			d = d[1:]
		}
		year := true
		for i := 0; i < len(d); i++ {
			if d[i] < '0' || d[i] > '9' {
				year = false
				break
			}
		}
		if year {
			return "!YEAR", true
		}
	}
	if '0' <= w[0] && w[0] <= '9' {
		return "!DIGITS", true
	}
	return "", false
}

// tag is perceptronTagger.tag: the rules' or the dictionary's tag, else
// the perceptron's, given the two tags before.
func (m *fastModel) tag(s *scratch) {
	n := len(s.toks)
	s.ctx = append(s.ctx[:0], m.ctxStart, m.ctxStart2)
	for _, r := range s.rec {
		s.ctx = append(s.ctx, s.recs[r].ctx)
	}
	s.ctx = append(s.ctx, m.ctxEnd, m.ctxEnd2)
	s.tagOf = resize(s.tagOf, n)
	s.tagIDOf = resize(s.tagIDOf, n)

	p1, p2 := m.tagStartID, m.tagStart2
	p1s, p2s := startWord, start2Word
	for i := range n {
		rec := &s.recs[s.rec[i]]
		tag, id := rec.tag, rec.tagID
		if !rec.fixed {
			var c int
			if s.strings || p1 < 0 || p2 < 0 {
				c = m.predictStrings(s, i, rec, p1s, p2s)
			} else {
				c = m.predict(s, i, rec, p1, p2)
			}
			tag, id = "", -1
			if c >= 0 {
				tag, id = m.classes[c], int16(c) // the classes are the first tags
			}
		}
		slot := s.toks[i].slot
		s.tagOf[slot], s.tagIDOf[slot] = tag, id
		p2, p1 = p1, id
		p2s, p1s = p1s, tag
	}
	for i, t := range s.toks {
		s.tagOf[i], s.tagIDOf[i] = s.tagOf[t.slot], s.tagIDOf[t.slot]
	}
}

// resize returns b with length n.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// isLink and isEmail are commonregex's LinkRegex and EmailRegex, run only
// where they can match: a link has a '.' after one of [a-z0-9.-] and two
// bytes after it, an e-mail address has an '@'.
func isLink(w string) bool {
	for j := 1; j+2 < len(w); j++ {
		if w[j] == '.' {
			if b := w[j-1]; 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '.' || b == '-' {
				return commonregex.LinkRegex.MatchString(w)
			}
		}
	}
	return false
}

func isEmail(w string) bool {
	return strings.IndexByte(w, '@') >= 0 && commonregex.EmailRegex.MatchString(w)
}

// isNone is prose's none: ^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$.
func isNone(w string) bool {
	if w == "0" || w == "*" {
		return true
	}
	if len(w) < 3 || w[0] != '*' {
		return false
	}
	if len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?') {
		return true
	}
	// \*\-\d{1,3} and \*[A-Z]+\*\-\d{1,3}
	i := 1
	if w[1] != '-' {
		for i < len(w) && 'A' <= w[i] && w[i] <= 'Z' {
			i++
		}
		if i == 1 || i+1 >= len(w) || w[i] != '*' {
			return false
		}
		i++
	}
	if w[i] != '-' {
		return false
	}
	d := w[i+1:]
	if len(d) < 1 || len(d) > 3 {
		return false
	}
	for j := 0; j < len(d); j++ {
		if d[j] < '0' || d[j] > '9' {
			return false
		}
	}
	return true
}

// isKeep is prose's keep: ^\-[A-Z]{3}\-$.
func isKeep(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_'
}

// predict is averagedPerceptron.predict(featurize(...)): the class with
// the highest sum of the weights of the features found, among the classes
// those features have weights for, or -1. The weights are thousandths, so
// the sums are exact in integers; prose adds floats in map order, which
// can only matter between classes whose exact sums tie, and then Go's map
// order picks: that is counted in s.ties and the first class is taken.
func (m *fastModel) predict(s *scratch, i int, rec *wordRec, p1, p2 int16) int {
	stamp := s.beginPredict(len(m.classes))
	add := func(f int32) { m.addTagWeights(s, stamp, f) }
	add(m.biasFeat)
	add(rec.suf)
	add(rec.pref1)
	add(m.tagPrev1[p1])
	add(m.tagPrev2[p2])
	add(m.tagPair[int(p1)*m.nTags+int(p2)])
	x := i + 2
	if l := s.ctx[x].lex; l >= 0 {
		e := &m.lex[l]
		add(e.word[0])
		for _, tf := range e.tagWord {
			if tf.tag == p1 {
				add(tf.feat)
				break
			}
		}
	}
	if l := s.ctx[x-1].lex; l >= 0 {
		add(m.lex[l].word[1])
	}
	add(s.ctx[x-1].sufM1)
	if l := s.ctx[x-2].lex; l >= 0 {
		add(m.lex[l].word[2])
	}
	if l := s.ctx[x+1].lex; l >= 0 {
		add(m.lex[l].word[3])
	}
	add(s.ctx[x+1].sufP1)
	if l := s.ctx[x+2].lex; l >= 0 {
		add(m.lex[l].word[4])
	}
	return s.argmax(len(m.classes), stamp)
}

// beginPredict starts the scores of a prediction.
func (s *scratch) beginPredict(classes int) int32 {
	if len(s.score) < classes {
		s.score = make([]int32, classes)
		s.stamp = make([]int32, classes)
		s.gen = 0
	}
	if s.gen == 1<<31-1 {
		clear(s.stamp)
		s.gen = 0
	}
	s.gen++
	return s.gen
}

// argmax is the class with the highest score among those scored, -1 if
// none; a tie is counted.
func (s *scratch) argmax(classes int, stamp int32) int {
	best, bestScore, tie := -1, int32(0), false
	for c := range classes {
		if s.stamp[c] != stamp {
			continue
		}
		if v := s.score[c]; best < 0 || v > bestScore {
			best, bestScore, tie = c, v, false
		} else if v == bestScore {
			tie = true
		}
	}
	if tie {
		s.ties++
	}
	return best
}

// ctxWord is the word at index j of the tagger's context.
func (m *fastModel) ctxWord(s *scratch, j int) string {
	n := len(s.toks)
	switch j {
	case 0:
		return startWord
	case 1:
		return start2Word
	case n + 2:
		return endWord
	case n + 3:
		return end2Word
	}
	return s.recs[s.rec[j-2]].norm
}

// addTagWeights adds the tagger's weights of feature f (none for -1) to
// the scores of this prediction (stamp).
func (m *fastModel) addTagWeights(s *scratch, stamp, f int32) {
	if f < 0 {
		return
	}
	for _, w := range m.tagW[f+1 : f+1+m.tagW[f].cls] {
		if s.stamp[w.cls] != stamp {
			s.stamp[w.cls] = stamp
			s.score[w.cls] = 0
		}
		s.score[w.cls] += w.w
	}
}

// predictStrings is predict with each feature built as a string, as
// prose's featurize builds it, and looked up.
func (m *fastModel) predictStrings(s *scratch, i int, rec *wordRec, p1, p2 string) int {
	stamp := s.beginPredict(len(m.classes))
	look := func(key []byte) { m.addTagWeights(s, stamp, m.feat(key)) }
	w := rec.word
	x := i + 2
	word, prev, prev2, next, next2 := m.ctxWord(s, x), m.ctxWord(s, x-1), m.ctxWord(s, x-2), m.ctxWord(s, x+1), m.ctxWord(s, x+2)
	suffix3 := func(w string) string { return w[len(w)-min(len(w), 3):] }
	k := s.key[:0]
	k = append(k[:0], "bias"...)
	look(k)
	k = append(append(k[:0], "i suffix "...), suffix3(w)...)
	look(k)
	k = utf8.AppendRune(append(k[:0], "i pref1 "...), rune(w[0]))
	look(k)
	k = append(append(k[:0], "i-1 tag "...), p1...)
	look(k)
	k = append(append(k[:0], "i-2 tag "...), p2...)
	look(k)
	k = append(append(append(append(k[:0], "i tag+i-2 tag "...), p1...), ' '), p2...)
	look(k)
	k = append(append(k[:0], "i word "...), word...)
	look(k)
	k = append(append(append(append(k[:0], "i-1 tag+i word "...), p1...), ' '), word...)
	look(k)
	k = append(append(k[:0], "i-1 word "...), prev...)
	look(k)
	k = append(append(k[:0], "i-1 suffix "...), suffix3(prev)...)
	look(k)
	k = append(append(k[:0], "i-2 word "...), prev2...)
	look(k)
	k = append(append(k[:0], "i+1 word "...), next...)
	look(k)
	k = append(append(k[:0], "i+1 suffix "...), suffix3(next)...)
	look(k)
	k = append(append(k[:0], "i+2 word "...), next2...)
	look(k)
	s.key = k
	return s.argmax(len(m.classes), stamp)
}

// ---- Entity classification (extract.go) ----

// shapeOf is prose's shape: number (strconv.ParseFloat accepts it), punct
// (the last rune is not [0-9A-Za-z_]), downcase, upcase (strings.Title
// leaves it as it is) or mixedcase.
func shapeOf(w string) int8 {
	if w == "" {
		return shOther
	}
	if isNumeric(w) {
		return shNumber
	}
	if last := w[len(w)-1]; last >= utf8.RuneSelf || !isWordByte(last) {
		return shPunct
	}
	if isLower(w) {
		return shDowncase
	}
	if isTitle(w) {
		return shUpcase
	}
	return shMixedcase
}

// isNumeric is prose's isNumeric, strconv.ParseFloat(w, 64) succeeding,
// without the error value (and its allocation) for the many words that
// cannot be numbers.
func isNumeric(w string) bool {
	d := w
	if d[0] == '+' || d[0] == '-' {
		d = d[1:]
	}
	if d == "" {
		return false
	}
	if c := d[0]; c != '.' && (c < '0' || c > '9') {
		// Only Inf, Infinity and NaN (unsigned) remain.
		switch len(d) {
		case 3, 8:
			_, err := strconv.ParseFloat(w, 64)
			return err == nil
		}
		return false
	}
	digits, dots, plain := 0, 0, true
	for i := 0; i < len(d); i++ {
		switch c := d[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			plain = false
		}
	}
	if digits == 0 {
		return false
	}
	if plain && dots <= 1 && len(d) <= 300 {
		return true // a decimal of at most 300 digits: in range
	}
	_, err := strconv.ParseFloat(w, 64)
	return err == nil
}

// isLower is strings.ToLower(w) == w.
func isLower(w string) bool {
	for i, r := range w {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(w[i:]); size == 1 {
				return false
			}
		}
		if unicode.ToLower(r) != r {
			return false
		}
	}
	return true
}

// isTitle is strings.Title(w) == w.
func isTitle(w string) bool {
	prev := ' '
	for i, r := range w {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(w[i:]); size == 1 {
				return false
			}
		}
		if isSeparator(prev) && unicode.ToTitle(r) != r {
			return false
		}
		prev = r
	}
	return true
}

// isSeparator is the word boundary of strings.Title.
func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// classify is entityExtracter.classify: for each token, the label whose
// weights for the token's features (prose's extract) sum highest, the
// weights added in featureOrder as prose adds them.
func (m *fastModel) classify(s *scratch) {
	n := len(s.toks)
	nl := len(m.labels)
	s.labelAt = resize(s.labelAt, n)
	s.labelOf = resize(s.labelOf, n)
	if len(s.total) < nl {
		s.total = make([]float64, nl)
	}
	total := s.total[:nl]
	var rows [nFeatures]int32
	for i, t := range s.toks {
		if s.strings || !m.rowsIDs(s, i, &rows) {
			m.rowsStrings(s, i, &rows)
		}
		clear(total)
		for _, r := range rows {
			if r < 0 {
				continue
			}
			for _, w := range m.meW[r+1 : r+1+m.meW[r].label] {
				total[w.label] += w.w
			}
		}
		// prose takes the highest total in map order: a tie is counted.
		best, tie := 0, false
		for l := 1; l < nl; l++ {
			if total[l] > total[best] {
				best, tie = l, false
			} else if total[l] == total[best] {
				tie = true
			}
		}
		if tie {
			s.ties++
		}
		s.labelAt[i] = int8(best)
		s.labelOf[t.slot] = int8(best)
	}
	for i, t := range s.toks {
		s.labelOf[i] = s.labelOf[t.slot]
	}
}

// rowsIDs finds the rows of token i's features by the tables, or returns
// false if a tag it needs has no id.
func (m *fastModel) rowsIDs(s *scratch, i int, rows *[nFeatures]int32) bool {
	n := len(s.toks)
	pos := s.tagIDOf[i]
	if pos < 0 || i > 0 && s.tagIDOf[i-1] < 0 || i < n-1 && s.tagIDOf[i+1] < 0 {
		return false
	}
	rec := &s.recs[s.rec[i]]
	rows[fBias] = m.rowBias
	rows[fWordlist] = m.rowBasicFalse
	if rec.basic {
		rows[fWordlist] = m.rowBasicTrue
	}
	rows[fWord] = rec.rowWord
	rows[fSuffix3] = rec.rowSuffix3
	rows[fPrefix3] = rec.rowPrefix3
	rows[fWordLen] = rec.rowWordLen
	rows[fShape] = m.rowShape[rec.shape]
	rows[fPos] = m.rowPos[pos]
	rows[fWordLower] = -1
	var low *lexEntry
	if rec.lowLex >= 0 {
		low = &m.lex[rec.lowLex]
		rows[fWordLower] = low.lower
	}

	pt, prevShape := 0, shNone
	if i == 0 {
		rows[fPrevWord] = m.rowPrevWordNone
		rows[fPrevPos] = m.rowPrevPosNone
	} else {
		pt = int(m.ptOf[s.labelAt[i-1]])
		prev := &s.recs[s.rec[i-1]]
		rows[fPrevWord] = -1
		if prev.lowLex >= 0 {
			rows[fPrevWord] = m.lex[prev.lowLex].prevWord
		}
		rows[fPrevPos] = m.rowPrevPos[s.tagIDOf[i-1]]
		if i > 1 {
			prevShape = int(prev.shape)
		}
	}
	rows[fPrevTag] = m.rowPT[pt]
	rows[fPosPrevTag] = m.rowPosPT[int(pos)*m.nPT+pt]
	rows[fShapePrevTag] = m.rowShapePT[prevShape*m.nPT+pt]

	np := m.npNone
	if i == n-1 {
		rows[fNextWord] = m.rowNextWordNone
	} else {
		np = m.npOf[s.tagIDOf[i+1]]
		next := &s.recs[s.rec[i+1]]
		rows[fNextWord] = -1
		if next.lowLex >= 0 {
			rows[fNextWord] = m.lex[next.lowLex].nextWord
		}
	}
	rows[fNextPos] = m.rowNextPos[np]
	rows[fWordNextPos] = -1
	if low != nil {
		for _, e := range low.wordNextPos {
			if e.np == np {
				rows[fWordNextPos] = e.row
				break
			}
		}
	}
	return true
}

// rowsStrings finds the rows of token i's features by their strings, as
// prose's extract and encode build them.
func (m *fastModel) rowsStrings(s *scratch, i int, rows *[nFeatures]int32) {
	n := len(s.toks)
	rec := &s.recs[s.rec[i]]
	word, low, pos := rec.word, rec.low, s.tagOf[i]
	k := s.key[:0]
	rows[fBias] = m.rowBias
	rows[fWordlist] = m.rowBasicFalse
	if rec.basic {
		rows[fWordlist] = m.rowBasicTrue
	}
	k = append(append(k[:0], "word-"...), word...)
	rows[fWord] = m.row(k)
	k = append(append(k[:0], "pos-"...), pos...)
	rows[fPos] = m.row(k)
	k = append(append(k[:0], "word.lower-"...), low...)
	rows[fWordLower] = m.row(k)
	k = appendLower(append(k[:0], "suffix3-"...), word[len(word)-min(len(word), 3):])
	rows[fSuffix3] = m.row(k)
	k = appendLower(append(k[:0], "prefix3-"...), word[:min(len(word), 3)])
	rows[fPrefix3] = m.row(k)
	k = append(append(k[:0], "shape-"...), shapeNames[rec.shape]...)
	rows[fShape] = m.row(k)
	k = strconv.AppendInt(append(k[:0], "wordlen-"...), int64(len(word)), 10)
	rows[fWordLen] = m.row(k)

	prevTag, prevShape := "None", "None"
	if i == 0 {
		k = append(k[:0], "prevword-None"...)
		rows[fPrevWord] = m.row(k)
		k = append(k[:0], "prevpos-None"...)
		rows[fPrevPos] = m.row(k)
	} else {
		prevTag = m.prevTag[s.labelAt[i-1]]
		prev := &s.recs[s.rec[i-1]]
		k = append(append(k[:0], "prevword-"...), prev.low...)
		rows[fPrevWord] = m.row(k)
		k = append(append(k[:0], "prevpos-"...), s.tagOf[i-1]...)
		rows[fPrevPos] = m.row(k)
		if i > 1 {
			prevShape = shapeNames[prev.shape]
		}
	}
	k = append(append(k[:0], "prevtag-"...), prevTag...)
	rows[fPrevTag] = m.row(k)

	np := s.np[:0]
	if i == n-1 {
		k = append(k[:0], "nextword-None"...)
		rows[fNextWord] = m.row(k)
		np = append(np, "None"...)
	} else {
		k = append(append(k[:0], "nextword-"...), s.recs[s.rec[i+1]].low...)
		rows[fNextWord] = m.row(k)
		np = appendLower(np, s.tagOf[i+1])
	}
	s.np = np
	k = append(append(k[:0], "nextpos-"...), np...)
	rows[fNextPos] = m.row(k)
	k = append(append(append(append(k[:0], "word+nextpos-"...), low...), '+'), np...)
	rows[fWordNextPos] = m.row(k)
	k = append(append(append(append(k[:0], "pos+prevtag-"...), pos...), '+'), prevTag...)
	rows[fPosPrevTag] = m.row(k)
	k = append(append(append(append(k[:0], "shape+prevtag-"...), prevShape...), '+'), prevTag...)
	rows[fShapePrevTag] = m.row(k)
	s.key = k
}

// chunk is entityExtracter.chunk on the final tags and labels: a token
// whose label is not O and not the current entity's I- label starts or
// extends an entity, and so does one with the previous part's tag, or a CD
// after a part not labelled O; an O (or the entity's I- label, which is
// kept) ends it. An entity still open at the end is dropped.
func (m *fastModel) chunk(s *scratch, ents []fastEnt) []fastEnt {
	end := int8(-1) // -1: "", -2: a label that is not one of the model's
	first, idx := 0, 0
	o := m.labelO
	for i := range s.toks {
		label := s.labelOf[i]
		tag := s.tagOf[i]
		if (label != o && label != end) ||
			(idx > 0 && tag == s.tagOf[i-1]) ||
			(idx > 0 && tag == "CD" && s.labelOf[i-1] != o) {
			if idx == 0 {
				first = i
			}
			end = m.labelEnd[label]
			if end < 0 {
				end = -2
			}
			idx++
		} else if (label == o && end != -1) || label == end {
			last := i
			if label != o {
				last = i + 1
			}
			ents = append(ents, fastEnt{start: first, end: last, label: m.entityLabel(s, first, last)})
			end = -1
			idx = 0
		}
	}
	return ents
}

// entityLabel is parseEntities: PERSON for two tokens one of which is
// B-PERSON, else the label of the first token without its B- or I-.
func (m *fastModel) entityLabel(s *scratch, first, last int) string {
	if last-first == 2 && m.bPerson >= 0 && (s.labelOf[first] == m.bPerson || s.labelOf[first+1] == m.bPerson) {
		return "PERSON"
	}
	return m.entLabel[s.labelOf[first]]
}
