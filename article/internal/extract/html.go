package extract

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTML extracts the article from the web page page. contentType is the
// Content-Type the page was served with, or "" for a file; pageURL is where
// it was found, or "" for a file.
//
// The page is decoded from the encoding its Content-Type or a byte order
// mark names, else as UTF-8 when it is valid UTF-8, else from its <meta
// charset>, else as Windows-1252, as browsers do.
func HTML(page []byte, contentType, pageURL string) (Document, error) {
	text, err := decode(page, contentType)
	if err != nil {
		return Document{}, err
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return Document{}, fmt.Errorf("parsing the page: %w", err)
	}
	meta := readMeta(doc, pageURL)
	prune(doc)

	all := blocks(doc)
	chosen := all
	if main := mainBlocks(doc, pageURL); len(main) > 0 {
		chosen = merge(main, all)
	}
	return Document{
		Title:       meta.title,
		Byline:      meta.byline,
		SiteName:    meta.site,
		Date:        meta.date,
		URL:         meta.url,
		Description: meta.description,
		Paragraphs:  keep(chosen, meta),
	}, nil
}

// mainBlocks returns the paragraphs of the part of the pruned page doc that
// the readability library takes for the article, or nil when it finds none.
// doc is left as it is.
func mainBlocks(doc *html.Node, pageURL string) []block {
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	c := clone(doc)
	plainInline(c)
	p := readability.NewParser()
	p.Logger = slog.New(slog.DiscardHandler)
	art, err := p.ParseAndMutate(c, base)
	if err != nil || art.Node == nil {
		return nil
	}
	// The library names the elements it makes, such as the paragraphs it
	// makes of text set apart by line breaks, only by their tag.
	for n := range elements(art.Node) {
		if n.DataAtom == 0 {
			n.DataAtom = atom.Lookup([]byte(n.Data))
		}
	}
	return blocks(art.Node)
}

// plainInline removes the class, id and other marks from the elements
// inside paragraphs. Words of a paragraph are the article's text whatever
// their markup says; the readability library would otherwise drop a
// dateline marked as one ("<span class=dateline>CAIRO —</span>") as if it
// were a byline.
func plainInline(doc *html.Node) {
	for n := range elements(doc) {
		if n.DataAtom != atom.P {
			continue
		}
		for c := range elements(n) {
			if c != n && !isBlock(c) {
				c.Attr = nil
			}
		}
	}
}

// merge returns the paragraphs main, which the readability library chose,
// with the paragraphs of all, the whole page in order, that continue them
// elsewhere: an article split into several containers, with ads between
// them, shows its paragraphs marked the same way in each, and the library
// keeps only one container. Such paragraphs are added where they stand in
// the page.
func merge(main, all []block) []block {
	inMain := map[string]bool{}
	for _, b := range main {
		inMain[b.text] = true
	}
	marks := map[string]int{}
	found := 0
	for _, b := range all {
		if inMain[b.text] {
			found++
			if m := mark(b.el); m != "" {
				marks[m]++
			}
		}
	}
	// The mark of the article's paragraphs: one that most of those the
	// library chose have.
	best, bestCount := "", 0
	for m, n := range marks {
		if n > bestCount {
			best, bestCount = m, n
		}
	}
	if best == "" || 2*bestCount < found {
		return main
	}

	// Where each paragraph of all comes in main: after the last paragraph
	// before it that main has.
	after := map[int][]block{} // index in main (-1 for the start) -> paragraphs to add
	pos := map[string]int{}
	for i, b := range main {
		if _, ok := pos[b.text]; !ok {
			pos[b.text] = i
		}
	}
	last := -1
	for _, b := range all {
		if i, ok := pos[b.text]; ok {
			last = i
			continue
		}
		if mark(b.el) == best {
			after[last] = append(after[last], b)
		}
	}
	if len(after) == 0 {
		return main
	}
	out := append([]block(nil), after[-1]...)
	for i, b := range main {
		out = append(out, b)
		out = append(out, after[i]...)
	}
	return out
}

// mark returns what marks the block element el as one kind of paragraph:
// its tag and class and those of its parent, or "" when neither has a
// class, since unmarked paragraphs could be anything.
func mark(el *html.Node) string {
	if el == nil || el.Parent == nil {
		return ""
	}
	c, pc := attr(el, "class"), attr(el.Parent, "class")
	if c == "" && pc == "" {
		return ""
	}
	return el.Parent.Data + "." + pc + ">" + el.Data + "." + c
}

// clone returns a deep copy of the tree n.
func clone(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(clone(k))
	}
	return c
}

// decode returns page converted to UTF-8.
func decode(page []byte, contentType string) ([]byte, error) {
	enc, name, certain := charset.DetermineEncoding(page, contentType)
	if !certain && utf8.Valid(page) || name == "utf-8" {
		return page, nil
	}
	text, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(page)))
	if err != nil {
		return nil, fmt.Errorf("decoding the page from %s: %w", name, err)
	}
	return text, nil
}
