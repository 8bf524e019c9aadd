// Package conll reads and writes token-per-line files with IOB tags, as
// CoNLL-2003 distributes them:
//
//	-DOCSTART- -X- O O
//
//	Ada NNP B-PER B-PER
//	Lovelace NNP I-PER O
//
// A [Reader] reads a file with a gold and a predicted tag column, one
// document at a time, into chunks exactly as conlleval.pl does (or by
// the strict IOB2 and IOBES rules), for scoring. [ReadTags] reads a file
// of one tag column into documents and mentions, and [Write] writes one.
// Texts are rebuilt from the tokens, one space between tokens and a line
// break between sentences, so offsets are those of the rebuilt text.
package conll
