package gold

import (
	"embed"
	"io/fs"
	"path"

	"github.com/exbench/exbench/corpus"
)

//go:embed dmeir-2016/*.csv
var builtinFS embed.FS

// Builtin returns the bundled gold standard of the bundled corpus
// ([corpus.Builtin]): one file a document, each named
// "dmeir-2016/DOC_ID.csv", in name order. See gold/dmeir-2016/README.md
// for what it covers and the judgement calls behind it.
func Builtin() []*File {
	names, err := fs.Glob(builtinFS, corpus.BuiltinName+"/*.csv")
	if err != nil {
		panic(err) // the pattern is constant
	}
	files := make([]*File, 0, len(names))
	for _, name := range names {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			panic("gold: bundled gold is unreadable: " + err.Error())
		}
		f, err := Read(data, path.Clean(name))
		if err != nil {
			panic("gold: bundled gold is broken: " + err.Error()) // a build defect, caught by tests
		}
		files = append(files, f)
	}
	return files
}

// Mentions returns the mentions of all files, in file order.
func Mentions(files []*File) []corpus.Mention {
	var ms []corpus.Mention
	for _, f := range files {
		ms = append(ms, f.Mentions...)
	}
	return ms
}
