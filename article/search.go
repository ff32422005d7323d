package article

import (
	"fmt"
	"github.com/articlebot/articlebot/article/internal/text"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQueryLen is the longest query, in bytes, that Search accepts.
const MaxQueryLen = 500

// Search tuning that holds for any English article.
const (
	// prefixMinRunes is the shortest query word that also matches the
	// article's words starting with it ("russia" finds "Russian"); shorter
	// words would match too much ("us" would find "used").
	prefixMinRunes = 4
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

// Results is the answer to a search.
type Results struct {
	// Query is the query as given.
	Query string
	// Matches holds the matching paragraphs: those holding more of the
	// query's words and phrases first, then by score, then in document order.
	Matches []Match
	// Suggestions holds, for each query word that is not in the article, the
	// article's words closest to it in spelling, closest first, in lower case
	// as the article spells them.
	Suggestions []string
	// Ignored holds the query's words left out because they are too common
	// to search for ("the", "of"), folded to lower case.
	Ignored []string
}

// QueryError reports a query that cannot be searched, with a message that
// says what to do instead.
type QueryError struct {
	// Query is the query as given.
	Query string
	// Reason is one or two sentences, written for the person who typed the
	// query, saying what is wrong with it and what to type instead.
	Reason string
}

// Error says what cannot be searched for and why.
func (e *QueryError) Error() string {
	return fmt.Sprintf("cannot search for %q: %s", e.Query, e.Reason)
}

// Search finds the paragraphs matching query and ranks them with BM25.
//
// The query is words and "exact phrases" in straight or curly double quotes.
// Case, diacritics and apostrophes do not matter, and a word matches every
// word of the article with the same English stem (negotiate, negotiations).
// A word of four or more letters also matches the article's words that start
// with it, and a demonym matches its country (russia, russian and russians
// find each other). A phrase matches its words in order, stem for stem.
// Common words such as "the" are left out unless they are in a phrase.
//
// A query with nothing to search for, or longer than [MaxQueryLen], gives a
// *[QueryError]. A query that matches nothing gives no matches and, when some
// of its words are not in the article, suggestions.
func (a *Article) Search(query string) (Results, error) {
	res := Results{Query: query}
	q, err := parseQuery(query)
	if err != nil {
		return res, err
	}
	res.Ignored = q.ignored
	if a.idx == nil {
		return res, nil
	}
	s := searcher{ix: a.idx}
	for _, t := range q.terms {
		s.add(t)
	}
	res.Matches = s.rank()
	res.Suggestions = a.suggest(s.unknown)
	return res, nil
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
		return out, &QueryError{Query: q, Reason: fmt.Sprintf(
			"The search is too long (the limit is %d bytes). Search for a few distinctive words or a short phrase instead.",
			MaxQueryLen)}
	}
	if strings.TrimSpace(q) == "" {
		return out, &QueryError{Query: q, Reason: `Type a word or a few words to look for, or an exact phrase in double quotes.`}
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
		return out, &QueryError{Query: q, Reason: `There are no words to look for. Type a word, or an exact phrase in double quotes.`}
	default:
		tooCommon := "is too common to search for on its own"
		if len(out.ignored) > 1 {
			tooCommon = "are too common to search for on their own"
		}
		return out, &QueryError{Query: q, Reason: fmt.Sprintf(
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
		if text.IsStopWord(w) && !isAbbreviation(seg[toks[i].Span.Start:toks[i].Span.End]) {
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

// isAbbreviation reports whether a word is written as an abbreviation: two to
// four capital letters.
func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}

// quoteList writes words as `"a"`, `"a" and "b"` or `"a", "b" and "c"`.
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return joinList(q, "and")
}

// demonymBases returns the place names that a folded demonym may come from,
// to be looked up among the article's words: "russians" gives "russia" and
// "russ", "iranian" gives "irania" and "iran". Words of fewer than six
// letters are left alone.
func demonymBases(w string) []string {
	w = strings.TrimSuffix(w, "s")
	if utf8.RuneCountInString(w) < 6 || !strings.HasSuffix(w, "an") {
		return nil
	}
	bases := []string{w[:len(w)-1]}
	if strings.HasSuffix(w, "ian") && utf8.RuneCountInString(w) >= 7 {
		bases = append(bases, w[:len(w)-3])
	}
	return bases
}

// searcher evaluates the terms of one query against an index.
type searcher struct {
	ix      *index
	terms   []evaluated
	groups  []termGroup
	unknown []string // query words that are not in the article
}

// evaluated is a query term with where it occurs.
type evaluated struct {
	key  []int32 // word ids of a word's forms, or stem ids of a phrase's words
	size int     // number of words a hit covers
	hits []int32 // indices into toks where the term starts, ascending
}

// termGroup is the hits of one term in one paragraph.
type termGroup struct {
	para   int32
	term   int32
	lo, hi int32 // the hits are terms[term].hits[lo:hi]
	score  float64
}

// add evaluates one query term and records its hits by paragraph. A term
// that duplicates an earlier one is skipped.
func (s *searcher) add(t queryTerm) {
	var e evaluated
	if len(t.words) == 1 {
		e = s.word(t.words[0], t.expand)
	} else {
		e = s.phrase(t.words)
	}
	if e.key == nil {
		return
	}
	for _, prev := range s.terms {
		if prev.size == e.size && slices.Equal(prev.key, e.key) {
			return
		}
	}
	s.terms = append(s.terms, e)
	ti := int32(len(s.terms) - 1)

	first := len(s.groups)
	for lo := 0; lo < len(e.hits); {
		p := s.ix.toks[e.hits[lo]].para
		hi := lo + 1
		for hi < len(e.hits) && s.ix.toks[e.hits[hi]].para == p {
			hi++
		}
		s.groups = append(s.groups, termGroup{para: p, term: ti, lo: int32(lo), hi: int32(hi)})
		lo = hi
	}
	idf := bm25IDF(float64(len(s.ix.paraStart)-1), float64(len(s.groups)-first))
	for i := first; i < len(s.groups); i++ {
		g := &s.groups[i]
		g.score = idf * bm25TF(float64(g.hi-g.lo), float64(s.ix.paraLen(g.para)), s.ix.avgLen)
	}
}

// word evaluates one word: the article's words it matches (see
// index.forms) and where they occur.
func (s *searcher) word(w string, free bool) evaluated {
	forms := s.ix.forms(w, free)
	if len(forms) == 0 {
		s.unknown = append(s.unknown, w)
		return evaluated{}
	}
	return evaluated{key: forms, size: 1, hits: s.ix.hitsOf(forms)}
}

// phrase evaluates consecutive words that must match in order, stem for
// stem. It walks the occurrences of the phrase's rarest word and checks the
// words around each.
func (s *searcher) phrase(words []string) evaluated {
	ix := s.ix
	sids := make([]int32, len(words))
	missing := false
	for i, w := range words {
		sid, ok := ix.stemID(w)
		if !ok {
			if !text.IsStopWord(w) {
				s.unknown = append(s.unknown, w)
			}
			missing = true
		}
		sids[i] = sid
	}
	if missing {
		return evaluated{}
	}

	rare, rareCount := 0, -1
	for i, sid := range sids {
		c := 0
		for _, w := range ix.stemForms(sid) {
			c += ix.freq(w)
		}
		if rareCount < 0 || c < rareCount {
			rare, rareCount = i, c
		}
	}
	e := evaluated{key: sids, size: len(words)}
	for _, w := range ix.stemForms(sids[rare]) {
		for _, at := range ix.occurrences(w) {
			start := int(at) - rare
			p := ix.toks[at].para
			if start < int(ix.paraStart[p]) || start+len(sids) > int(ix.paraStart[p+1]) {
				continue
			}
			ok := true
			for j, sid := range sids {
				if ix.stemOf[ix.toks[start+j].word] != sid {
					ok = false
					break
				}
			}
			if ok {
				e.hits = append(e.hits, int32(start))
			}
		}
	}
	slices.Sort(e.hits)
	return e
}

// rank gathers the hits of every term by paragraph into matches, best first.
func (s *searcher) rank() []Match {
	if len(s.groups) == 0 {
		return nil
	}
	if len(s.terms) > 1 {
		slices.SortFunc(s.groups, func(x, y termGroup) int {
			if x.para != y.para {
				return int(x.para - y.para)
			}
			return int(x.term - y.term)
		})
	}

	// Rank small pointer-free records, then build the matches in order.
	type ranked struct {
		score  float64
		terms  int32
		para   int32
		lo, hi int32 // the paragraph's groups are s.groups[lo:hi]
	}
	order := make([]ranked, 0, len(s.groups))
	hits := 0
	for lo := 0; lo < len(s.groups); {
		r := ranked{para: s.groups[lo].para, lo: int32(lo)}
		hi := lo
		for hi < len(s.groups) && s.groups[hi].para == r.para {
			g := s.groups[hi]
			r.score += g.score
			hits += int(g.hi - g.lo)
			hi++
		}
		r.terms, r.hi = int32(hi-lo), int32(hi)
		order = append(order, r)
		lo = hi
	}
	slices.SortFunc(order, func(x, y ranked) int {
		switch {
		case x.terms != y.terms:
			return int(y.terms - x.terms)
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		}
		return int(x.para - y.para)
	})

	matches := make([]Match, len(order))
	spans := make([]Span, 0, hits)
	for i, r := range order {
		first := len(spans)
		for _, g := range s.groups[r.lo:r.hi] {
			t := &s.terms[g.term]
			for _, at := range t.hits[g.lo:g.hi] {
				spans = append(spans, Span{
					Start: int(s.ix.toks[at].start),
					End:   int(s.ix.toks[int(at)+t.size-1].end),
				})
			}
		}
		merged := mergeSpans(spans[first:len(spans):len(spans)])
		spans = spans[:first+len(merged)]
		matches[i] = Match{
			Paragraph: int(r.para) + 1,
			Score:     r.score,
			Terms:     int(r.terms),
			Spans:     merged[:len(merged):len(merged)],
		}
	}
	return matches
}

// mergeSpans sorts spans and joins those that overlap or touch, in place.
func mergeSpans(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(x, y Span) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return x.End - y.End
	})
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.Start <= last.End {
			last.End = max(last.End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// suggest returns, for each of the words, the article's words within a
// small edit distance of it: one edit for a word of up to four letters, two
// for a longer one. Closer words come first, then more frequent ones.
func (a *Article) suggest(words []string) []string {
	ix := a.idx
	var out []string
	type candidate struct {
		id         int32
		dist, freq int
	}
	var cands []candidate
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if n < 3 {
			continue
		}
		maxDist := 1
		if n > 4 {
			maxDist = 2
		}
		cands = cands[:0]
		set := letterSet(w)
		for id, v := range ix.words {
			if d := int(ix.length[id]) - n; d > maxDist || d < -maxDist || minEdits(set, ix.letters[id]) > maxDist || text.IsStopWord(v) {
				continue
			}
			if d := editDistance(w, v); d <= maxDist {
				cands = append(cands, candidate{id: int32(id), dist: d, freq: ix.freq(int32(id))})
			}
		}
		slices.SortFunc(cands, func(x, y candidate) int {
			switch {
			case x.dist != y.dist:
				return x.dist - y.dist
			case x.freq != y.freq:
				return y.freq - x.freq
			}
			return strings.Compare(ix.words[x.id], ix.words[y.id])
		})
		for _, c := range cands[:min(len(cands), maxSuggestions)] {
			if sp := a.spelling(c.id); !slices.Contains(out, sp) {
				out = append(out, sp)
			}
		}
	}
	return out
}

// spelling returns word id as the article first spells it, in lower case.
func (a *Article) spelling(id int32) string {
	t := a.idx.toks[a.idx.occurrences(id)[0]]
	return strings.ToLower(a.Paragraphs[t.para].Text[t.start:t.end])
}
