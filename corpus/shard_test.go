package corpus

import (
	"fmt"
	"testing"
)

// TestShard checks the hash against values worked out from FNV-1a's
// definition (offset basis 14695981039346656037, prime 1099511628211),
// and that shards of many IDs are about equal in size.
func TestShard(t *testing.T) {
	fnv := func(s string) uint64 {
		h := uint64(14695981039346656037)
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
		return h
	}
	for _, id := range []string{"", "a", "001_a4c2bd40ed2bc2e0", "doc-42", "é"} {
		for _, n := range []int{1, 2, 3, 7, 1000} {
			if got, want := Shard(id, n), int(fnv(id)%uint64(n)); got != want {
				t.Errorf("Shard(%q, %d) = %d, want %d", id, n, got, want)
			}
		}
	}
	// "" hashes to the offset basis: 14695981039346656037 % 7 = 2.
	if got := Shard("", 7); got != 2 {
		t.Errorf("Shard(\"\", 7) = %d, want 2", got)
	}
	sizes := make([]int, 4)
	for i := range 40000 {
		sizes[Shard(fmt.Sprintf("d%06d", i), 4)]++
	}
	for s, n := range sizes {
		if n < 9000 || n > 11000 {
			t.Errorf("shard %d of 4 holds %d of 40000 documents: %v", s, n, sizes)
		}
	}
}
