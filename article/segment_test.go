package article

import "github.com/articlebot/articlebot/article/internal/text"

// readParagraph reads one paragraph as the attribution parser does: its
// segmentation, and its tokens with each quotation as one.
func readParagraph(s string) (*text.Paragraph, []qtok) {
	p := &text.Segment([]string{s})[0]
	return p, collapse(nil, p)
}

// segments returns the paragraphs of an article as the text package reads
// them, as parse did.
func segments(a *Article) []text.Paragraph {
	texts := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		texts[i] = p.Text
	}
	return text.Segment(texts)
}
