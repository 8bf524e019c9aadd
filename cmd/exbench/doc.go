// Exbench evaluates extractors of entities and numbers against
// hand-labelled gold.
//
// Usage:
//
//	exbench <verb> [flags] [arguments]
//
// The verbs are:
//
//	bench     run extractors, score them against the gold, write reports
//	run       run an extractor over a corpus and write its mentions
//	score     score predicted mentions against gold
//	merge     merge partial results of parts of a corpus into its reports
//	compare   compare two systems: differences, intervals, p-values, gates
//	agree     agreement between two annotations: F1 both ways, kappa
//	sweep     score scored predictions at every threshold: P/R curve, best F1
//	convert   convert mentions between CSV, JSONL, brat and CoNLL
//	validate  check mention CSV files against a corpus
//	count     count mentions per label and document
//
// Every verb takes -h, which prints its flags and an example. The exit
// status is 0 on success, 1 on an error or an invalid file, 2 for a
// mistake in the command line, 3 when a gate (-fail-if,
// -fail-on-regression) failed, and 130 when interrupted (SIGINT) before
// any file was written.
//
// Corpora and mention files are described in the README: a corpus is a
// directory of UTF-8 .txt files or a JSONL file of {"id", "text"} records;
// a mention file is a CSV with the columns
// doc_id,start,end,text,label,value,modifier,unit (and optionally alt and
// score), offsets in Unicode code points. With no arguments, the verbs use the bundled corpus (five news
// reports of the April 2016 kidnapping of cement workers in Dmeir, Syria)
// and its hand-labelled gold.
//
// # Validate
//
// Validate checks mention files against a corpus and prints each problem
// as file:line:col: field: problem, the first 10 and then how many more
// (-all prints them all). With no arguments it checks the bundled gold:
//
//	$ exbench validate
//	ok: 388 mentions in 5 files match corpus dmeir-2016 (5 documents)
//
// # Score
//
// Score pairs predicted mentions with gold mentions and prints precision,
// recall and F1 per label, micro and macro, under the strict, exact,
// partial, type and value schemes; -o writes scores.csv, documents.csv,
// confusion.csv, numbers.csv and errors.csv. Each -pred is a system:
//
//	exbench score -gold gold/ -pred v1=out/v1.csv -pred v2=out/v2.csv -o report
//
// With -conll it scores a CoNLL token-per-line file and prints
// conlleval.pl's report, with the same numbers:
//
//	exbench score -conll ner.conll
//
// The verbs that score (score, compare, agree, bench, sweep) share flags
// that make systems comparable: -map and -map-to rename labels (built-in
// maps conll2003 and prose), -labels scores a subset, -scope limits the
// documents or regions the gold covers, -value-tol compares values within
// a relative tolerance.
//
// # Sweep
//
// Sweep scores predictions that carry a score at every distinct threshold
// and prints the best-F1 threshold, the highest recall reachable and the
// curve with bootstrap bands; -o writes curve.csv:
//
//	exbench sweep -pred out/scored.csv -o report
//
// # Count
//
// Count prints how many mentions each document has of each label:
//
//	$ exbench count
//	doc_id                PERSON  NORP  FAC  ORG  GPE  LOC  WORK_OF_ART  DATE  TIME  QUANTITY  CARDINAL  total
//	000_579c75cdcbc092f7      14    12    0   36   26    0            0    12     5         1         6    112
//	001_71bca7856ba8bd44       4    12    2   24    5    1            1     7     1         0        13     70
//	002_989e2592fe66ef2e       0     4    2   22   12    0            0    10     2         2        15     69
//	003_288731a84ca0e35f       5     5    1   25   25    0            0    14     1         0         9     85
//	004_27d7c022eea5a797       1     4    2   13   23    1            0     6     0         1         1     52
//	total                     24    37    7  120   91    2            1    49     9         4        44    388
package main
