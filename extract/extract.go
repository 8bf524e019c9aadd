// Package extract runs extractors over a corpus. An [Extractor] finds
// mentions in one document; [Stream] drives one over documents read one
// at a time, with a bounded pool of workers, and hands out each
// document's mentions in corpus order with the run's [Stats] (timings,
// the corpus's fingerprint); [Run] collects it; a [Manifest] records a
// run. [Combine] makes several extractors one.
//
// Each built-in extractor is a sub-package: prose (named entities, with
// the prose NER model), numbers and dates (rule-based), and external (any
// program that speaks a JSON-lines protocol).
package extract

import (
	"context"

	"github.com/exbench/exbench/corpus"
)

// Extractor finds mentions in documents. Implementations must be safe for
// concurrent use: [Run] calls Extract from several goroutines at once.
type Extractor interface {
	// Name is a short name, such as "numbers".
	Name() string
	// Version changes whenever the output could change: rules, model,
	// dependency version. It is written into every output.
	Version() string
	// Extract returns the mentions found in doc, with DocID set to doc.ID,
	// spans in code points and Text the document's text at the span.
	// Finding nothing is not an error.
	Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error)
}
