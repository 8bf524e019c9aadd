package marks

import (
	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// CmpMentions compares mentions with go-cmp, ignoring where they were
// read from.
var CmpMentions = []cmp.Option{cmp.AllowUnexported(corpus.Value{}), cmpopts.IgnoreFields(corpus.Mention{}, "Source")}
