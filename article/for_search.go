package article

import (
	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/text"
)

// ForSearch returns an article made of the given paragraphs, numbered from
// 1 in order, with its search index built and nothing else: it has no
// metadata, sentences, quotes, speakers or summary, and its WordCount is 0.
// Unlike [Parse] it accepts any number of paragraphs of any size and reads
// them as given, so that search can be measured on articles larger than the
// bot loads; the caller bounds its input.
func ForSearch(paragraphs []string) *Article {
	a := &Article{Paragraphs: make([]Paragraph, len(paragraphs))}
	for i, p := range paragraphs {
		a.Paragraphs[i] = Paragraph{N: i + 1, Text: p}
	}
	a.idx = index.New(text.Segment(paragraphs))
	return a
}
