package main

import (
	"fmt"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/internal/scaletext"
)

// pageSize is how many matching paragraphs the first page of /find shows.
const pageSize = 3

// engine is a search engine answering /find over one article.
type engine interface {
	// find answers query with the first page of /find.
	find(query string) (page, error)
}

// page is what /find needs to show its first page: how many paragraphs
// match, and the best ones.
type page struct {
	total int
	n     int           // hits in use
	hits  [pageSize]hit // the best matches, best first
	spans [pageSize]int // matched words to show in bold, per hit (articlebot only)
	hint  int           // spelling suggestions for a query that matched nothing (articlebot only)
}

// hit is one matching paragraph on the page.
type hit struct {
	paragraph int // counting from 1
	score     float64
	text      string
}

// best returns the hits in use, best first.
func (p *page) best() []hit { return p.hits[:p.n] }

// sizes are the article sizes compared, in copies of the seed.
var sizes = []int{1, 100, 1000}

// queries are the /find queries compared: a word in many paragraphs, a word
// in one paragraph of the seed, two words, a phrase, and a word the article
// does not hold.
var queries = []struct{ name, query string }{
	{"russia", "russia"},
	{"rare", "hammond"},
	{"two-words", "russia iran"},
	{"phrase", `"dead end"`},
	{"no-match", "latakya"},
}

// texts returns the paragraphs of the article copies times the seed: the
// same article article/bench_test.go searches in BenchmarkSearchScale.
func texts(copies int) []string {
	seed := article.Default().Paragraphs
	paragraphs := make([]string, len(seed))
	for i, p := range seed {
		paragraphs[i] = p.Text
	}
	return scaletext.Paragraphs(paragraphs, copies)
}

// articlebotEngine searches with articlebot's own index.
type articlebotEngine struct{ a *article.Article }

// newArticlebot indexes paragraphs with articlebot's index.
func newArticlebot(paragraphs []string) articlebotEngine {
	return articlebotEngine{article.ForSearch(paragraphs)}
}

// find calls the article package as /find does: one search for the first
// page, which gives the count of matches and, for each match on the page,
// its paragraph and the spans to show in bold; the suggestions when nothing
// matches.
func (e articlebotEngine) find(query string) (page, error) {
	res, err := e.a.Search(query, article.Page{Number: 1, Size: pageSize})
	if err != nil {
		return page{}, err
	}
	p := page{total: res.Total, hint: len(res.Suggestions)}
	for _, m := range res.Matches {
		para, ok := e.a.Paragraph(m.Paragraph)
		if !ok {
			return page{}, fmt.Errorf("search for %q cites paragraph %d, which does not exist", query, m.Paragraph)
		}
		p.hits[p.n] = hit{paragraph: para.N, score: m.Score, text: para.Text}
		p.spans[p.n] = len(m.Spans)
		p.n++
	}
	return p, nil
}
