package extract

import (
	"strings"
	"testing"
)

func TestMarkdownGolden(t *testing.T) {
	d, err := Markdown(string(readFixture(t, "story.md")))
	if err != nil {
		t.Fatalf("Markdown(story.md) = %v", err)
	}
	checkGolden(t, "story.golden", render(d))
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, src, title string
		want             []string
	}{
		{"a link is its text", "The council met [in the old hall](https://x.example/hall) on Monday.", "",
			[]string{"The council met in the old hall on Monday."}},
		{"a link does not split a reported statement", "She said the [park](https://x.example/park \"Park\") would stay open, and the mayor agreed.", "",
			[]string{"She said the park would stay open, and the mayor agreed."}},
		{"emphasis and code", "It was *very* **loud** and `quiet`.", "", []string{"It was very loud and quiet."}},
		{"a wrapped paragraph is one line", "The first line\nand the second.", "", []string{"The first line and the second."}},
		{"headings and lists", "# Title\n\n## Section\n\n1. one\n2. two\n", "Title", []string{"Section", "one", "two"}},
		{"a heading later is a paragraph", "Lead.\n\n# Later heading\n", "", []string{"Lead.", "Later heading"}},
		{"escapes and entities", `Fish \*and\* chips &amp; peas &mdash; 5 \_pounds\_`, "", []string{"Fish *and* chips & peas — 5 _pounds_"}},
		{"an image is left out", "![a photo](p.jpg)\n\nText.", "", []string{"Text."}},
		{"HTML in the Markdown is read as text", "<div class=\"note\">A <b>bold</b> note.</div>\n\nText.", "", []string{"A bold note.", "Text."}},
		{"a thematic break is nothing", "One.\n\n---\n\nTwo.", "", []string{"One.", "Two."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Markdown(tt.src)
			if err != nil {
				t.Fatalf("Markdown(%q) = %v", tt.src, err)
			}
			if d.Title != tt.title || strings.Join(d.Paragraphs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Markdown(%q) = title %q, paragraphs %q; want %q, %q", tt.src, d.Title, d.Paragraphs, tt.title, tt.want)
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name           string
		body           string
		document, frag bool
		markdown       bool
	}{
		{"a doctype", "\ufeff  <!DOCTYPE html><html>", true, false, false},
		{"an html tag", "<html lang=en>", true, false, false},
		{"XHTML", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true, false, false},
		{"a fragment", "<p>Councillor Jones said…</p>\n<p>More.</p>", false, true, false},
		{"paragraphs closed with </p>", "Intro\nCouncillor Jones said…</p>\nMore.</p>", false, true, false},
		{"plain text", "Councillor Jones said the <b> tag is bold.\n\nMore.", false, false, false},
		{"a word in angle brackets", "<Untitled> was the film's name.", false, false, false},
		{"a Markdown link", "The [park](https://x.example) opens.", false, false, true},
		{"a Markdown heading", "Intro\n\n## What next\n\nText.", false, false, true},
		{"a hash tag is not a heading", "#budget was trending.", false, false, false},
		{"brackets are not a link", "He said [the plan] was (mostly) sound.", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.body)
			if got := IsHTMLDocument(b); got != tt.document {
				t.Errorf("IsHTMLDocument(%q) = %v, want %v", tt.body, got, tt.document)
			}
			if got := IsHTMLFragment(b); got != tt.frag {
				t.Errorf("IsHTMLFragment(%q) = %v, want %v", tt.body, got, tt.frag)
			}
			if got := LooksLikeMarkdown(b); got != tt.markdown {
				t.Errorf("LooksLikeMarkdown(%q) = %v, want %v", tt.body, got, tt.markdown)
			}
		})
	}
}
