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
// The model is loaded once per process, on first use (about a third of a
// second), and shared by all goroutines; prose's loader panics on a broken
// model, which is recovered into an error here.
package prose
