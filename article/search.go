package article

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/text"
)

// MaxQueryLen is the longest query, in bytes, that Search accepts.
const MaxQueryLen = 500

// Search tuning that holds for any English article.
const (
	// maxSuggestions is how many suggestions each unmatched word gets.
	maxSuggestions = 3
)

// Match is one paragraph that matches a query.
type Match struct {
	// Paragraph is the matching paragraph's number.
	Paragraph int
	// Score is the paragraph's BM25 score for the query; higher is better.
	Score float64
	// Terms is how many of the query's words and phrases the paragraph holds.
	Terms int
	// Spans locate the matched words in the paragraph's Text, in order and
	// without overlaps. A matched phrase is one span from its first word to
	// its last.
	Spans []Span
}

// Page says which of a search's matches to return: the Number-th page of
// Size matches, counting from 1. The zero Page asks for every match.
type Page struct {
	// Number is the page, from 1; 0 means 1.
	Number int
	// Size is how many matches a page holds; 0 or less puts every match on
	// one page.
	Size int
}

// Results is the answer to a search: one page of its matches, and how many
// there are in all.
type Results struct {
	// Query is the query as given.
	Query string
	// Total is how many paragraphs match.
	Total int
	// Page is the number of the page Matches holds, from 1: the page asked
	// for, or the last page when it asked for one past it.
	Page int
	// Matches holds the matching paragraphs of the page: those holding more
	// of the query's words and phrases first, then by score, then in
	// document order.
	Matches []Match
	// Suggestions holds, for each query word that is not in the article, the
	// article's words closest to it in spelling, closest first, in lower case
	// as the article spells them.
	Suggestions []string
	// Ignored holds the query's words left out because they are too common
	// to search for ("the", "of"), folded to lower case.
	Ignored []string
}

// Pages returns how many pages of size matches the results fill; size 0 or
// less means one page for all of them.
func (r Results) Pages(size int) int {
	if size <= 0 || r.Total == 0 {
		return min(r.Total, 1)
	}
	return (r.Total + size - 1) / size
}

// Search finds the paragraphs matching query, ranks them with BM25 and
// returns the page of them that page asks for.
//
// The query is words and "exact phrases" in straight or curly double quotes.
// Case, diacritics and apostrophes do not matter, and a word matches every
// word of the article with the same English stem (negotiate, negotiations)
// or from the same family (extorting, extortion, extortionist). A word of
// four or more letters also matches the article's words that start with it,
// a demonym matches its country (russia, russian and russians find each
// other), and a number matches its other spelling ("4" and "four"). A
// phrase matches its words in order, stem for stem. Common words such as
// "the" are left out unless they are in a phrase.
//
// Only the best matches up to the page are ranked in order, and the
// highlighted spans are found for the page's matches only, so a page of a
// search with thousands of matches costs little more than counting them.
//
// A query with nothing to search for, or longer than [MaxQueryLen], gives a
// *[InputError]. A query that matches nothing gives no matches and, when some
// of its words are not in the article, suggestions.
func (a *Article) Search(query string, page Page) (Results, error) {
	res := Results{Query: query, Page: 1}
	q, err := parseQuery(query)
	if err != nil {
		return res, err
	}
	res.Ignored = q.ignored
	if a.idx == nil {
		return res, nil
	}
	iq := a.idx.NewQuery()
	for _, t := range q.terms {
		if len(t.words) == 1 {
			iq.AddWord(t.words[0], t.expand)
		} else {
			iq.AddPhrase(t.words)
		}
	}
	res.Page = max(page.Number, 1)
	first, n := 0, -1
	if page.Size > 0 {
		first, n = (res.Page-1)*page.Size, page.Size
	}
	ranked, total := iq.Rank(first, n)
	res.Total = total
	if len(ranked) == 0 && total > 0 {
		// A page past the last: show the last.
		res.Page = res.Pages(page.Size)
		ranked, _ = iq.Rank((res.Page-1)*page.Size, n)
	}
	if len(ranked) > 0 {
		res.Matches = make([]Match, len(ranked))
		for i, r := range ranked {
			res.Matches[i] = Match{
				Paragraph: int(r.Para) + 1,
				Score:     r.Score,
				Terms:     int(r.Terms),
				Spans:     a.matchSpans(iq, int(r.Para)),
			}
		}
	}
	res.Suggestions = a.suggest(iq.Unknown())
	return res, nil
}

// matchSpans returns where the query's words and phrases stand in
// paragraph p, counting from 0: from the places of its words kept at parse
// time, or, for an article built for search alone, by reading the
// paragraph again.
func (a *Article) matchSpans(iq *index.Query, p int) []Span {
	if a.ask == nil {
		return iq.Spans(a.Paragraphs[p].Text)
	}
	words := a.ask.paragraphWords(p)
	ids := make([]int32, len(words))
	for i, w := range words {
		ids[i] = w.id
	}
	return iq.WordSpans(ids, func(i int) Span { return Span{Start: int(words[i].start), End: int(words[i].end)} })
}

// queryTerm is one word or phrase of a query.
type queryTerm struct {
	words  []string // folded words, in order
	expand bool     // a free word: also match by prefix and demonym
}

// query is a parsed search query.
type query struct {
	terms   []queryTerm
	ignored []string
}

// isJoiner reports whether r joins two words of a query into a phrase, as in
// "high-level".
func isJoiner(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// parseQuery splits a query into words and phrases. A double quote without
// its closing partner makes the rest of the query a phrase.
func parseQuery(q string) (query, error) {
	var out query
	if len(q) > MaxQueryLen {
		return out, &InputError{Input: q, Reason: fmt.Sprintf(
			"The search is too long (the limit is %d bytes). Search for a few distinctive words or a short phrase instead.",
			MaxQueryLen)}
	}
	if strings.TrimSpace(q) == "" {
		return out, &InputError{Input: q, Reason: `Type a word or a few words to look for, or an exact phrase in double quotes.`}
	}
	inPhrase, start, seenWord := false, 0, false
	segment := func(end int) {
		seg := q[start:end]
		toks := text.Words(seg)
		seenWord = seenWord || len(toks) > 0
		if inPhrase {
			out.addPhrase(toks)
		} else {
			out.addFree(seg, toks)
		}
	}
	for i, r := range q {
		if text.IsDoubleQuote(r) {
			segment(i)
			inPhrase = !inPhrase
			start = i + utf8.RuneLen(r)
		}
	}
	segment(len(q))

	switch {
	case len(out.terms) > 0:
		return out, nil
	case !seenWord:
		return out, &InputError{Input: q, Reason: `There are no words to look for. Type a word, or an exact phrase in double quotes.`}
	default:
		tooCommon := "is too common to search for on its own"
		if len(out.ignored) > 1 {
			tooCommon = "are too common to search for on their own"
		}
		return out, &InputError{Input: q, Reason: fmt.Sprintf(
			"%s %s. Add a more specific word, such as a name, a place or a topic, or put an exact phrase in double quotes.",
			quoteList(out.ignored), tooCommon)}
	}
}

// addPhrase adds the words between a pair of double quotes. One word in
// quotes matches by stem only.
func (q *query) addPhrase(toks []text.Token) {
	if len(toks) == 0 {
		return
	}
	t := queryTerm{}
	for _, tok := range toks {
		t.words = append(t.words, tok.Fold)
	}
	q.terms = append(q.terms, t)
}

// addFree adds the words outside double quotes. Words joined by hyphens
// make a phrase; a lone common word is left out unless it is written in
// capitals as an abbreviation ("US", "WHO").
func (q *query) addFree(seg string, toks []text.Token) {
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && joined(seg[toks[j-1].Span.End:toks[j].Span.Start]) {
			j++
		}
		if j-i > 1 {
			q.addPhrase(toks[i:j])
			i = j
			continue
		}
		w := toks[i].Fold
		if text.IsStopWord(w) && !text.IsAbbreviation(seg[toks[i].Span.Start:toks[i].Span.End]) {
			if !slices.Contains(q.ignored, w) {
				q.ignored = append(q.ignored, w)
			}
		} else {
			q.terms = append(q.terms, queryTerm{words: []string{w}, expand: true})
		}
		i = j
	}
}

// joined reports whether the text between two words joins them into one
// hyphenated word.
func joined(between string) bool {
	if between == "" {
		return false
	}
	for _, r := range between {
		if !isJoiner(r) {
			return false
		}
	}
	return true
}

// quoteList writes words as `"a"`, `"a" and "b"` or `"a", "b" and "c"`.
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return joinList(q, "and")
}

// suggest returns, for each of the words, the article's words within a
// small edit distance of it (see index.Similar), as the article first
// spells them, in lower case.
func (a *Article) suggest(words []string) []string {
	var out []string
	for _, w := range words {
		for _, id := range a.idx.Similar(w, maxSuggestions) {
			if sp := strings.ToLower(a.firstSpelling(id)); !slices.Contains(out, sp) {
				out = append(out, sp)
			}
		}
	}
	return out
}

// firstSpelling returns the word with the given id as the article first
// spells it.
func (a *Article) firstSpelling(id int32) string {
	w := a.idx.Word(id)
	p := a.idx.FirstParagraph(id)
	para := a.Paragraphs[p].Text
	if a.ask != nil {
		for _, sw := range a.ask.paragraphWords(int(p)) {
			if sw.id == id {
				return para[sw.start:sw.end]
			}
		}
		return w
	}
	for _, t := range text.Words(para) {
		if t.Fold == w {
			return para[t.Span.Start:t.Span.End]
		}
	}
	return w
}
