package article

import "fmt"

// MaxQueryLen is the longest query, in bytes, that Search accepts.
const MaxQueryLen = 500

// Match is one paragraph that matches a query.
type Match struct {
	// Paragraph is the matching paragraph's number.
	Paragraph int
	// Score is the paragraph's BM25 score for the query; higher is better.
	Score float64
	// Terms is how many of the query's words and phrases the paragraph holds.
	Terms int
	// Spans locate the matched words in the paragraph's Text, in order.
	Spans []Span
}

// Results is the answer to a search.
type Results struct {
	// Query is the query as given.
	Query string
	// Matches holds the matching paragraphs, best first.
	Matches []Match
	// Suggestions holds words of the article close to the query's words,
	// closest first, when nothing matched.
	Suggestions []string
}

// QueryError reports a query that cannot be searched, with a message that
// says what to do instead.
type QueryError struct {
	Query  string
	Reason string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("cannot search for %q: %s", e.Query, e.Reason)
}

// Search ranks the article's paragraphs for query with BM25.
func (a *Article) Search(query string) (Results, error) {
	return Results{Query: query}, nil
}

// index is the search index over the article's paragraphs.
type index struct{}

func (a *Article) buildIndex() { a.idx = &index{} }
