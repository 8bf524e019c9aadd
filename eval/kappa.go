package eval

import (
	"unicode"

	"github.com/exbench/exbench/corpus"
)

// Kappa is Cohen's κ between two annotations of the same tokens.
type Kappa struct {
	Tokens   int     // tokens compared
	Observed float64 // share of tokens given the same label
	Expected float64 // share expected by chance from each annotation's label frequencies
	Kappa    float64 // (Observed − Expected) / (1 − Expected); 1 when Expected is 1
}

// TokenKappa computes Cohen's κ (Cohen 1960) between two annotations a
// and b of docs, over tokens: runs of letters and digits, and single other
// characters that are not space. Each token takes the label of the
// mention of each annotation that covers its first character, or "O".
// With annotated only set, only the tokens that either annotation labels
// count, the usual measure for sparse span annotation (the many tokens
// both leave out make the all-token κ high).
func TokenKappa(docs []corpus.Doc, a, b []corpus.Mention, annotatedOnly bool) Kappa {
	byDoc := func(ms []corpus.Mention) map[string][]corpus.Mention {
		m := map[string][]corpus.Mention{}
		for _, x := range ms {
			m[x.DocID] = append(m[x.DocID], x)
		}
		return m
	}
	am, bm := byDoc(a), byDoc(b)
	pairs := map[[2]corpus.Label]int{}
	n := 0
	for _, d := range docs {
		la := labelsAt(d.Text, am[d.ID])
		lb := labelsAt(d.Text, bm[d.ID])
		for _, tok := range tokenStarts(d.Text) {
			x, y := la[tok], lb[tok]
			if annotatedOnly && x == "O" && y == "O" {
				continue
			}
			pairs[[2]corpus.Label{x, y}]++
			n++
		}
	}
	k := Kappa{Tokens: n}
	if n == 0 {
		return k
	}
	ma, mb := map[corpus.Label]int{}, map[corpus.Label]int{}
	agree := 0
	for p, c := range pairs {
		ma[p[0]] += c
		mb[p[1]] += c
		if p[0] == p[1] {
			agree += c
		}
	}
	k.Observed = float64(agree) / float64(n)
	for l, c := range ma {
		k.Expected += float64(c) / float64(n) * float64(mb[l]) / float64(n)
	}
	if k.Expected < 1 {
		k.Kappa = (k.Observed - k.Expected) / (1 - k.Expected)
	} else {
		k.Kappa = 1
	}
	return k
}

// labelsAt returns, for each code point of text, the label of the mention
// covering it, or "O".
func labelsAt(text string, ms []corpus.Mention) []corpus.Label {
	n := len([]rune(text))
	out := make([]corpus.Label, n)
	for i := range out {
		out[i] = "O"
	}
	for _, m := range ms {
		for i := max(m.Span.Start, 0); i < min(m.Span.End, n); i++ {
			out[i] = m.Label
		}
	}
	return out
}

// tokenStarts returns the code-point offsets where tokens start.
func tokenStarts(text string) []int {
	var starts []int
	prevWord := false
	i := 0
	for _, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case unicode.IsSpace(r):
			word = false
		case word && prevWord:
		default:
			starts = append(starts, i)
		}
		prevWord = word
		i++
	}
	return starts
}
