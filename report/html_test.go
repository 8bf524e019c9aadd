package report_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/exbench/exbench/report"
)

// TestHTMLSelfContained: the report fetches nothing: no src or href
// outside the page, no external style or font, and the errors it holds
// are the scoring's.
func TestHTMLSelfContained(t *testing.T) {
	res, _, _ := scored(t)
	var b bytes.Buffer
	if err := report.HTML(&b, res, nil, report.NewHTMLErrors([]string{"A", "B"})); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:|//)|@import|url\(`).FindString(page); m != "" {
		t.Errorf("the page fetches something: %q", m)
	}
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="en">`, "<svg role=\"img\"", "<title id=\"lc-", `<script type="application/json" id="errors-data">[]</script>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestPlots: every chart is written as an SVG file of its own that parses
// as XML, with its title.
func TestPlots(t *testing.T) {
	res, _, _ := scored(t)
	plots := report.HTMLReport{Result: res}.Plots()
	if len(plots) < 4 {
		t.Fatalf("%d plots", len(plots))
	}
	for _, p := range plots {
		var b bytes.Buffer
		if err := p.Write(&b); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(&b)
		titled := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", p.Name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "title" {
				titled = true
			}
		}
		if !strings.HasSuffix(p.Name, ".svg") || !titled {
			t.Errorf("%s: not an SVG file with a title", p.Name)
		}
	}
}
