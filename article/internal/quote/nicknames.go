package quote

import (
	"slices"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// A source who gives only the name they go by is introduced with a cue, the
// name often in quotation marks: `a resident who said his name was
// "Perry"`. Those quotation marks hold a name, not anyone's words, and
// wherever the name stands in them later (`"Perry" countered:`) it is
// read as a name.

// nicknames returns, per paragraph, the quotations that hold a name the
// article introduces as what someone goes by (indexes into the paragraph's
// Quotes), or nil when there are none.
func nicknames(segs []text.Paragraph) [][]int {
	names := map[string]bool{}
	for i := range segs {
		p := &segs[i]
		for _, q := range p.Quotes {
			if name, ok := quotedName(p, q); ok && cueBefore(p.Tokens, tokenBefore(p.Tokens, q.Open)) {
				names[name] = true
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	out := make([][]int, len(segs))
	for i := range segs {
		p := &segs[i]
		for qi, q := range p.Quotes {
			if name, ok := quotedName(p, q); ok && names[name] {
				out[i] = append(out[i], qi)
			}
		}
	}
	return out
}

// quotedName returns the folded words of a quotation that can be a name
// (one to three capitalised words, not in capitals throughout, with no
// punctuation but hyphens and apostrophes) and whether it can.
func quotedName(p *text.Paragraph, q text.Quotation) (string, bool) {
	if q.Nested || !q.Closed || q.Inner.End <= q.Inner.Start {
		return "", false
	}
	inner := p.Text[q.Inner.Start:q.Inner.End]
	words := strings.Fields(inner)
	if len(words) == 0 || len(words) > 3 || isAcronym(strings.Join(words, "")) {
		return "", false
	}
	for _, w := range words {
		if !text.StartsUpper(w) || strings.ContainsFunc(w, func(r rune) bool {
			return unicode.IsPunct(r) && r != '-' && r != '\'' && r != '’'
		}) {
			return "", false
		}
	}
	return text.Fold(inner), true
}

// tokenBefore returns the index of the last token ending at or before off,
// or -1.
func tokenBefore(toks []text.Token, off int) int {
	k, _ := slices.BinarySearchFunc(toks, off, func(t text.Token, off int) int { return t.Span.End - off - 1 })
	return k - 1
}

// cueBefore reports whether the words ending at toks[k] end with a phrase
// that introduces the name someone goes by ("his name was").
func cueBefore(toks []text.Token, k int) bool {
	for _, cue := range lexicon.NicknameCues {
		if k+1 < len(cue) {
			continue
		}
		ok := true
		for c := range cue {
			t := toks[k-len(cue)+1+c]
			if t.Kind != text.Word || t.Fold != cue[c] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// nicknameOf returns the description of the person that the name at
// toks[k], after a cue, is introduced for: the noun phrase before the
// relative clause that holds the cue ("a 21-year-old resident who would say
// only that his name was Perry"), without its article; or "".
func (p *paragraph) nicknameOf(k int) string {
	for w := k - 1; w >= 0 && w >= k-14; w-- {
		t := p.toks[w]
		if t.Kind != text.Word {
			return ""
		}
		if !t.Upper && t.Is("who") {
			from := p.npBefore(0, w)
			if from == w {
				return ""
			}
			desc := stripArticle(p.text[p.toks[from].Span.Start:p.toks[w-1].Span.End])
			if !lexicon.IsRoleWord(descriptionHead(strings.Fields(text.Fold(desc)))) {
				return ""
			}
			return desc
		}
	}
	return ""
}
