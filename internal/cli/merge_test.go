package cli

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/exbench/exbench/internal/synth"
	gocmp "github.com/google/go-cmp/cmp"
)

// generated writes a corpus of n generated news documents to dir, and
// returns its path.
func generated(t *testing.T, dir string, n int, seed uint64) string {
	t.Helper()
	var b strings.Builder
	for i, text := range synth.NewsDocs(n, 600, seed) {
		line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("g%05d", i), "text": text})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// must runs exbench and fails the test unless it exits 0; it returns
// stdout.
func must(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := exbench(t, args...)
	if code != 0 {
		t.Fatalf("exbench %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stdout
}

// readDir returns every file under dir by its path below it.
func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestMergeShardsCommand scores corpora whole and in shards (run
// -shard and score -shard -partial, then merge, the partials in a random
// order), with intervals, slices and an HTML report, and checks that the
// table and every file are the same bytes. Some shardings leave shards
// with no document.
func TestMergeShardsCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("scores corpora many times")
	}
	tmp := t.TempDir()
	gen := generated(t, tmp, 300, 7)
	// The generated corpus's gold: the numbers extractor's mentions, of
	// which the two systems below get some wrong or miss some.
	genGold := filepath.Join(tmp, "gen-gold.csv")
	must(t, "run", "-extractor", "numbers", "-corpus", gen, "-o", genGold)
	cases := []struct {
		name   string
		corpus []string // -corpus and -gold, none for the bundled ones
		shards []int
	}{
		{"bundled", nil, []int{1, 2, 3, 7}},
		{"generated", []string{"-corpus", gen, "-gold", genGold}, []int{2, 5}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			in := tc.corpus
			var corpusOnly []string
			if len(in) > 0 {
				corpusOnly = in[:2]
			}
			systems := []string{"dates", "numbers+dates"}
			var preds []string
			for _, s := range systems {
				out := filepath.Join(dir, strings.ReplaceAll(s, "+", "-")+".csv")
				must(t, append([]string{"run", "-extractor", s, "-o", out}, corpusOnly...)...)
				preds = append(preds, "-pred", s+"="+out)
			}
			flags := []string{"-ci", "-seed", "9", "-resamples", "300", "-slices", "-skip-uncovered"}
			whole := filepath.Join(dir, "whole")
			wantTable := must(t, slices.Concat([]string{"score"}, in, preds, flags, []string{"-o", whole, "-html", filepath.Join(dir, "whole.html")})...)
			want := readDir(t, whole)
			wantHTML, _ := os.ReadFile(filepath.Join(dir, "whole.html"))
			for _, n := range tc.shards {
				var parts []string
				for i := 1; i <= n; i++ {
					// Each shard extracts its own documents, as a worker would.
					var spreds []string
					for _, s := range systems {
						out := filepath.Join(dir, fmt.Sprintf("%s-%d-%d.csv", strings.ReplaceAll(s, "+", "-"), i, n))
						must(t, append([]string{"run", "-extractor", s, "-shard", fmt.Sprintf("%d/%d", i, n), "-o", out}, corpusOnly...)...)
						spreds = append(spreds, "-pred", s+"="+out)
					}
					part := filepath.Join(dir, fmt.Sprintf("part-%d-%d.exb", i, n))
					must(t, slices.Concat([]string{"score", "-shard", fmt.Sprintf("%d/%d", i, n), "-partial", part}, in, spreds, flags)...)
					parts = append(parts, part)
				}
				rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
				out := filepath.Join(dir, fmt.Sprintf("merged-%d", n))
				html := filepath.Join(dir, fmt.Sprintf("merged-%d.html", n))
				table := must(t, append([]string{"merge", "-o", out, "-html", html}, parts...)...)
				table = strings.ReplaceAll(table, html, filepath.Join(dir, "whole.html"))
				if diff := gocmp.Diff(wantTable, table); diff != "" {
					t.Errorf("%d shards: the table differs (-whole +merged):\n%s", n, diff)
				}
				if diff := gocmp.Diff(want, readDir(t, out)); diff != "" {
					t.Errorf("%d shards: the reports differ (-whole +merged):\n%s", n, diff)
				}
				if got, _ := os.ReadFile(html); string(got) != string(wantHTML) {
					t.Errorf("%d shards: the HTML report differs", n)
				}
			}
		})
	}
}

// TestMergeRefuses checks that partials that do not make one corpus's
// result are refused, with a message saying why, and that no report is
// written.
func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	numbers := filepath.Join(dir, "numbers.csv")
	must(t, "run", "-extractor", "numbers", "-o", numbers)
	part := func(name string, args ...string) string {
		p := filepath.Join(dir, name)
		must(t, slices.Concat([]string{"score", "-pred", numbers, "-partial", p}, args)...)
		return p
	}
	s1 := part("s1.exb", "-shard", "1/2")
	s2 := part("s2.exb", "-shard", "2/2")
	whole := part("whole.exb")
	ci := part("ci.exb", "-shard", "2/2", "-ci")
	s3 := part("s3.exb", "-shard", "2/3")
	// Another gold: the bundled gold without one mention.
	goldDir := filepath.Join(dir, "gold")
	if err := os.MkdirAll(goldDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../gold/dmeir-2016/*.csv")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if i == len(files)-1 {
			lines := strings.SplitAfter(string(b), "\n")
			b = []byte(lines[0] + strings.Join(lines[2:], ""))
		}
		if err := os.WriteFile(filepath.Join(goldDir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	other := part("other.exb", "-shard", "2/2", "-gold", goldDir)
	trunc := filepath.Join(dir, "trunc.exb")
	full, _ := os.ReadFile(s2)
	os.WriteFile(trunc, full[:len(full)-10], 0o644)
	junk := filepath.Join(dir, "junk.exb")
	os.WriteFile(junk, []byte("doc_id,start,end\n"), 0o644)

	for _, tc := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"a document twice", []string{whole, whole}, `document "000_579c75cdcbc092f7" is in`},
		{"a shard twice", []string{s1, s1}, "are both shard 1/2: merge each shard once"},
		{"a whole and a shard", []string{whole, s1}, "is a shard of 0"},
		{"other options", []string{s1, ci}, "were scored with other options (none; -ci=true)"},
		{"other shard counts", []string{s1, s3}, "is a shard of 2"},
		{"another gold", []string{s1, other}, "were scored against different golds"},
		{"truncated", []string{s1, trunc}, "trunc.exb: truncated"},
		{"not a partial", []string{s1, junk}, "junk.exb: not a partial result"},
		{"none", nil, "merge: no partial results"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(tc.name, " ", "-"))
			code, _, stderr := exbench(t, append([]string{"merge", "-o", out}, tc.parts...)...)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want an error with %q", code, stderr, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
	// The two shards together are the whole.
	must(t, "merge", s1, s2)
}
