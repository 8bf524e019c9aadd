package eval

import (
	"math/rand/v2"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

// doc builds a document from two markings of one text: the gold marks and
// the predicted marks.
func doc(t *testing.T, goldMarked, predMarked string) (corpus.Doc, []corpus.Mention, []corpus.Mention) {
	t.Helper()
	text, gold := marks.MustParse("d", goldMarked)
	text2, pred := marks.MustParse("d", predMarked)
	if text != text2 {
		t.Fatalf("gold and predicted marks are on different texts:\n%q\n%q", text, text2)
	}
	return corpus.Doc{ID: "d", Text: text}, gold, pred
}

// c is Counts{COR, INC, PAR, MIS, SPU}, short for test tables.
func c(cor, inc, par, mis, spu int) Counts { return Counts{cor, inc, par, mis, spu} }

// TestSchemes checks the micro counts of every scheme on hand-made cases,
// each worked out by hand from the definitions in doc.go.
func TestSchemes(t *testing.T) {
	for _, tc := range []struct {
		name       string
		gold, pred string
		// strict, exact, partial, type, value
		want [5]Counts
	}{
		{
			name: "all correct",
			gold: "⟦Ada|PERSON⟧ met ⟦Bob|PERSON⟧ in ⟦Dmeir|GPE⟧",
			pred: "⟦Ada|PERSON⟧ met ⟦Bob|PERSON⟧ in ⟦Dmeir|GPE⟧",
			want: [5]Counts{c(3, 0, 0, 0, 0), c(3, 0, 0, 0, 0), c(3, 0, 0, 0, 0), c(3, 0, 0, 0, 0), {}},
		},
		{
			name: "same span, other label",
			gold: "⟦Ada|PERSON⟧ met Bob",
			pred: "⟦Ada|ORG⟧ met Bob",
			want: [5]Counts{c(0, 1, 0, 0, 0), c(1, 0, 0, 0, 0), c(1, 0, 0, 0, 0), c(0, 1, 0, 0, 0), {}},
		},
		{
			name: "overlap, same label",
			gold: "⟦Bashar Al-Assad|PERSON⟧ said",
			pred: "Bashar ⟦Al-Assad|PERSON⟧ said",
			want: [5]Counts{c(0, 1, 0, 0, 0), c(0, 1, 0, 0, 0), c(0, 0, 1, 0, 0), c(1, 0, 0, 0, 0), {}},
		},
		{
			name: "overlap, other label",
			gold: "the ⟦Syrian Arab Army|ORG⟧ said",
			pred: "the ⟦Syrian|NORP⟧ Arab Army said",
			want: [5]Counts{c(0, 1, 0, 0, 0), c(0, 1, 0, 0, 0), c(0, 0, 1, 0, 0), c(0, 1, 0, 0, 0), {}},
		},
		{
			name: "no overlap",
			gold: "⟦Ada|PERSON⟧ met Bob",
			pred: "Ada met ⟦Bob|PERSON⟧",
			want: [5]Counts{c(0, 0, 0, 1, 1), c(0, 0, 0, 1, 1), c(0, 0, 0, 1, 1), c(0, 0, 0, 1, 1), {}},
		},
		{
			// "New York" overlaps 8 characters, "City" 4: the larger
			// overlap pairs, "City" is spurious.
			name: "two predictions over one gold",
			gold: "in ⟦New York City|GPE⟧ today",
			pred: "in ⟦New York|GPE⟧ ⟦City|GPE⟧ today",
			want: [5]Counts{c(0, 1, 0, 0, 1), c(0, 1, 0, 0, 1), c(0, 0, 1, 0, 1), c(1, 0, 0, 0, 1), {}},
		},
		{
			// Equal overlaps: the earlier gold mention pairs.
			name: "one prediction over two golds",
			gold: "⟦Ada|PERSON⟧ and ⟦Bob|PERSON⟧",
			pred: "⟦Ada and Bob|PERSON⟧",
			want: [5]Counts{c(0, 1, 0, 1, 0), c(0, 1, 0, 1, 0), c(0, 0, 1, 1, 0), c(1, 0, 0, 1, 0), {}},
		},
		{
			name: "empty document",
			gold: "nothing here",
			pred: "nothing here",
		},
		{
			name: "gold only",
			gold: "⟦Ada|PERSON⟧ saw ⟦300|CARDINAL|300⟧",
			pred: "Ada saw 300",
			want: [5]Counts{c(0, 0, 0, 2, 0), c(0, 0, 0, 2, 0), c(0, 0, 0, 2, 0), c(0, 0, 0, 2, 0), c(0, 0, 0, 1, 0)},
		},
		{
			name: "predictions only",
			gold: "Ada saw 300",
			pred: "⟦Ada|PERSON⟧ saw ⟦300|CARDINAL|300⟧",
			want: [5]Counts{c(0, 0, 0, 0, 2), c(0, 0, 0, 0, 2), c(0, 0, 0, 0, 2), c(0, 0, 0, 0, 2), c(0, 0, 0, 0, 1)},
		},
		{
			// The value scheme ignores labels and compares value,
			// modifier and unit; "270,000" and 270000 are one number.
			name: "numbers",
			gold: "⟦more than 300|CARDINAL|300|>⟧ workers, ⟦270,000|CARDINAL|270000⟧ dead, ⟦50 km|QUANTITY|50||km⟧ away, ⟦250|CARDINAL|250⟧ taken, ⟦dozens|CARDINAL⟧ seen",
			pred: "more than ⟦300|CARDINAL|300⟧ workers, ⟦270,000|QUANTITY|270,000.0⟧ dead, ⟦50 km|QUANTITY|50||mi⟧ away, 250 taken, ⟦dozens|CARDINAL⟧ seen",
			// strict: "300" INC (span), "270,000" INC (label), "50 km" COR, 250 MIS, dozens COR.
			// value: "300" INC (modifier), "270,000" COR, "50 km" INC (unit), 250 MIS, dozens COR (no value either side).
			want: [5]Counts{c(2, 2, 0, 1, 0), c(3, 1, 0, 1, 0), c(3, 0, 1, 1, 0), c(3, 1, 0, 1, 0), c(2, 2, 0, 1, 0)},
		},
		{
			// A number predicted inside a gold DATE is spurious under
			// value: the value scheme sees numeric labels only.
			name: "value sees numeric labels only",
			gold: "on ⟦April 7, 2016|DATE⟧",
			pred: "on April 7, ⟦2016|CARDINAL|2016⟧",
			want: [5]Counts{c(0, 1, 0, 0, 0), c(0, 1, 0, 0, 0), c(0, 0, 1, 0, 0), c(0, 1, 0, 0, 0), c(0, 0, 0, 0, 1)},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, gold, pred := doc(t, tc.gold, tc.pred)
			r := NewScorer(Options{}).Score(d, gold, pred)
			var got [5]Counts
			for _, sc := range Schemes {
				got[sc] = r.Micro(sc)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Score micro counts [strict exact partial type value] (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSameSpanTwoLabels: a prediction with the right span and label and
// another with the same span and a wrong label, in either order.
func TestSameSpanTwoLabels(t *testing.T) {
	d, gold, _ := doc(t, "⟦Ada|PERSON⟧ met Bob", "Ada met Bob")
	right := gold[0]
	wrong := right
	wrong.Label = corpus.ORG
	for _, pred := range [][]corpus.Mention{{right, wrong}, {wrong, right}} {
		r := NewScorer(Options{}).Score(d, gold, pred)
		for sc, want := range map[Scheme]Counts{Strict: c(1, 0, 0, 0, 1), Exact: c(1, 0, 0, 0, 1), Partial: c(1, 0, 0, 0, 1), Type: c(1, 0, 0, 0, 1)} {
			if got := r.Micro(sc); got != want {
				t.Errorf("%v with predictions %v, %v: %+v, want %+v", sc, pred[0].Label, pred[1].Label, got, want)
			}
		}
	}
}

// TestPerLabel checks that each label is scored on its own mentions: the
// ORG prediction over the gold PERSON is INC in the micro counts, but a
// PERSON miss and an ORG spurious.
func TestPerLabel(t *testing.T) {
	d, gold, pred := doc(t,
		"⟦Ada|PERSON⟧ met ⟦Bob|PERSON⟧ of ⟦Reuters|ORG⟧ in ⟦Dmeir|GPE⟧",
		"⟦Ada|ORG⟧ met ⟦Bob|PERSON⟧ of ⟦Reuters|ORG⟧ in Dmeir")
	r := NewScorer(Options{Bag: true}).Score(d, gold, pred)
	// Bag, by text within each label: PERSON has Bob of Ada and Bob,
	// ORG has Reuters and a spurious Ada, GPE misses Dmeir.
	want := []LabelCounts{
		{Label: All, Scheme: [6]Counts{Strict: c(2, 1, 0, 1, 0), Exact: c(3, 0, 0, 1, 0), Partial: c(3, 0, 0, 1, 0), Type: c(2, 1, 0, 1, 0), Bag: c(2, 0, 0, 2, 1)}},
		{Label: corpus.PERSON, Scheme: [6]Counts{Strict: c(1, 0, 0, 1, 0), Exact: c(1, 0, 0, 1, 0), Partial: c(1, 0, 0, 1, 0), Type: c(1, 0, 0, 1, 0), Bag: c(1, 0, 0, 1, 0)}},
		{Label: corpus.ORG, Scheme: [6]Counts{Strict: c(1, 0, 0, 0, 1), Exact: c(1, 0, 0, 0, 1), Partial: c(1, 0, 0, 0, 1), Type: c(1, 0, 0, 0, 1), Bag: c(1, 0, 0, 0, 1)}},
		{Label: corpus.GPE, Scheme: [6]Counts{Strict: c(0, 0, 0, 1, 0), Exact: c(0, 0, 0, 1, 0), Partial: c(0, 0, 0, 1, 0), Type: c(0, 0, 0, 1, 0), Bag: c(0, 0, 0, 1, 0)}},
	}
	if diff := cmp.Diff(want, r.Counts); diff != "" {
		t.Errorf("Counts (-want +got):\n%s", diff)
	}
	wantConfusion := []Confusion{
		{corpus.PERSON, corpus.PERSON, 1},
		{corpus.PERSON, corpus.ORG, 1},
		{corpus.ORG, corpus.ORG, 1},
		{corpus.GPE, Missed, 1},
	}
	if diff := cmp.Diff(wantConfusion, r.Confusion); diff != "" {
		t.Errorf("Confusion (-want +got):\n%s", diff)
	}
}

func TestMetrics(t *testing.T) {
	for _, tc := range []struct {
		c         Counts
		p, r, f   float64
		undefined string
	}{
		// COR 1, PAR 1, MIS 1, SPU 1: credit 1.5, ACT 3, POS 3.
		{c(1, 0, 1, 1, 1), 0.5, 0.5, 0.5, ""},
		// COR 3, INC 1, SPU 2: P = 3/6, R = 3/4, F1 = 2·0.5·0.75/1.25 = 0.6.
		{c(3, 1, 0, 0, 2), 0.5, 0.75, 0.6, ""},
		{c(0, 0, 0, 2, 0), 0, 0, 0, "precision"},
		{c(0, 0, 0, 0, 2), 0, 0, 0, "recall"},
		{c(0, 0, 0, 0, 0), 0, 0, 0, "precision and recall"},
	} {
		if p, r, f := tc.c.Precision(), tc.c.Recall(), tc.c.F1(); !near(p, tc.p) || !near(r, tc.r) || !near(f, tc.f) {
			t.Errorf("%+v: P, R, F1 = %v, %v, %v, want %v, %v, %v", tc.c, p, r, f, tc.p, tc.r, tc.f)
		}
		if u := tc.c.Undefined(); u != tc.undefined {
			t.Errorf("%+v: Undefined() = %q, want %q", tc.c, u, tc.undefined)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }

// TestOrderIndependence shuffles the mentions of a crowded document many
// times: the result must not change at all.
func TestOrderIndependence(t *testing.T) {
	d, gold, pred := doc(t,
		"⟦New York City|GPE⟧ and ⟦Ada|PERSON⟧ and ⟦Bob|PERSON⟧ saw ⟦more than 300|CARDINAL|300|>⟧ of ⟦250|CARDINAL|250⟧ men",
		"⟦New York|GPE⟧ ⟦City|GPE⟧ and ⟦Ada and Bob|PERSON⟧ saw more than ⟦300|CARDINAL|300⟧ of ⟦250 men|QUANTITY|250⟧")
	// Add duplicates and same-span variants to make ties.
	pred = append(pred, pred[0], corpus.Mention{DocID: "d", Span: pred[2].Span, Label: corpus.ORG, Text: pred[2].Text})
	gold = append(gold, corpus.Mention{DocID: "d", Span: gold[1].Span, Label: corpus.NORP, Text: gold[1].Text})
	want := NewScorer(Options{}).Score(d, gold, pred)
	rng := rand.New(rand.NewPCG(1, 2))
	s := NewScorer(Options{})
	for range 200 {
		rng.Shuffle(len(gold), func(i, j int) { gold[i], gold[j] = gold[j], gold[i] })
		rng.Shuffle(len(pred), func(i, j int) { pred[i], pred[j] = pred[j], pred[i] })
		got := s.Score(d, gold, pred)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(corpus.Value{})); diff != "" {
			t.Fatalf("shuffled input changed the result (-first +shuffled):\n%s", diff)
		}
	}
}

func TestErrors(t *testing.T) {
	d, gold, pred := doc(t,
		"The ISIS kidnapping of ⟦more than 300|CARDINAL|300|>⟧ cement workers near ⟦Dmeir|GPE⟧",
		"The ⟦ISIS|ORG⟧ kidnapping of more than ⟦300|CARDINAL|300⟧ cement workers near Dmeir")
	r := NewScorer(Options{Context: 10}).Score(d, gold, pred)
	type row struct {
		Scheme  Scheme
		Outcome Outcome
		Gold    string
		Pred    string
		Context string
	}
	var got []row
	for _, e := range r.Mistakes {
		x := row{Scheme: e.Scheme, Outcome: e.Outcome, Context: e.Context}
		if e.Gold != nil {
			x.Gold = e.Gold.Text
		}
		if e.Pred != nil {
			x.Pred = e.Pred.Text
		}
		got = append(got, x)
	}
	want := []row{
		{Strict, SPU, "", "ISIS", "The [ISIS] kidnappin"},
		{Strict, INC, "more than 300", "300", "apping of [more than 300] cement wo"},
		{Strict, MIS, "Dmeir", "", "kers near [Dmeir]"},
		{Exact, SPU, "", "ISIS", "The [ISIS] kidnappin"},
		{Exact, INC, "more than 300", "300", "apping of [more than 300] cement wo"},
		{Exact, MIS, "Dmeir", "", "kers near [Dmeir]"},
		{Partial, SPU, "", "ISIS", "The [ISIS] kidnappin"},
		{Partial, PAR, "more than 300", "300", "apping of [more than 300] cement wo"},
		{Partial, MIS, "Dmeir", "", "kers near [Dmeir]"},
		{Type, SPU, "", "ISIS", "The [ISIS] kidnappin"},
		{Type, MIS, "Dmeir", "", "kers near [Dmeir]"},
		{Value, INC, "more than 300", "300", "apping of [more than 300] cement wo"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Errors (-want +got):\n%s", diff)
	}
}

func TestSummary(t *testing.T) {
	s := NewScorer(Options{})
	var sum Summary
	// Two documents, one partial match each: summed, PAR = 2 of 2 gold and
	// 2 predictions, so partial P = R = (0 + 0.5·2)/2 = 0.5.
	for _, tc := range [][2]string{
		{"⟦Bashar Al-Assad|PERSON⟧ said", "Bashar ⟦Al-Assad|PERSON⟧ said"},
		{"in ⟦Deir ez-Zor|GPE⟧ province", "in ⟦Deir ez-Zor province|GPE⟧"},
	} {
		d, gold, pred := doc(t, tc[0], tc[1])
		sum.Add(s.Score(d, gold, pred))
	}
	if sum.N != 2 || len(sum.Docs) != 2 || sum.Docs[1].DocID != "d" {
		t.Errorf("N = %d, Docs = %+v; want 2 documents", sum.N, sum.Docs)
	}
	if got := sum.Micro(Partial); got != c(0, 0, 2, 0, 0) || got.Precision() != 0.5 {
		t.Errorf("partial micro = %+v, P %v; want 2 PAR, P 0.5", got, got.Precision())
	}
	// Macro over PERSON and GPE under type: both F1 1; under strict both 0.
	if m := sum.Macro(Type); m.Labels != 2 || m.F1 != 1 {
		t.Errorf("type macro = %+v, want F1 1 over 2 labels", m)
	}
	if m := sum.Macro(Value); m.Labels != 0 {
		t.Errorf("value macro = %+v, want no labels", m)
	}
	golds, preds, m := sum.Confusion()
	if diff := cmp.Diff([]corpus.Label{corpus.PERSON, corpus.GPE, Spurious}, golds); diff != "" {
		t.Errorf("confusion rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]corpus.Label{corpus.PERSON, corpus.GPE, Missed}, preds); diff != "" {
		t.Errorf("confusion columns (-want +got):\n%s", diff)
	}
	if m.At(0, 0) != 1 || m.At(1, 1) != 1 || m.At(2, 2) != 0 {
		t.Errorf("confusion matrix diagonal = %v %v %v, want 1 1 0", m.At(0, 0), m.At(1, 1), m.At(2, 2))
	}
}

// TestMacro works out a macro average by hand: PERSON P 1 R 0.5 F1 2/3;
// GPE P 0 R 0 F1 0 (one spurious, one missed, no overlap).
func TestMacro(t *testing.T) {
	d, gold, pred := doc(t,
		"⟦Ada|PERSON⟧ and ⟦Bob|PERSON⟧ in ⟦Dmeir|GPE⟧ near Homs",
		"⟦Ada|PERSON⟧ and Bob in Dmeir near ⟦Homs|GPE⟧")
	sum := Summary{NoDocs: true}
	sum.Add(NewScorer(Options{}).Score(d, gold, pred))
	if sum.N != 1 || sum.Docs != nil {
		t.Errorf("NoDocs: N = %d, Docs = %v; want 1 and none kept", sum.N, sum.Docs)
	}
	m := sum.Macro(Strict)
	if m.Labels != 2 || !near(m.Precision, 0.5) || !near(m.Recall, 0.25) || !near(m.F1, 1.0/3) {
		t.Errorf("strict macro = %+v, want P 0.5, R 0.25, F1 1/3 over 2 labels", m)
	}
}
