// Package synth makes synthetic evaluation data for benchmarks,
// deterministically from a seed: nothing it makes is committed.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
)

// CoNLL writes a token-per-line file in the shape of CoNLL-2003 (four
// columns: token, POS, gold tag, predicted tag; IOB2; -DOCSTART- lines
// between documents of about 230 tokens, sentences of about 14). About one
// token in seven starts an entity of 1 to 3 tokens, and the prediction
// gets about one entity in ten wrong (its type, a boundary, or missed) and
// adds a spurious one now and then. It returns the number of gold
// entities.
func CoNLL(w io.Writer, tokens int, seed uint64) (int, error) {
	rng := rand.New(rand.NewPCG(seed, 2003))
	bw := bufio.NewWriter(w)
	types := []string{"PER", "LOC", "ORG", "MISC"}
	entities := 0
	inDoc, inSentence := 0, 0
	for n := 0; n < tokens; {
		if inDoc == 0 || inDoc > 200+rng.IntN(60) {
			fmt.Fprint(bw, "-DOCSTART- -X- O O\n\n")
			n++
			inDoc, inSentence = 1, 0
			continue
		}
		if inSentence > 8+rng.IntN(12) {
			bw.WriteString("\n")
			inSentence = 0
		}
		if rng.IntN(7) > 0 {
			fmt.Fprintf(bw, "tok%d NN O %s\n", n, map[bool]string{true: "B-MISC", false: "O"}[rng.IntN(150) == 0])
			n, inDoc, inSentence = n+1, inDoc+1, inSentence+1
			continue
		}
		typ := types[rng.IntN(len(types))]
		length := 1 + rng.IntN(3)
		predTyp := typ
		predLen := length
		missed := false
		switch rng.IntN(30) {
		case 0:
			predTyp = types[rng.IntN(len(types))]
		case 1:
			predLen = max(1, length-1)
		case 2:
			missed = true
		}
		entities++
		for i := range length {
			gold, pred := "I-"+typ, "I-"+predTyp
			if i == 0 {
				gold, pred = "B-"+typ, "B-"+predTyp
			}
			if missed || i >= predLen {
				pred = "O"
			}
			fmt.Fprintf(bw, "Tok%d NNP %s %s\n", n, gold, pred)
			n, inDoc, inSentence = n+1, inDoc+1, inSentence+1
		}
	}
	return entities, bw.Flush()
}
