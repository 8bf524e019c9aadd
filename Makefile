# The Makefile only wraps go. 'make test' is what CI runs.

GO       ?= go
FUZZTIME ?= 30s
BENCH    ?= .

# Every fuzz target, as package:Target.
FUZZ_TARGETS = ./corpus:FuzzIndex ./corpus:FuzzAlign ./corpus:FuzzReadJSONL ./corpus:FuzzSentences ./corpus:FuzzParseLabelMap \
	./gold:FuzzRead ./gold:FuzzReadScope ./gold:FuzzReadMeta ./gold/jsonl:FuzzRead ./gold/brat:FuzzRead ./gold/conll:FuzzReader ./gold/conll:FuzzWrite \
	./eval:FuzzStore ./partial:FuzzRead ./report:FuzzRaster \
	./extract/numbers:FuzzFind ./extract/dates:FuzzFind ./extract/prose:FuzzExtract ./extract/prose:FuzzFast \
	./extract/external:FuzzParseAnswer ./extract/external:FuzzSplitWords

.PHONY: build test test-beam race vet fuzz bench depcheck screenshot

build:
	$(GO) build -o bin/exbench ./cmd/exbench

# -race needs cgo and a C compiler; without one, test without it.
test: vet depcheck
	@cc="$$($(GO) env CC)"; \
	if [ "$$($(GO) env CGO_ENABLED)" = 1 ] && command -v "$${cc%% *}" >/dev/null 2>&1; then \
		echo "$(GO) test -race ./..."; $(GO) test -race ./... && \
		echo "$(GO) test -run TestCoverage ./eval  (the full simulation, too slow under -race)" && \
		$(GO) test -run TestCoverage ./eval; \
	else \
		echo "make test: no C compiler for cgo ($$cc), so running without -race"; \
		echo "$(GO) test ./..."; $(GO) test ./...; \
	fi

# The Beam module (beam/, a module of its own): its vet, gofmt check and
# tests, which run the pipeline on Beam's local runner. The first build
# compiles the Beam SDK: several minutes and about 1 GB of modules.
test-beam:
	$(MAKE) -C beam test

race:
	$(GO) test -race ./...

vet:
	$(GO) vet ./...

# Each fuzz target for FUZZTIME; 'go test' alone replays the seed corpora.
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "$(GO) test $${t%%:*} -run '^$$' -fuzz '^$${t##*:}$$' -fuzztime $(FUZZTIME)"; \
		$(GO) test "$${t%%:*}" -run '^$$' -fuzz "^$${t##*:}$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem ./...

# eval and corpus must not depend on prose or gocsv, nor on the packages
# that read files and render reports.
depcheck:
	@bad="$$($(GO) list -deps ./corpus/... ./eval/... 2>/dev/null | grep -E '^github.com/(jdkato/prose|gocarina/gocsv|exbench/exbench/(gold|report|extract))')"; \
	if [ -n "$$bad" ]; then echo "depcheck: eval or corpus depends on: $$bad"; exit 1; fi; \
	echo "depcheck: eval and corpus are free of prose, gocsv, gold, report and extract"

# The README's picture of the HTML report, taken by its browser test
# (needs Chromium).
screenshot:
	EXBENCH_SCREENSHOT=$(CURDIR)/docs/report.png $(GO) test -count=1 -run TestHTMLInBrowser ./internal/cli
