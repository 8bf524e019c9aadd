// Package prose is an extractor of named entities with the NER model of
// github.com/jdkato/prose/v2, exbench's baseline for people, places and
// organisations.
//
// prose labels entities with the ACE-style labels of its model; they map
// to OntoNotes as follows, and entities with any other label are dropped:
//
//	prose         OntoNotes
//	PERSON        PERSON
//	GPE           GPE
//	GSP           GPE     (geo-social-political: a country or city as a group)
//	ORGANIZATION  ORG
//	LOCATION      LOC
//	FACILITY      FAC
//
// prose returns entities as text without offsets. They are aligned to the
// document here: prose tokenizes a copy of the text in which curly quotes
// are straightened; this package makes the same copy with a map back to
// the original code points, finds each token in it in order, searching
// forward, and gives each entity the span from its first token's start to
// its last token's end.
//
// # The fast path
//
// Extract does not call prose: it runs its own implementation of the steps
// prose v2.0.0's NewDocument runs on the way to entities (with
// segmentation off, as this package always called it), on prose's own
// model data, and gives the same tokens, tags, IOB labels and entities,
// fifty to a hundred times faster (issue 17). The steps, and what is
// different about how they run:
//
//   - Tokenization: prose's rules, byte for byte: the
//     straightened quotes, the split at space, the prefixes, the cuts before
//     'll 's 're 'm n't found in the lower case, the suffixes, the emoticons
//     and abbreviations kept whole, and the cache of whitespace-separated
//     spans, whose repeats share one *Token in prose: a repeated token ends
//     with the tag and label of its last occurrence, and the classifier and
//     the chunker read those, so the fast path keeps that too.
//   - POS tagging (the averaged perceptron): the rules (emoticons, links,
//     e-mail addresses, ...), the tag dictionary, and the perceptron's 14
//     features, looked up as integer ids: each feature string of the model
//     is interned at load time, the features a tag or a pair of tags
//     determine are tables, and those a word determines are computed once
//     per word and remembered (a pooled scratch holds up to 65,536 words).
//     The weights have three decimals, so the scores are summed exactly, in
//     thousandths, as integers.
//   - Entity classification (the maxent classifier): the 17 features of
//     prose's extract, found the same way, and the weights of each label
//     added in prose's feature order, so the float sums are prose's, bit for
//     bit.
//   - Chunking: prose's rules, on token indexes.
//
// Where prose's own result is not determined, the fast path's is one of
// prose's: when two tags tie for the highest score (about once in 60,000
// tokens), prose sums the weights in Go's randomised map order and takes
// the first best in map order, so it gives either tag from run to run; the
// fast path takes the tag that comes first in the model's class list. The
// classifier's labels never tied on the test texts, and would be treated
// the same way. Where prose panics (a token whose lower case is longer than
// the token, as in "ȺȺȺȺ's"), Extract returns an error. A text over 1 GiB
// goes through prose's own pipeline.
//
// [Extractor.Reference] runs prose's own pipeline instead, for comparison;
// the tests compare the two on the seed corpus, generated texts, texts of
// the Go module cache and fuzzed input.
//
// The model is loaded once per process, on first use, and shared by all
// goroutines: the fast path reads prose's embedded model files (through
// prose.Asset), the two large ones straight from their gob streams, in
// about 0.4 s in a fresh process, where prose's own loader takes about
// 0.5 s; prose's loader panics on a broken model, which is recovered into
// an error here.
package prose
