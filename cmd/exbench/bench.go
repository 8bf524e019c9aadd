package main

import (
	"context"
	"errors"
	"io"
)

const benchUsage = `
Usage: exbench bench

Bench will run every built-in extractor over the bundled corpus, score each
against the bundled gold and write the reports. It is not available yet:
exbench has no built-in extractors so far. Until then, 'exbench validate'
checks the bundled gold and 'exbench count' summarises it.
`

func runBench(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := newFlagSet("bench", benchUsage)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	return errors.New("bench: not available yet: exbench has no built-in extractors so far; 'exbench validate' checks the bundled gold and 'exbench count' summarises it")
}
