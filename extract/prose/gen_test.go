package prose

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The generator of test texts: sentences of news-like English with the
// things prose's tokenizer, tagger and classifier treat specially mixed
// in. The lists are made up for these tests.

var (
	genFirst = []string{"Ada", "Barack", "Angela", "Vladimir", "Jan", "Maria", "José", "Zoë", "Li", "Mohammed",
		"Olga", "Ngozi", "Hiroshi", "Priya", "Seán", "Björn", "Ayşe", "Dmitri", "Fatima", "John", "Mary", "Kim"}
	genLast = []string{"Lovelace", "Obama", "Merkel", "Putin", "Egeland", "García", "O'Brien", "McDonald", "Smith",
		"Nakamura", "Okonjo-Iweala", "Müller", "D'Angelo", "al-Assad", "Van der Berg", "Nguyen", "Østergaard", "Jones"}
	genTitle = []string{"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Prof.", "President", "Chancellor",
		"Minister", "Sgt.", "Capt.", "Lt.", "St.", "Jr.", "Sr."}
	genPlace = []string{"Syria", "Damascus", "Dmeir", "New York", "Washington", "London", "Paris", "Berlin", "Moscow",
		"the United States", "U.S.", "the U.K.", "Beijing", "Tokyo", "Rio de Janeiro", "São Paulo", "Kyiv", "Aleppo",
		"Raqqa", "Iraq", "Baghdad", "Turkey", "İstanbul", "Москва", "北京", "Zürich", "Côte d'Ivoire", "Africa",
		"the Middle East", "Europe", "California", "Texas", "Mount Everest", "the Nile", "Lake Geneva"}
	genOrg = []string{"the United Nations", "U.N.", "ISIS", "Islamic State", "NATO", "the European Union", "Google",
		"Apple Inc.", "Microsoft Corp.", "the Red Cross", "Reuters", "CNN", "the BBC", "Al Jazeera",
		"the World Health Organization", "Lafarge", "the Syrian Observatory for Human Rights", "Bank of England",
		"Goldman Sachs", "AT&T", "Procter & Gamble", "the Pentagon", "Harvard University", "Yahoo!", "H&M"}
	genVerb = []string{"said", "says", "met", "told", "visited", "kidnapped", "announced", "reported", "denied",
		"confirmed", "warned", "left", "arrived in", "flew to", "spoke with", "criticised", "praised", "is", "was",
		"will be", "has been", "had", "could", "won't", "didn't", "can't", "isn't", "'s", "'ll", "'re", "'m"}
	genWord = []string{"the", "a", "an", "of", "in", "on", "at", "for", "with", "and", "or", "but", "to", "from",
		"workers", "factory", "cement", "hundreds", "government", "forces", "attack", "city", "people", "report",
		"statement", "week", "Tuesday", "April", "morning", "officials", "fighters", "group", "militants",
		"company", "news", "agency", "spokesman", "according", "however", "also", "about", "more", "than",
		"it", "they", "he", "she", "we", "I", "you", "this", "that", "which", "who", "where", "when", "why",
		"THE", "NEWS", "Breaking", "UPDATE", "iPhone", "eBay", "McLaren", "x-ray", "well-known", "e-mail",
		"twenty-four", "state-of-the-art", "re-election", "co-operate", "half", "one", "two", "three"}
	genNumber = []string{"0", "1", "7", "42", "100", "1,000", "3.50", "3.5", ".5", "1.", "1999", "2016", "+123", "-123",
		"1e5", "1e400", "1e-400", "inf", "Inf", "-Infinity", "NaN", "nan", "+nan", "0x1p-2", "0x1F", "1_000",
		"2nd", "1990s", "45%", "$5", "$5.2bn", "£3", "€4", "10-20", "10:30", "2016-04-07", "04/07/2016",
		"12,000,000", "98.6°F", "¼", "½", "٣", "三", "1st", "III", "No.", "#1"}
	genQuote = []string{`"`, `'`, "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "&rsquo;", "``", "''", "`",
		"&ldquo;", "&quot;", `"'`, `'"`, "“‘", "’”"}
	genAbbr = []string{"U.S.", "U.N.", "e.g.", "i.e.", "a.m.", "p.m.", "Inc.", "Ltd.", "Co.", "Jr.", "St.", "No.",
		"Mt.", "Ft.", "vs.", "etc.", "U.S.A.", "A.B.C.D.", "Mr", "Dr", "Abc.", "Ab.", "AB.", "a.b", "A.b.", "ab.c."}
	genURL = []string{"http://example.com/path?q=1&r=2", "https://www.example.org", "www.abc.co.uk", "example.com",
		"foo.bar/baz", "(see http://x.io)", "site.com.", "a.b", "3.50.", "ftp://files.example.net/x.tar.gz",
		"https://en.wikipedia.org/wiki/Dmeir_(Syria)", "bit.ly/3xYz", "git@github.com:x/y.git",
		"john.doe@example.com", "x@y", "a@b.c", "first.last+tag@sub.example.co.uk", "@handle", "@", "@@x",
		"#hashtag", "#Syria", "#", "##"}
	genEmoji = []string{"😀", "👍🏽", "🇸🇾", "👨‍👩‍👧", "❤️", "☺", "✓", "★", "🙂🙂", "🤷‍♀️", "©", "®", "™", "§", "¶",
		":-)", ":)", ";-)", "XD", "<3", ":-))", "(-:", "8-)", "¯\\(ツ)/¯", "(╯°□°）╯︵┻━┻", "o_O", "^___^",
		":P", "=D", "@_@", "[-:", ":`(", "(ಠ_ಠ)", "xD", "V_V", "-__-"}
	genPunct = []string{"!!!", "?!", "...", "…", "--", "—", "–", ";;", "::", "()", "[]", "{}", "(((", ")))", ",,,",
		"'''", `"""`, "*", "**", "*-1", "*T*-2", "*U*", "*?*", "*EXP*-12", "0", "-LRB-", "-RRB-", "-NONE-",
		"-", "---", "&", "&amp;", "&rsquo;s", "&rsquo;", "$", "$$", "(", ")", "[", "]", "\"", "'", "!", "?", ".",
		",", ";", ":", "/", "\\", "|", "~", "^", "_", "%", "+", "=", "<", ">", "•", "·", "¿", "¡"}
	genContraction = []string{"don't", "DON'T", "can't", "won't", "I'm", "I'M", "they'll", "THEY'LL", "we're",
		"it's", "IT'S", "'s", "'sam", "'re", "n't", "o'clock", "rock'n'roll", "Ain't", "y'all", "’s", "‘em",
		"Obama's", "Syria’s", "U.S.'s", "ISIS's", "James'", "'til", "'90s", "ma'am", "O'Neill's", "shouldn't've",
		"'ll", "'m", "'S", "'LL", "N'T", "isn't.", "(don't)", "\"I'm\"", "'s's", "n'tn't", "'m'm"}
	genUnicode = []string{"Москва", "Αθήνα", "دمشق", "ירושלים", "北京", "東京", "서울", "दिल्ली", "กรุงเทพ",
		"İstanbul", "Straße", "ẞ", "K", "Ω", "ﬁ", "ǅ", "ǆ", "Ⱥ", "ȺȺȺȺ's", "İİ's", "Ⱦ's", "ΣΑΣ", "ς",
		"e\u0301", "\u200d", "\u200b", "\ufeff", "\u200f", "\ufffd", "x\u00adx", "ﬀ", "Ǳ", "ᾈ", "İ", "ı",
		"ΐ", "ŉ", "Å", "Å", "№", "Ⅻ", "①", "𝔘𝔫𝔦", "🄰", "ｆｕｌｌ", "Ｆｕｌｌ", "ＡＢＣ", "𐐀", "𐐨"}
	genSpace = []string{" ", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00a0", "\u2028", "\u3000",
		"\u0085", " \n ", "\u2009", "\v", "\f"}
	genEnd = []string{".", ".", ".", "!", "?", "...", "", ".\"", ".”", "?!", ":", ";", ".'", ")."}
)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// genLong is a very long token.
func genLong(r *rand.Rand) string {
	n := 50 + r.IntN(3000)
	switch r.IntN(6) {
	case 0:
		return strings.Repeat("a", n)
	case 1:
		return strings.Repeat("9", n)
	case 2:
		return "http://example.com/" + strings.Repeat("x/", n/2)
	case 3:
		return strings.Repeat("Ab-", n/3)
	case 4:
		return strings.Repeat("é", n/2) + "'s"
	default:
		return strings.Repeat(pick(r, genUnicode), 1+n/10)
	}
}

// genPiece is one piece of a sentence.
func genPiece(r *rand.Rand) string {
	switch r.IntN(40) {
	case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9:
		return pick(r, genWord)
	case 10, 11:
		return pick(r, genFirst) + " " + pick(r, genLast)
	case 12:
		return pick(r, genTitle) + " " + pick(r, genFirst) + " " + pick(r, genLast)
	case 13:
		return pick(r, genLast)
	case 14, 15:
		return pick(r, genPlace)
	case 16, 17:
		return pick(r, genOrg)
	case 18, 19:
		return pick(r, genVerb)
	case 20:
		return pick(r, genNumber)
	case 21:
		return pick(r, genNumber) + " " + pick(r, genWord)
	case 22:
		q := pick(r, genQuote)
		return q + genPiece(r) + pick(r, genQuote)
	case 23:
		return pick(r, genQuote)
	case 24:
		return pick(r, genAbbr)
	case 25:
		return pick(r, genURL)
	case 26:
		return pick(r, genEmoji)
	case 27:
		return pick(r, genPunct)
	case 28:
		return pick(r, genContraction)
	case 29:
		return pick(r, genUnicode)
	case 30:
		if r.IntN(8) == 0 {
			return genLong(r)
		}
		return pick(r, genWord)
	case 31:
		// glued pieces: no space between
		return genPiece(r) + genPiece(r)
	case 32:
		return "(" + genPiece(r) + ")"
	case 33:
		return genPiece(r) + pick(r, genPunct)
	case 34:
		return pick(r, genPunct) + genPiece(r)
	case 35:
		return strings.ToUpper(genPiece(r))
	case 36:
		return strings.ToLower(genPiece(r))
	case 37:
		return pick(r, genFirst) + " " + pick(r, genLast) + " of " + pick(r, genPlace)
	case 38:
		return pick(r, genOrg) + " in " + pick(r, genPlace)
	default:
		return pick(r, genNumber) + " " + pick(r, genOrg)
	}
}

// genSentence is a sentence: news-like most of the time.
func genSentence(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(3) == 0 {
		// A news sentence.
		fmt.Fprintf(&b, "%s %s %s %s %s %s %s %s", pick(r, genTitle), pick(r, genFirst), pick(r, genLast),
			pick(r, genVerb), pick(r, genOrg), pick(r, genWord), pick(r, genPlace), pick(r, genEnd))
		return b.String()
	}
	n := 1 + r.IntN(25)
	for i := range n {
		if i > 0 {
			if r.IntN(10) == 0 {
				b.WriteString(pick(r, genSpace))
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(genPiece(r))
	}
	b.WriteString(pick(r, genEnd))
	return b.String()
}

// genText is a text of zero or more sentences.
func genText(r *rand.Rand) string {
	switch r.IntN(50) {
	case 0:
		return ""
	case 1:
		return pick(r, genSpace)
	case 2:
		return genPiece(r)
	case 3:
		return genLong(r)
	}
	var b strings.Builder
	if r.IntN(5) == 0 {
		b.WriteString(pick(r, genSpace))
	}
	n := 1 + r.IntN(12)
	for i := range n {
		if i > 0 {
			b.WriteString(pick(r, genSpace))
		}
		b.WriteString(genSentence(r))
	}
	if r.IntN(5) == 0 {
		b.WriteString(pick(r, genSpace))
	}
	return b.String()
}

// genTexts makes n texts from seed.
func genTexts(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 17))
	texts := make([]string, n)
	for i := range texts {
		texts[i] = genText(r)
	}
	return texts
}
