package article

import "github.com/articlebot/articlebot/article/internal/text"

// segments returns the paragraphs of an article as the text package reads
// them, as parse did.
func segments(a *Article) []text.Paragraph {
	texts := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		texts[i] = p.Text
	}
	return text.Segment(texts)
}
