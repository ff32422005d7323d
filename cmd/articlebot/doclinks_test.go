package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// mdLink matches the target of an inline Markdown link or image,
// "[text](target)" or "![alt](target "title")".
var mdLink = regexp.MustCompile(`\]\(([^()\s]+)(?:\s+"[^"]*")?\)`)

// fence matches a fenced code block, whose text is not Markdown.
var fence = regexp.MustCompile("(?ms)^```.*?^```")

// inlineCode matches a code span, whose text is not Markdown either.
var inlineCode = regexp.MustCompile("`[^`\n]*`")

// mdHeading matches an ATX heading.
var mdHeading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+(.+?)[ \t#]*$`)

// markdownText returns doc without its code blocks and code spans, where
// links are not links.
func markdownText(doc string) string {
	return inlineCode.ReplaceAllString(fence.ReplaceAllString(doc, ""), "")
}

// headingAnchor returns the anchor GitHub gives a heading: its text in
// lower case, without Markdown's marks and punctuation, spaces made hyphens.
func headingAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anchors returns the anchors of the headings of a Markdown document; a
// heading that repeats an earlier one gets "-1", "-2" and so on, as on
// GitHub.
func anchors(doc string) map[string]bool {
	seen := map[string]int{}
	out := map[string]bool{}
	for _, m := range mdHeading.FindAllStringSubmatch(fence.ReplaceAllString(doc, ""), -1) {
		a := headingAnchor(m[1])
		if n := seen[a]; n > 0 {
			out[fmt.Sprintf("%s-%d", a, n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}

func TestHeadingAnchor(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"Quick start", "quick-start"},
		{"/summary", "summary"},
		{"The gateway mode: one process, or one per shard", "the-gateway-mode-one-process-or-one-per-shard"},
		{"Health, metrics and logs", "health-metrics-and-logs"},
		{"The `articlebot` command", "the-articlebot-command"},
		{"Find in article", "find-in-article"},
	}
	for _, tc := range tests {
		if got := headingAnchor(tc.heading); got != tc.want {
			t.Errorf("headingAnchor(%q) = %q, want %q", tc.heading, got, tc.want)
		}
	}
	if got := anchors("# A\n## B\n```\n# not a heading\n```\n## B\n"); !got["a"] || !got["b"] || !got["b-1"] || got["not-a-heading"] {
		t.Errorf("anchors = %v, want a, b and b-1 only", got)
	}
}

// TestDocLinks checks that every relative link in the README,
// CONTRIBUTING.md and docs/ points to a file or directory of the
// repository, and that a link to a heading, in the same document or in
// another Markdown file, names one that exists.
func TestDocLinks(t *testing.T) {
	chdirRoot(t)
	checked := 0
	for _, name := range docFiles(t) {
		doc := readFile(t, name)
		for _, m := range mdLink.FindAllStringSubmatch(markdownText(doc), -1) {
			target := m[1]
			if u := strings.Index(target, ":"); u > 0 && !strings.ContainsAny(target[:u], "/#.") {
				continue // a URL: https:, mailto:
			}
			checked++
			path, anchor, _ := strings.Cut(target, "#")
			file := name
			if path != "" {
				file = filepath.Join(filepath.Dir(name), filepath.FromSlash(path))
				if _, err := os.Stat(file); err != nil {
					t.Errorf("%s links to %s, which does not exist: %v", name, target, err)
					continue
				}
			}
			if anchor == "" {
				continue
			}
			if filepath.Ext(file) != ".md" {
				t.Errorf("%s links to %s: a heading in a file that is not Markdown", name, target)
				continue
			}
			if !anchors(readFile(t, file))[anchor] {
				t.Errorf("%s links to %s, but %s has no heading with the anchor #%s", name, target, file, anchor)
			}
		}
	}
	if checked == 0 {
		t.Fatal("the docs have no relative links")
	}
}
