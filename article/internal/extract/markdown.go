package extract

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markdown converts CommonMark, with GitHub's tables and strikethrough, to
// HTML. HTML written in the Markdown is passed through, to be read as text
// like the rest.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// Markdown extracts the paragraphs of a Markdown article, front matter
// removed. Headings, list items, block quotes and code blocks are paragraphs
// like the others; emphasis, code spans and links become their text, and
// images are left out. A level-one heading that opens the text is the
// article's title rather than a paragraph.
func Markdown(src string) (Document, error) {
	var page bytes.Buffer
	if err := markdown.Convert([]byte(src), &page); err != nil {
		return Document{}, fmt.Errorf("reading the Markdown: %w", err)
	}
	doc, err := xhtml.Parse(&page)
	if err != nil {
		return Document{}, fmt.Errorf("reading the Markdown: %w", err)
	}
	var d Document
	bs := blocks(doc)
	if len(bs) > 0 && bs[0].tag == atom.H1 {
		d.Title = bs[0].text
		bs = bs[1:]
	}
	for _, b := range bs {
		d.Paragraphs = append(d.Paragraphs, b.text)
	}
	return d, nil
}
