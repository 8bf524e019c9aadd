// Package eval scores predicted mentions against gold mentions: per
// scheme, per label and per document, with a label confusion matrix, a
// list of every mistake, confidence intervals and comparisons of
// systems. It works on plain [corpus.Mention] values and knows nothing of
// files, extractors or rendering.
//
// Where it stands in exbench:
//
//	corpus ─→ extract ─→ mentions ─→ eval ←─ gold
//	                                  │
//	                                  └─→ report
//
// corpus reads documents, extract runs extractors over them, gold reads
// mention files; eval joins the documents with the gold's and each
// system's mentions and scores them; report lays the results out as CSV
// files and tables.
//
// # Scoring a corpus
//
// [Score] takes an [Input] (the corpus, the gold and each system, every
// one a sequence read once, mentions in any order) and a [Setup] (label
// map, label subset, scope, coverage, what to resample, intervals) and
// returns a [Result]: each system's counts, its per-document counts
// when asked, intervals, and what was left out. [Input.Cases] is the join
// it runs on: the gold's and systems' mentions grouped by document in a
// compact store, then the corpus read one document at a time, every
// mention checked against its text, the scope and the coverage rule
// applied; [ScoreCases] scores cases from any other source (a CoNLL
// file). [Result.Compare] compares two systems, [Input.Sweep] sweeps a
// scored one, [Agree] scores two annotations against each other. Every
// figure is a sum of per-document counts, so results of parts of a corpus
// ([Setup.Only]) merge into the result of the whole ([Result.Merge]).
// Caveats of the statistics come back as values beside the figures
// ([Row.Warnings], [Comparison.Warnings]), never as text.
//
// # Schemes
//
// Every gold and predicted mention of a document gets one outcome under
// each scheme: correct (COR), incorrect (INC), partial (PAR), missed (MIS)
// or spurious (SPU). The four entity schemes are those of SemEval-2013
// task 9.1 (Segura-Bedmar et al., 2013), with the names nervaluate uses:
//
//	strict   same boundaries and same label → COR; any other overlap → INC
//	exact    same boundaries → COR, labels ignored; any other overlap → INC
//	partial  same boundaries → COR; any other overlap → PAR, labels ignored
//	type     overlap with the same label → COR; with another label → INC
//
// A gold mention paired with nothing is MIS, a prediction paired with
// nothing SPU. The fifth scheme, value, covers the numeric labels
// (CARDINAL, ORDINAL, QUANTITY, PERCENT, MONEY) only: a predicted number
// overlapping a gold number is COR when value, modifier and unit are all
// the same (values compared as numbers, so 270000 equals 270,000.0) and
// INC otherwise, whatever the two labels; so "more than 300" predicted as
// 300 is found, but read wrong. [Options.ValueTol] accepts values within a
// relative tolerance; two ranges (whose value is the low end) must also
// agree on their high ends, the last number in digits in each text.
// [DocResult.Numbers] follows the gold numbers through the value pairing:
// found, then value right, then modifier too, then unit too.
//
// From the counts, with POS = COR+INC+PAR+MIS (gold mentions) and ACT =
// COR+INC+PAR+SPU (predictions):
//
//	precision = (COR + 0.5·PAR) / ACT
//	recall    = (COR + 0.5·PAR) / POS
//	F1        = 2·precision·recall / (precision + recall)
//
// PAR is 0 outside the partial scheme. A ratio whose denominator is 0 (no
// predictions, no gold, or precision + recall = 0) is reported as 0, as
// conlleval and scikit-learn's zero_division=0 do, and [Counts.Undefined]
// says when that happened, so a report can say so beside the 0.
//
// # Pairing
//
// Gold and predicted mentions are paired one to one, and only mentions
// that overlap (share a character) can pair. Among all overlapping pairs,
// the most preferred is taken first, then the next whose two mentions are
// both still free, and so on. Preference is, in order:
//
//  1. a class that depends on the scheme: for strict, exact and partial,
//     same span and label, then same span, then same label, then any
//     overlap; for type, same label and span, then same label, then same
//     span, then any overlap; for value, same number and span, then same
//     number, then same span, then any overlap;
//  2. the larger overlap, in characters;
//  3. the gold mention that comes first, then the prediction that comes
//     first, in the order start, end, label, value, modifier, unit, text.
//
// A gold mention with alternative spans ([corpus.Mention.Alts]) first
// takes, among its own span and its alternatives, the one that best fits a
// prediction (same span and label, then same span, then an overlap with
// the same label, then any overlap, the larger first, its own span on a
// tie); pairing then treats it as a mention with that span.
//
// The rule looks only at the mentions, never at the order they were
// given in, so shuffling input rows cannot change a single count.
// nervaluate pairs each prediction with the first overlapping gold
// mention in input order, so there the same mentions given in another
// order can score differently.
//
// # Labels, micro and macro
//
// The micro counts ([All]) score all mentions together. A label's own
// counts score that label's mentions alone, on both sides, as nervaluate's
// per-type results do: a prediction labelled ORG over a gold PERSON is one
// INC under strict in the micro counts, but a MIS in PERSON's counts and a
// SPU in ORG's. The strict COR, POS and ACT of the labels add up to the
// micro ones, so strict micro precision, recall and F1 are conlleval's.
// The macro average is the unweighted mean of the labels' precision,
// recall and F1, over the labels that have a gold or a predicted mention.
//
// Counts are kept per document and added up; precision, recall and F1 are
// computed once from the corpus sums, the partial scheme's half credit
// applied to the summed PAR, never averaged over documents, so a corpus
// of many documents scores as one document holding them all would.
//
// # Scope, sweeps and statistics
//
// A [Scope] says which documents, or regions of them, a gold set covers;
// mentions outside it are left out rather than counted. [Sweep] scores
// predictions that carry a confidence at every threshold. [Bootstrap]
// gives confidence intervals, [Compare] a paired comparison of two
// systems, [TokenKappa] Cohen's kappa between two annotations.
package eval
