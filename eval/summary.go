package eval

import (
	"slices"

	"github.com/exbench/exbench/corpus"
	"gonum.org/v1/gonum/mat"
)

// Summary adds up the results of a system's documents.
type Summary struct {
	// Docs holds each document's counts over all labels, in the order
	// added.
	Docs []DocCounts
	// N counts the documents added.
	N int
	// NoDocs, set before the first Add, leaves Docs empty, so that a
	// Summary's memory does not grow with the number of documents.
	NoDocs bool

	labels    map[corpus.Label]*LabelCounts
	confusion map[[2]corpus.Label]int
	numbers   map[corpus.Label]NumberChain
}

// DocCounts is a document's counts: over all labels, by scheme, and per
// label, the document's sufficient statistics for resampling.
type DocCounts struct {
	DocID  string
	Pos    int                      // the document's position in its corpus (see DocResult.Pos)
	Scheme [len(schemeNames)]Counts // all labels together
	Labels []LabelCounts            // All first, then each label present
}

// Add adds a document's result.
func (s *Summary) Add(r DocResult) {
	if s.labels == nil {
		s.labels = map[corpus.Label]*LabelCounts{}
		s.confusion = map[[2]corpus.Label]int{}
		s.numbers = map[corpus.Label]NumberChain{}
	}
	for _, c := range r.Numbers {
		t, ok := s.numbers[c.Label]
		if !ok {
			t.Label = c.Label
		}
		s.numbers[c.Label] = t.Plus(c)
	}
	s.N++
	if !s.NoDocs {
		s.Docs = append(s.Docs, DocCounts{DocID: r.DocID, Pos: r.Pos, Scheme: r.Counts[0].Scheme, Labels: r.Counts})
	}
	for _, lc := range r.Counts {
		t := s.labels[lc.Label]
		if t == nil {
			t = &LabelCounts{Label: lc.Label}
			s.labels[lc.Label] = t
		}
		for sc := range t.Scheme {
			t.Scheme[sc] = t.Scheme[sc].Plus(lc.Scheme[sc])
		}
	}
	for _, c := range r.Confusion {
		s.confusion[[2]corpus.Label{c.Gold, c.Pred}] += c.N
	}
}

// Merge adds the counts of o, a summary of other documents of the same
// corpus, to s. Each document's counts ([Summary.Docs]) come in corpus
// order, by their positions, so that merging the parts of a corpus
// scored apart gives the summary of the whole, whatever the parts.
func (s *Summary) Merge(o *Summary) {
	s.N += o.N
	s.Docs = mergeDocs(s.Docs, o.Docs)
	if o.labels == nil {
		return
	}
	if s.labels == nil {
		s.labels = map[corpus.Label]*LabelCounts{}
		s.confusion = map[[2]corpus.Label]int{}
		s.numbers = map[corpus.Label]NumberChain{}
	}
	for l, lc := range o.labels {
		t := s.labels[l]
		if t == nil {
			t = &LabelCounts{Label: l}
			s.labels[l] = t
		}
		for sc := range t.Scheme {
			t.Scheme[sc] = t.Scheme[sc].Plus(lc.Scheme[sc])
		}
	}
	for k, n := range o.confusion {
		s.confusion[k] += n
	}
	for l, c := range o.numbers {
		t, ok := s.numbers[l]
		if !ok {
			t.Label = l
		}
		s.numbers[l] = t.Plus(c)
	}
}

// mergeDocs merges two lists of counts, each in corpus order, by
// position; counts of one position (a document's sentences) keep their
// order.
func mergeDocs(a, b []DocCounts) []DocCounts {
	if len(b) == 0 {
		return a
	}
	out := make([]DocCounts, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Pos < a[0].Pos {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// Labels returns the counts of [All] and of each label seen, in
// [CompareLabels] order.
func (s *Summary) Labels() []LabelCounts {
	out := make([]LabelCounts, 0, len(s.labels)+1)
	for _, lc := range s.labels {
		out = append(out, *lc)
	}
	if s.labels[All] == nil {
		out = append(out, LabelCounts{Label: All})
	}
	slices.SortFunc(out, func(a, b LabelCounts) int { return CompareLabels(a.Label, b.Label) })
	return out
}

// Numbers returns the chains of the gold numbers, [All] first, then each
// numeric label with gold mentions, in [CompareLabels] order; none when
// the gold has no number.
func (s *Summary) Numbers() []NumberChain {
	var out []NumberChain
	for _, c := range s.numbers {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b NumberChain) int { return CompareLabels(a.Label, b.Label) })
	return out
}

// Micro returns the counts over all labels under sc.
func (s *Summary) Micro(sc Scheme) Counts {
	if lc := s.labels[All]; lc != nil {
		return lc.Scheme[sc]
	}
	return Counts{}
}

// Macro is an average over labels.
type Macro struct {
	Precision, Recall, F1 float64
	Labels                int // how many labels were averaged; 0 means the averages are 0/0
}

// Macro averages precision, recall and F1 under sc over the labels that
// have a gold or a predicted mention under sc (for Value, the numeric
// labels): the unweighted mean of each metric, as scikit-learn's
// average="macro" computes it, so F1 is the mean of the labels' F1, not
// the F1 of the mean P and R. A label's 0/0 metric counts as 0.
func (s *Summary) Macro(sc Scheme) Macro {
	var m Macro
	for _, lc := range s.Labels() {
		c := lc.Scheme[sc]
		if lc.Label == All || c.Possible()+c.Actual() == 0 {
			continue
		}
		m.Precision += c.Precision()
		m.Recall += c.Recall()
		m.F1 += c.F1()
		m.Labels++
	}
	if m.Labels > 0 {
		n := float64(m.Labels)
		m.Precision, m.Recall, m.F1 = m.Precision/n, m.Recall/n, m.F1/n
	}
	return m
}

// Confusion returns the label confusion matrix over the pairs of the
// Strict pairing: a row per gold label and a last row [Spurious], a column
// per predicted label and a last column [Missed]. Cell (i, j) counts the
// gold mentions of label golds[i] paired with a prediction of label
// preds[j]; the Spurious row counts predictions paired with nothing, the
// Missed column gold mentions paired with nothing. Labels are in
// [CompareLabels] order. The matrix is nil when there are no mentions.
func (s *Summary) Confusion() (golds, preds []corpus.Label, m *mat.Dense) {
	for k := range s.confusion {
		if k[0] != Spurious && !slices.Contains(golds, k[0]) {
			golds = append(golds, k[0])
		}
		if k[1] != Missed && !slices.Contains(preds, k[1]) {
			preds = append(preds, k[1])
		}
	}
	slices.SortFunc(golds, CompareLabels)
	slices.SortFunc(preds, CompareLabels)
	golds = append(golds, Spurious)
	preds = append(preds, Missed)
	if len(s.confusion) == 0 {
		return golds, preds, nil
	}
	m = mat.NewDense(len(golds), len(preds), nil)
	for k, n := range s.confusion {
		m.Set(slices.Index(golds, k[0]), slices.Index(preds, k[1]), float64(n))
	}
	return golds, preds, m
}
