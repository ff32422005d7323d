// Package spans finds the typed spans of a sentence: the stretches of text
// that are a number, a sum of money, a share, a date, a time of day, a
// duration, an age, a measure, a score, a place, a person or an
// organisation. A question asks for one kind of thing ("how much money",
// "what time", "who"), and the spans say which sentences hold one.
//
// The spans are read from the tokens of the text package with the word
// lists of the lexicon package, so they follow how English news writes
// these things ("$95 million", "15 percent", "Dec. 20", "10:30 p.m.",
// "three years", "Zoe Anderson, 24,", "Lake Berryessa"), never the words
// of one article. People are those the article names, as the caller finds
// them (the quote package's cast); the rest is read here.
package spans

import (
	"fmt"
	"slices"

	"github.com/articlebot/articlebot/article/internal/text"
)

// Kind is what a span is.
type Kind uint8

// The kinds of spans.
const (
	// Number is a count or another number: "29", "four or five", "a dozen".
	Number Kind = iota + 1
	// Money is a sum of money: "$95 million", "£2,000", "1,000 bitcoin".
	Money
	// Percent is a share: "15 percent", "13%".
	Percent
	// Date is a day, a month, a year or a time relative to now: "Dec. 20",
	// "in 2013", "on Saturday", "last week".
	Date
	// Clock is a time of day: "10:30 p.m.", "noon", "8pm".
	Clock
	// Duration is a length of time: "three years", "a two-week trial".
	Duration
	// Age is how old someone is: "24-year-old", "Zoe Anderson, 24,".
	Age
	// Measure is a quantity with a unit: "90,000 miles", "353 knots".
	Measure
	// Score is a result or a tally of two numbers: "10-2".
	Score
	// Place is a place: "Lake Berryessa", "in Queens", "at the church".
	Place
	// Person is a person the article names.
	Person
	// Org is an organisation: "Warwick University", "the PPP".
	Org
)

var kindNames = [...]string{"", "number", "money", "percent", "date", "clock", "duration", "age", "measure", "score", "place", "person", "org"}

// String returns the kind's name: "money", "date".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k > 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// IsQuantity reports whether the kind is a number of some sort.
func (k Kind) IsQuantity() bool { return k >= Number && k <= Score }

// Span is a typed stretch of a paragraph's text.
type Span struct {
	Kind Kind
	// Start and End are byte offsets in the paragraph's text.
	Start, End int32
}

// Find returns the typed spans of the tokens toks of a paragraph's text
// src (typically one sentence's tokens), in order of their starts. people
// holds, in ascending order, the byte offsets in src where the article
// names a person.
func Find(src string, toks []text.Token, people []int) []Span {
	r := reader{src: src, toks: toks, people: people}
	r.quantities()
	r.names()
	slices.SortFunc(r.out, func(x, y Span) int {
		if x.Start != y.Start {
			return int(x.Start - y.Start)
		}
		return int(y.End - x.End)
	})
	return r.out
}

// reader reads the spans of one run of tokens.
type reader struct {
	src    string
	toks   []text.Token
	people []int
	out    []Span
	taken  []bool // token -> part of a quantity's span
}

// add records a span from token i to token j (inclusive), ending at end
// when end is past the last token's end.
func (r *reader) add(k Kind, i, j int, end int) {
	e := r.toks[j].Span.End
	if end > e {
		e = end
	}
	r.out = append(r.out, Span{Kind: k, Start: int32(r.toks[i].Span.Start), End: int32(e)})
	if r.taken == nil {
		r.taken = make([]bool, len(r.toks))
	}
	for k := i; k <= j; k++ {
		r.taken[k] = true
	}
}

// word returns the folded word of token i, or "" past the ends or for a
// punctuation mark.
func (r *reader) word(i int) string {
	if i < 0 || i >= len(r.toks) || r.toks[i].Kind != text.Word {
		return ""
	}
	return r.toks[i].Fold
}

// raw returns the text of token i as written.
func (r *reader) raw(i int) string {
	t := r.toks[i]
	return r.src[t.Span.Start:t.Span.End]
}

// isPunct reports whether token i is one of the punctuation marks.
func (r *reader) isPunct(i int, marks string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].IsPunct(marks)
}
