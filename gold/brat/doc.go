// Package brat reads and writes brat standoff: a directory of NAME.txt
// files, each a document's text, and NAME.ann files of its text-bound
// annotations (T lines), with numbers' value, modifier and unit in
// AnnotatorNotes. [Read] reports every problem with its file, line and
// column; [Write] writes what Read reads back, under file names that no
// document ID can turn into a path outside the directory ([FileName]).
package brat
