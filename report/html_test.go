package report_test

import (
	"bytes"
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
