package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags are the elements that start and end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Caption: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true,
}

// isBlock reports whether the element n starts and ends a paragraph.
func isBlock(n *html.Node) bool {
	return blockTags[n.DataAtom]
}

// block is one paragraph of a page as found, before it is judged.
type block struct {
	text string
	// links is how many bytes of text are inside links to other pages.
	links int
	// tag is the block element the text belongs to: atom.P, atom.Li,
	// atom.H2 and so on.
	tag atom.Atom
	// el is that element.
	el *html.Node
	// emphasized reports that all of the text is bold or italic.
	emphasized bool
}

// linkShare is the share of the block's text that is inside links.
func (b block) linkShare() float64 {
	if len(b.text) == 0 {
		return 0
	}
	return float64(b.links) / float64(len(b.text))
}

// heading reports whether the block is a heading.
func (b block) heading() bool {
	switch b.tag {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// blocks returns the paragraphs under n: the text of each block element,
// with inline elements (links among them) read as their text. Text directly
// inside an element that also holds blocks is a paragraph of its own, and
// so is text set apart by two line breaks.
func blocks(n *html.Node) []block {
	w := blockWriter{el: n}
	w.walk(n, n, false, false)
	w.flush()
	return w.out
}

type blockWriter struct {
	out   []block
	cur   strings.Builder
	links int
	// plain is how many bytes of text are neither bold nor italic.
	plain int
	el    *html.Node
	// brs counts the line breaks since the last text.
	brs int
}

func (w *blockWriter) flush() {
	raw := w.cur.String()
	text := collapse(strings.ToValidUTF8(raw, "\uFFFD"))
	if text != "" {
		// Link bytes were counted before white space was collapsed.
		links := min(w.links, len(text))
		w.out = append(w.out, block{text: text, links: links, tag: w.el.DataAtom, el: w.el, emphasized: w.plain == 0})
	}
	w.cur.Reset()
	w.links, w.plain, w.brs = 0, 0, 0
}

// walk writes the text under n, which is inside the block element el, and
// inside a link or emphasis as inLink and inEm say.
func (w *blockWriter) walk(n, el *html.Node, inLink, inEm bool) {
	switch n.Type {
	case html.TextNode:
		if strings.TrimSpace(n.Data) != "" {
			w.brs = 0
			if strings.TrimSpace(w.cur.String()) == "" {
				w.el = el
			}
		}
		w.cur.WriteString(n.Data)
		size := len(collapse(n.Data))
		if inLink {
			w.links += size
		}
		if !inEm {
			w.plain += size
		}
		return
	case html.ElementNode:
		switch {
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template:
			return
		case n.DataAtom == atom.Br:
			w.brs++
			if w.brs == 2 {
				w.flush()
			} else {
				w.cur.WriteByte(' ')
			}
			return
		case n.DataAtom == atom.A:
			// A link within the page, such as a heading's own anchor, does
			// not lead elsewhere.
			inLink = inLink || !strings.HasPrefix(strings.TrimSpace(attr(n, "href")), "#")
		case n.DataAtom == atom.B || n.DataAtom == atom.Strong || n.DataAtom == atom.I || n.DataAtom == atom.Em:
			inEm = true
		case isBlock(n):
			w.flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c, n, inLink, inEm)
			}
			w.flush()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, el, inLink, inEm)
	}
}
