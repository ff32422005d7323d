package quote

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// matchSpeechVerb returns the verb of speech starting at toks[i] and how
// many tokens it spans, or nil.
func (p *paragraph) matchSpeechVerb(i int) (*lexicon.Verb, int) {
	t := p.toks[i]
	if t.Kind != text.Word || t.Class&lexicon.Speech == 0 || (t.Upper && t.Fold != "according") {
		return nil, 0
	}
	for _, m := range lexicon.MultiWordVerbs(t.Fold) {
		ok := i+len(m.Rest) < len(p.toks)
		for k := 0; ok && k < len(m.Rest); k++ {
			ok = p.toks[i+1+k].Kind == text.Word && p.toks[i+1+k].Fold == m.Rest[k]
		}
		if ok {
			return m.Verb, 1 + len(m.Rest)
		}
	}
	if v := lexicon.SpeechVerb(t.Fold); v != nil {
		return v, 1
	}
	return nil, 0
}

// speechVerbAt reports whether a verb of speech stands at toks[k].
func (p *paragraph) speechVerbAt(k int) bool {
	info, _ := p.matchSpeechVerb(k)
	return info != nil
}

// attributionFollows reports whether the tokens from i on, up to the end of
// their sentence, are a short attribution such as "Kerry asked." or "said
// Jatras, a former diplomat." rather than a new statement.
func (p *paragraph) attributionFollows(i int) bool {
	end := i
	for end < len(p.toks) && !p.toks[end].IsPunct(".!?") && p.toks[end].Kind != text.Quote {
		end++
	}
	for v := i; v < end && v < i+8; v++ {
		t := p.toks[v]
		if t.Kind == text.Punct && t.Fold != "," {
			return false
		}
		if t.Kind != text.Word || t.Upper {
			continue
		}
		info, n := p.matchSpeechVerb(v)
		if info == nil || info.Ing {
			continue
		}
		if info.Base && v > i && !p.toks[v-1].Is("they", "we", "you") && !lexicon.IsPluralNoun(p.toks[v-1].Fold) {
			continue // "as demand for computers remains weak": a noun
		}
		after := v + n
		if v == i {
			// Inverted: "said Kerry". Skip the speaker.
			for after < end && p.toks[after].Kind == text.Word && !p.toks[after].Is("that", "whether") {
				after++
			}
		}
		if after < end && p.toks[after].Fold == "," {
			return true
		}
		words := 0
		for k := after; k < end; k++ {
			if p.toks[k].Is("that", "whether", "if") {
				return false
			}
			words++
		}
		return words <= 6
	}
	return false
}

// isParticiple reports whether a folded word looks like a participle:
// "published", "speaking".
func isParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// colonVerb stands for the colon of a headline such as `Merkel: "We will
// manage this"`, which attributes the quotation as a verb would.
var colonVerb = &lexicon.Verb{Lemma: ":"}
