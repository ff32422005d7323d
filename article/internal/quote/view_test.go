package quote

import "github.com/articlebot/articlebot/article/internal/text"

// readParagraph reads one paragraph as Attribute does: its tokens with each
// quotation as one, and its sentences.
func readParagraph(s string) *paragraph {
	seg := text.Segment([]string{s})
	p := &paragraph{text: s, spans: seg[0].Quotes}
	p.toks = collapse(nil, &seg[0], nil)
	p.readSentences(&seg[0])
	return p
}
