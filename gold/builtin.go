package gold

import (
	"embed"
	"io/fs"
	"path"

	"github.com/exbench/exbench/corpus"
)

//go:embed dmeir-2016/*.csv
var builtinFS embed.FS

// BuiltinFiles is how many files the bundled gold has: one a document.
const BuiltinFiles = 5

// Builtin returns the mentions of the bundled gold standard of the
// bundled corpus ([corpus.Builtin]), file after file in name order, each
// file named "dmeir-2016/DOC_ID.csv" in its mentions' Source. See
// gold/dmeir-2016/README.md for what it covers and the judgement calls
// behind it.
func Builtin() []corpus.Mention {
	names, err := fs.Glob(builtinFS, corpus.BuiltinName+"/*.csv")
	if err != nil || len(names) != BuiltinFiles {
		panic("gold: bundled gold is missing files") // a build defect, caught by tests
	}
	var ms []corpus.Mention
	for _, name := range names {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			panic("gold: bundled gold is unreadable: " + err.Error())
		}
		f, err := Read(data, path.Clean(name))
		if err != nil {
			panic("gold: bundled gold is broken: " + err.Error()) // a build defect, caught by tests
		}
		ms = append(ms, f...)
	}
	return ms
}
