package extract

import (
	"bytes"
	"regexp"
)

// sniffLen is how much of a file's start is looked at to tell its format.
const sniffLen = 4096

// documentStarts open an HTML document, after any white space, byte order
// mark, comment or XML declaration.
var documentStarts = []string{"<!doctype html", "<html", "<head", "<body"}

// fragmentStarts are the tags that open an HTML fragment: text written as
// HTML paragraphs without the document around them.
var fragmentStarts = []string{"<p", "<div", "<article", "<section", "<main", "<h1", "<h2", "<h3",
	"<blockquote", "<ul", "<ol", "<table", "<span", "<a", "<b", "<i", "<em", "<strong", "<br", "<title",
	"<meta", "<link", "<style", "<script", "<!--"}

// IsHTMLDocument reports whether body starts as an HTML document does: a
// doctype or an <html>, <head> or <body> tag.
func IsHTMLDocument(body []byte) bool {
	head := start(body)
	for _, s := range documentStarts {
		if hasTagPrefix(head, s) {
			return true
		}
	}
	// An XHTML page may open with an XML declaration or a comment.
	return (bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<!--"))) &&
		bytes.Contains(head, []byte("<html"))
}

// IsHTMLFragment reports whether body is HTML without the document around
// it: it opens with an element, or closes two paragraphs with </p>.
func IsHTMLFragment(body []byte) bool {
	head := start(body)
	for _, s := range fragmentStarts {
		if hasTagPrefix(head, s) {
			return true
		}
	}
	return bytes.Count(bytes.ToLower(head), []byte("</p>")) >= 2
}

// markdownSigns match what only Markdown writes: an ATX heading ("## Heading"
// at the start of a line), an inline link or image ("[text](https://…)"), a
// link reference definition, or a fenced code block.
var markdownSigns = regexp.MustCompile(`(?m)^#{1,6}[ \t]+\S|\]\((https?://|/|#|mailto:)[^)\s]*(\s+"[^"]*")?\)|^ {0,3}\[[^\]]+\]:[ \t]*\S+|^ {0,3}(` + "```" + `|~~~)`)

// LooksLikeMarkdown reports whether text shows signs of Markdown.
func LooksLikeMarkdown(text []byte) bool {
	return markdownSigns.Match(text)
}

// start returns the start of body, lower-cased, without a byte order mark
// and leading white space.
func start(body []byte) []byte {
	if len(body) > sniffLen {
		body = body[:sniffLen]
	}
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	return bytes.ToLower(bytes.TrimLeft(body, " \t\r\n\f"))
}

// hasTagPrefix reports whether head opens with the tag or markup s, followed
// by the end of the tag or white space.
func hasTagPrefix(head []byte, s string) bool {
	if !bytes.HasPrefix(head, []byte(s)) {
		return false
	}
	if s == "<!--" || len(head) == len(s) {
		return true
	}
	switch head[len(s)] {
	case '>', ' ', '\t', '\n', '\r', '\f', '/':
		return true
	}
	return false
}
