package eval

import (
	"math"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
)

// TestTokenKappa works κ out by hand. Tokens: Ada, met, Bob, in, Dmeir,
// "." (6). A labels Ada PERSON, Bob PERSON, Dmeir GPE; B labels Ada
// PERSON, Bob ORG, Dmeir GPE. Agreement 5/6. Marginals A: PERSON 2, GPE 1,
// O 3; B: PERSON 1, ORG 1, GPE 1, O 3. Expected (2·1 + 1·1 + 3·3)/36 =
// 12/36. κ = (5/6 − 1/3) / (1 − 1/3) = 0.75.
func TestTokenKappa(t *testing.T) {
	text, a := marks.MustParse("d", "⟦Ada|PERSON⟧ met ⟦Bob|PERSON⟧ in ⟦Dmeir|GPE⟧.")
	_, b := marks.MustParse("d", "⟦Ada|PERSON⟧ met ⟦Bob|ORG⟧ in ⟦Dmeir|GPE⟧.")
	docs := []corpus.Doc{{ID: "d", Text: text}}
	k := TokenKappa(docs, a, b, false)
	if k.Tokens != 6 || math.Abs(k.Observed-5.0/6) > 1e-12 || math.Abs(k.Expected-1.0/3) > 1e-12 || math.Abs(k.Kappa-0.75) > 1e-12 {
		t.Errorf("TokenKappa = %+v, want 6 tokens, observed 5/6, expected 1/3, κ 0.75", k)
	}
	// Annotated tokens only: Ada, Bob, Dmeir; agreement 2/3; A: PERSON 2,
	// GPE 1; B: PERSON 1, ORG 1, GPE 1; expected (2 + 1)/9; κ = (2/3 −
	// 1/3)/(2/3) = 0.5.
	k = TokenKappa(docs, a, b, true)
	if k.Tokens != 3 || math.Abs(k.Kappa-0.5) > 1e-12 {
		t.Errorf("TokenKappa annotated only = %+v, want 3 tokens, κ 0.5", k)
	}
	if k := TokenKappa(docs, a, a, false); k.Kappa != 1 {
		t.Errorf("κ of an annotation with itself = %v", k.Kappa)
	}
}
