// Package text is the engine's segmentation layer: it splits a paragraph
// into tokens, quotations and sentences, once, so that every other part of
// the engine (search, quotes, summaries and answers) reads the same text the
// same way.
//
// A [Token] is a word or a punctuation mark with its byte span. A word
// keeps together what names and numbers need (al-Assad, AT&T, 4,500, 5.8,
// don't) and the period of an initial, an initialism or a title (J., U.S.,
// Mr.); [AppendWords] splits such a token into the plain words the search
// index keeps. A [Quotation] is a stretch between quotation marks, straight
// or curly, double or single, told apart from apostrophes and elisions. A
// [Sentence] knows whether it opens inside a quotation, from the same
// quotations every consumer reads. [Segment] does all three for the
// paragraphs of an article, following a quotation that runs on from one
// paragraph into the next.
//
// Words are compared folded ([Fold]) and stemmed ([Stem]).
package text

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// Span is a half-open byte range [Start, End) of a paragraph's text.
type Span struct {
	Start, End int
}

// Kind tells words from punctuation and quotations.
type Kind uint8

const (
	// Word is a word: letters and digits, with the apostrophes, hyphens and
	// periods that belong to it.
	Word Kind = iota + 1
	// Punct is a punctuation mark: , ; : . ! ? ( ) [ ] … or a dash.
	Punct
	// Quote is a whole quotation, marks included, standing for its words.
	// The tokenizer makes none: a reader that wants the words around
	// quotations rather than inside them makes them with [Collapse].
	Quote
)

// Token is one word, punctuation mark or quotation of a paragraph.
type Token struct {
	// Span locates the token in the paragraph's text.
	Span Span
	// Fold is a word folded (see [Fold]), or a punctuation mark as written,
	// with every dash as "—" and three periods as "…". It is empty for a
	// quotation.
	Fold string
	// Kind is Word, Punct or Quote.
	Kind Kind
	// Upper reports a word that starts with a capital letter.
	Upper bool
	// Class holds the word lists the folded word belongs to.
	Class lexicon.Class
	// Quote is, for a quotation, its index in the paragraph's quotations.
	Quote int32
}

// Is reports whether the token is one of the folded words.
func (t Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Fold == w {
			return true
		}
	}
	return false
}

// IsPunct reports whether the token is a punctuation mark among marks.
func (t Token) IsPunct(marks string) bool {
	return t.Kind == Punct && strings.Contains(marks, t.Fold)
}

// Has reports whether the word belongs to any of the classes c.
func (t Token) Has(c lexicon.Class) bool { return t.Class&c != 0 }

// IsRole reports whether the token is a role word or a role's plural.
func (t Token) IsRole() bool {
	return t.Class&(lexicon.Role|lexicon.RolePlural) != 0 || strings.HasSuffix(t.Fold, "-year-old")
}
