package corpus

import (
	"hash/fnv"
	"iter"
)

// Shard returns which of n shards document id belongs to, from 0 to n-1:
// the FNV-1a hash (64 bits) of the ID modulo n. A document's shard
// depends on its ID and n alone, not on its place in the corpus, so
// every process that reads the corpus, in any order, agrees on it.
func Shard(id string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int(h.Sum64() % uint64(n))
}

// ShardOf yields the documents of docs in shard i of n (from 0), as
// [Shard] assigns them; errors pass through.
func ShardOf(docs iter.Seq2[Doc, error], i, n int) iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		for d, err := range docs {
			if err == nil && Shard(d.ID, n) != i {
				continue
			}
			if !yield(d, err) {
				return
			}
		}
	}
}
