package gold

import "errors"

// Problem categories of mention CSVs, for use with [errors.Is] on a
// [*corpus.Problem], beside the categories every reader shares
// (corpus.ErrUTF8, corpus.ErrOffset, corpus.ErrLabel, ...).
var (
	ErrSyntax = errors.New("malformed CSV")
	ErrHeader = errors.New("bad header")
	ErrEmpty  = errors.New("empty file")
	ErrFields = errors.New("wrong number of fields")
)
