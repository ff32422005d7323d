package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// textField is the one field of a bleve document: a paragraph's text.
const textField = "text"

// englishAnalyzer is the name of the analyzer the bleve index uses.
const englishAnalyzer = "english"

// bleveEngine searches an in-memory bleve index with one document per
// paragraph.
type bleveEngine struct {
	idx        bleve.Index
	paragraphs []string // the indexed paragraphs, by document ID minus 1
}

// newBleve indexes paragraphs with bleve in an in-memory scorch index that
// scores with BM25, one document per paragraph whose ID is its number
// counting from 1. Close the engine's index when done.
//
// The analyzer is as close to articlebot's as bleve's stock parts allow:
// Unicode word segmentation, accents folded to ASCII, English possessives
// removed, lower case, English stop words removed, and the Snowball
// English stemmer (the one articlebot uses). The text is indexed with term
// positions, which phrase queries need, but not stored, and without doc
// values, which only sorting on the field and facets use.
func newBleve(paragraphs []string) (bleveEngine, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	if err := m.AddCustomAnalyzer(englishAnalyzer, map[string]any{
		"type":          custom.Name,
		"char_filters":  []any{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []any{en.PossessiveName, lowercase.Name, en.StopName, en.SnowballStemmerName},
	}); err != nil {
		return bleveEngine{}, fmt.Errorf("defining the analyzer: %w", err)
	}
	m.DefaultAnalyzer = englishAnalyzer
	m.IndexDynamic, m.StoreDynamic, m.DocValuesDynamic = false, false, false

	field := bleve.NewTextFieldMapping()
	field.Analyzer = englishAnalyzer
	field.Store = false
	field.IncludeInAll = false
	field.DocValues = false
	field.IncludeTermVectors = true
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(textField, field)
	m.DefaultMapping = doc

	// An empty path makes scorch keep its segments in memory; it then
	// neither persists nor merges them, and one batch makes one segment.
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return bleveEngine{}, fmt.Errorf("creating the index: %w", err)
	}
	b := idx.NewBatch()
	for i, p := range paragraphs {
		if err := b.Index(strconv.Itoa(i+1), map[string]string{textField: p}); err != nil {
			idx.Close()
			return bleveEngine{}, fmt.Errorf("indexing paragraph %d: %w", i+1, err)
		}
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return bleveEngine{}, fmt.Errorf("indexing: %w", err)
	}
	return bleveEngine{idx: idx, paragraphs: paragraphs}, nil
}

// bleveQuery translates a /find query for bleve: a phrase in straight
// double quotes becomes a phrase query, anything else a query matching any
// of its words. Both are analyzed as the text is.
func bleveQuery(q string) query.Query {
	if inner, ok := strings.CutPrefix(q, `"`); ok {
		if inner, ok := strings.CutSuffix(inner, `"`); ok {
			pq := bleve.NewMatchPhraseQuery(inner)
			pq.SetField(textField)
			return pq
		}
	}
	mq := bleve.NewMatchQuery(q)
	mq.SetField(textField)
	return mq
}

// find asks bleve for the first page of /find: the number of matching
// paragraphs and the best three with their scores, without highlighting,
// term locations or stored fields. Each hit's text is read from the
// paragraphs, as /find would read it from the article.
func (e bleveEngine) find(q string) (page, error) {
	req := bleve.NewSearchRequestOptions(bleveQuery(q), pageSize, 0, false)
	res, err := e.idx.Search(req)
	if err != nil {
		return page{}, err
	}
	p := page{total: int(res.Total)}
	for _, h := range res.Hits[:min(pageSize, len(res.Hits))] {
		n, err := strconv.Atoi(h.ID)
		if err != nil || n < 1 || n > len(e.paragraphs) {
			return page{}, fmt.Errorf("search for %q returned document %q, which is no paragraph", q, h.ID)
		}
		p.hits[p.n] = hit{paragraph: n, score: h.Score, text: e.paragraphs[n-1]}
		p.n++
	}
	return p, nil
}
