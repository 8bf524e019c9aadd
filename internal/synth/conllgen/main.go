// Conllgen writes a synthetic CoNLL-2003-sized token-per-line file, for
// measuring exbench score -conll beside conlleval.pl:
//
//	go run ./internal/synth/conllgen -tokens 46435 > test.conll
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/exbench/exbench/internal/synth"
)

func main() {
	tokens := flag.Int("tokens", 46435, "how many tokens (CoNLL-2003's test set has 46,435)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	n, err := synth.CoNLL(os.Stdout, *tokens, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conllgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "conllgen: %d tokens, %d gold entities\n", *tokens, n)
}
