package article

import (
	"strconv"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// The cues below tell what kind of thing a sentence holds, so that the form
// of a question can prefer the sentences holding what it asks for. Each
// reads the tokens of one sentence, with text the sentence they came from.

// hasNumber reports whether a sentence holds a number, in digits or in
// words ("four or five", "tens of millions", "dozens").
func hasNumber(toks []text.Token, sent string) bool {
	for _, t := range toks {
		if lexicon.NumberWords[t.Fold] || hasDigit(t.Fold) {
			return true
		}
	}
	return false
}

// hasTime reports whether a sentence says when: a day or a month ("on
// Friday", "in May"), a year, a time word ("yesterday", "ago") or a unit of
// time after a relative word or a number ("last year", "three weeks").
func hasTime(toks []text.Token, sent string) bool {
	for i, t := range toks {
		w := t.Fold
		prev, next := "", ""
		if i > 0 {
			prev = toks[i-1].Fold
		}
		if i+1 < len(toks) {
			next = toks[i+1].Fold
		}
		switch {
		case lexicon.TimeMarkers[w]:
			return true
		case lexicon.AmbiguousMonths[w] && text.StartsUpper(sent[t.Span.Start:]) && (lexicon.TimePreps[prev] || hasDigit(next)):
			return true
		case isYear(w):
			return true
		case lexicon.TimeUnits[w] && (lexicon.TimeRelatives[prev] || lexicon.NumberWords[prev] || hasDigit(prev) || next == "ago"):
			return true
		}
	}
	return false
}

// hasPlace reports whether a sentence says where: a capitalised name or a
// noun of place after a preposition of place ("in London", "near Latakia",
// "at an airfield"), or a name followed by a noun of place ("Latakia
// airbase").
func hasPlace(toks []text.Token, sent string) bool {
	for i, t := range toks {
		raw := sent[t.Span.Start:t.Span.End]
		if lexicon.PlaceNouns[t.Fold] && i > 0 && text.StartsUpper(sent[toks[i-1].Span.Start:]) && i-1 > 0 {
			return true
		}
		if lexicon.Of(t.Fold)&lexicon.Place != 0 && text.StartsUpper(raw) && i > 0 {
			return true
		}
		if !lexicon.LocativePreps[t.Fold] {
			continue
		}
		if lexicon.NearPreps[t.Fold] && i+1 < len(toks) {
			return true
		}
		// Look past determiners and up to two modifiers: "at a military
		// base", "in the north of".
		for j, skipped := i+1, 0; j < len(toks) && skipped <= 2; j++ {
			w := toks[j].Fold
			if lexicon.Determiners[w] || lexicon.Possessives[w] {
				continue
			}
			if lexicon.PlaceNouns[w] {
				return true
			}
			if text.StartsUpper(sent[toks[j].Span.Start:]) {
				if lexicon.Of(w)&(lexicon.Day|lexicon.Time|lexicon.Role|lexicon.Honorific|lexicon.NameStop) == 0 && !lexicon.AmbiguousMonths[w] {
					return true
				}
				break
			}
			skipped++
		}
	}
	return false
}

// hasCause reports whether a sentence gives a reason: "because", "due to",
// "prompted", "in response to".
func hasCause(toks []text.Token) bool {
	for _, t := range toks {
		if lexicon.CauseWords[t.Fold] {
			return true
		}
	}
	return false
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// isYear reports whether w is a year of four digits from 1000 to 2999.
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1000 && n < 3000
}
