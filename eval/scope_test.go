package eval

import (
	"testing"

	"github.com/exbench/exbench/corpus"
)

// TestScope scores a document whose headline is out of scope: the
// prediction in the headline is neither spurious nor correct, and the
// gold mention there is not missed.
func TestScope(t *testing.T) {
	d, gold, pred := doc(t,
		"⟦ISIS|ORG⟧ kidnaps ⟦300|CARDINAL|300⟧\n⟦ISIS|ORG⟧ took ⟦Dmeir|GPE⟧ workers in ⟦Syria|GPE⟧ on Monday.",
		"⟦ISIS|ORG⟧ kidnaps 300\nISIS took ⟦Dmeir|GPE⟧ workers in ⟦Syria|LOC⟧ on ⟦Monday|DATE⟧.")
	body := corpus.Span{Start: 17, End: len([]rune(d.Text))}
	if got := []rune(d.Text)[body.Start:][:4]; string(got) != "ISIS" {
		t.Fatalf("the body starts with %q", string(got))
	}
	s := NewScope([]corpus.Region{{DocID: "d", Span: body}})
	g, gOut := s.Split(gold)
	p, pOut := s.Split(pred)
	if len(gOut) != 2 || len(pOut) != 1 || pOut[0].Text != "ISIS" {
		t.Fatalf("out of scope: gold %v, pred %v; want ISIS and 300, and ISIS", gOut, pOut)
	}
	// In the body: ISIS missed, Dmeir correct, Syria mislabelled, Monday
	// spurious.
	r := NewScorer(Options{}).Score(d, g, p)
	if got := r.Micro(Strict); got != c(1, 1, 0, 1, 1) {
		t.Errorf("strict %+v, want 1 COR, 1 INC, 1 MIS, 1 SPU", got)
	}
	if !s.Covers("d") || s.Covers("e") || NewScope([]corpus.Region{{DocID: "e"}}).In(gold[0]) {
		t.Error("Covers or In is wrong about documents")
	}
	if !NewScope([]corpus.Region{{DocID: "d"}}).In(pred[0]) || !(*Scope)(nil).In(pred[0]) {
		t.Error("a whole document, or a nil Scope, does not hold every mention")
	}
}
