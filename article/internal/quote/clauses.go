package quote

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// clauseAfter returns the reported clause after a verb of speech ending at
// toks[after-1]: what follows "that", what a control verb asks someone to
// do (from the verb on), or the words after the verb; empty when a
// quotation, a comma or the end of the sentence follows.
func (s *sentence) clauseAfter(verb, after int, info *lexicon.Verb) tokRange {
	if after >= s.to {
		return tokRange{}
	}
	t := s.toks[after]
	switch {
	case t.Fold == ":":
		if after+1 < s.to && s.toks[after+1].Kind != text.Quote && s.wordsIn(after+1, s.to) >= 3 {
			return tokRange{Start: after + 1, End: s.trimClauseEnd(after+1, s.to)}
		}
		return tokRange{}
	case t.Kind != text.Word:
		return tokRange{}
	}
	// Look for "that" a few words on: "said on Friday that", "told
	// reporters that", but not in "said the plan that was agreed …".
	lookFar := t.Is("that") || t.Has(lexicon.Prep) || t.Has(lexicon.Time) || t.Has(lexicon.Day) || info.Object
	for k := after; lookFar && k < s.to && k < after+9; k++ {
		tk := s.toks[k]
		if tk.Kind != text.Word {
			break
		}
		if tk.Is("that") && !tk.Upper {
			if k > after && k+1 < s.to && s.toks[k+1].Kind == text.Word && !s.toks[k+1].Upper && isParticiple(s.toks[k+1].Fold) && strings.HasSuffix(s.toks[k+1].Fold, "ed") {
				// "disclosed in an interview with Playbook that published
				// it": a relative clause about the noun, not a statement.
				return tokRange{}
			}
			if k+1 < s.to && s.wordsIn(k+1, s.to) >= 2 {
				return tokRange{Start: k + 1, End: s.to}
			}
			return tokRange{}
		}
		if lexicon.ClauseStarts[tk.Fold] && k > after {
			break
		}
	}
	if info.Control {
		for k := after; k < s.to && k < after+10; k++ {
			if s.toks[k].Kind != text.Word {
				break
			}
			if s.toks[k].Is("to") {
				return tokRange{Start: verb, End: s.to}
			}
		}
	}
	if t.Is("whether", "if", "why", "how", "what", "when") {
		return tokRange{Start: after, End: s.to}
	}
	if info.That {
		if !t.Upper && len(t.Fold) > 5 && strings.HasSuffix(t.Fold, "ing") && s.wordsIn(after, s.to) >= 3 {
			return tokRange{Start: after, End: s.to} // "denies supplying them", "admitted taking the money"
		}
		return tokRange{} // "confirmed the deal", "answered questions"
	}
	k := after
	if info.Object {
		k = s.skipObject(after, s.to)
		if k == after {
			return tokRange{}
		}
		if k < s.to && s.toks[k].Is("that") {
			k++
		}
	}
	if k >= s.to || s.toks[k].Kind != text.Word {
		return tokRange{}
	}
	if c := s.skipAdverbials(k, s.to); c > k {
		// "said in a statement it complied …", "said Friday the plan …"
		if c < s.to && s.toks[c].Kind == text.Word && s.toks[c].Is("that") && !s.toks[c].Upper {
			c++
		}
		if c < s.to && opensClause(s.toks[c]) && s.wordsIn(c, s.to) >= 3 {
			return tokRange{Start: c, End: s.to}
		}
		return tokRange{}
	}
	first := s.toks[k]
	if first.Is("no", "nothing", "none") && s.finiteVerbSoon(k+1, s.to) {
		// "said no deaths had been reported", "said nothing had changed",
		// but not "said no to the plan".
		return tokRange{Start: k, End: s.to}
	}
	if first.Has(lexicon.Prep) || first.Has(lexicon.BeAux) || first.Has(lexicon.HaveAux) || first.Has(lexicon.Modal) || first.Is("and", "but", "so", "as", "nothing", "goodbye", "no", "yes") {
		return tokRange{}
	}
	if s.wordsIn(k, s.to) < 3 || !s.hasVerb(k, s.to) {
		return tokRange{} // "claimed his own reward": an object, not a statement
	}
	return tokRange{Start: k, End: s.to}
}

// hasVerb reports whether the words from toks[from] hold what reads as the
// verb of a clause: an auxiliary, a modal, or a word in "-ed" or "-s" after
// the first ("the plane disappeared", "Russia has", "the rule applies").
func (p *paragraph) hasVerb(from, to int) bool {
	for k := from; k < to; k++ {
		t := p.toks[k]
		if t.Kind == text.Quote {
			return true
		}
		if t.Kind != text.Word || t.Upper {
			continue
		}
		if !t.Is("to") && t.Has(lexicon.BeAux|lexicon.HaveAux|lexicon.Modal) {
			return true
		}
		if k > from && len(t.Fold) > 3 && (strings.HasSuffix(t.Fold, "ed") || strings.HasSuffix(t.Fold, "s") && !strings.HasSuffix(t.Fold, "ss") && !strings.HasSuffix(t.Fold, "'s")) {
			return true
		}
	}
	return false
}

// skipAdverbials returns the index after the adverbials that may stand
// between a verb of speech and its clause, or k when there are none:
// days and times ("Friday", "last week"), adverbs ("separately") and short
// prepositional phrases ("in a statement", "at a briefing on Monday", "in
// an interview with the BBC").
func (p *paragraph) skipAdverbials(k, hi int) int {
	for k < hi && p.toks[k].Kind == text.Word {
		t := p.toks[k]
		switch {
		case t.Has(lexicon.Day) || (!t.Upper && t.Has(lexicon.Time) && !t.Is("then", "now", "this")):
			k++
		case !t.Upper && lyAdverb(t.Fold) || !t.Upper && t.Has(lexicon.Adverb) && !t.Is("all", "both", "even", "too", "since", "yet"):
			k++
		case !t.Upper && t.Has(lexicon.Prep) && !t.Is("like", "unlike", "about", "of", "since"):
			j := k + 1
			if j < hi && p.toks[j].Kind == text.Word && p.toks[j].Has(lexicon.Determiner|lexicon.Possessive) && !p.toks[j].Is("that", "this", "these", "those") {
				j++
			}
			n := 0
			for j < hi && n < 3 && p.toks[j].Kind == text.Word && p.toks[j].Class&(lexicon.Determiner|lexicon.Possessive|lexicon.Pronoun|lexicon.NPStop|lexicon.Prep|lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) == 0 {
				j++
				n++
			}
			if n == 0 {
				return k
			}
			k = j
		default:
			return k
		}
	}
	return k
}

// opensClause reports whether a word can open a reported clause after an
// adverbial: a pronoun, a determiner, a name or a number ("it complied",
// "the plan", "Russia had", "two men").
func opensClause(t text.Token) bool {
	return t.Kind == text.Word && (t.Has(lexicon.Pronoun|lexicon.Determiner|lexicon.Possessive) || t.Upper || startsDigit(t.Fold) || lexicon.NumberWords[t.Fold] ||
		t.Is("no", "nothing", "none", "some", "many", "most", "all", "both", "there", "each", "every", "several", "few"))
}

// finiteVerbSoon reports whether an auxiliary or a modal stands within the
// three words from toks[k]: the verb of a clause whose subject opened just
// before ("no deaths had", "nothing would").
func (p *paragraph) finiteVerbSoon(k, hi int) bool {
	for i := k; i < hi && i < k+3; i++ {
		t := p.toks[i]
		if t.Kind != text.Word {
			return false
		}
		if !t.Is("to") && t.Has(lexicon.BeAux|lexicon.HaveAux|lexicon.Modal) {
			return true
		}
	}
	return false
}

// skipObject skips the person a verb such as "told" is addressed to:
// "reporters", "Reuters", "the BBC", "him".
func (p *paragraph) skipObject(k, hi int) int {
	if k >= hi || p.toks[k].Kind != text.Word {
		return k
	}
	t := p.toks[k]
	if t.Has(lexicon.ObjPronoun) {
		return k + 1
	}
	end := k
	if t.Has(lexicon.Determiner) || t.Has(lexicon.Possessive) {
		end++
		// "the jury", "the packed court": the noun and what stands before it.
		for end < hi && end-k < 4 && p.toks[end].Kind == text.Word && !p.toks[end].Upper &&
			p.toks[end].Class&(lexicon.Determiner|lexicon.Possessive|lexicon.Pronoun|lexicon.NPStop|lexicon.Prep|lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) == 0 {
			end++
		}
		if end > k+1 {
			return end
		}
	}
	for end < hi && end-k < 5 && p.toks[end].Kind == text.Word && (p.toks[end].Upper || (end == k && p.toks[end].IsRole())) {
		end++
	}
	if end < hi && p.toks[end].Kind == text.Word && !p.toks[end].Upper && p.toks[end].IsRole() {
		end++
	}
	return end
}

// trimClauseEnd returns the end of a clause without its final punctuation.
func (p *paragraph) trimClauseEnd(from, to int) int {
	for to > from && p.toks[to-1].Kind == text.Punct {
		to--
	}
	return to
}

// cutTrailing ends a reported clause before a trailing attribution (",
// Reuters reported", ", according to officials", ", adding that …") or a
// colon that introduces a quotation. It returns the clause's end and the end
// of the region the attribution covers.
func (p *paragraph) cutTrailing(from, to, sentEnd int) (int, int) {
	for k := from; k < to; k++ {
		t := p.toks[k]
		if t.IsPunct(":;") {
			return p.trimClauseEnd(from, k), sentEnd
		}
		if t.Fold != "," || k+1 >= to {
			continue
		}
		if p.toks[k+1].Kind == text.Word && !p.toks[k+1].Upper {
			if info, _ := p.matchSpeechVerb(k + 1); info != nil && info.Ing {
				cut := p.trimClauseEnd(from, k)
				return cut, cut
			}
			if info, _ := p.matchSpeechVerb(k + 1); info != nil && info.Lemma == "according to" {
				return p.trimClauseEnd(from, k), sentEnd
			}
		}
		if p.attributionFollows(k+1) && p.tailEnds(k+1, to) {
			return p.trimClauseEnd(from, k), sentEnd
		}
	}
	return p.trimClauseEnd(from, to), sentEnd
}

// tailEnds reports whether the words from k to the end are a short
// attribution with nothing after it but an adverbial.
func (p *paragraph) tailEnds(k, to int) bool {
	words := 0
	for i := k; i < to; i++ {
		if p.toks[i].Kind == text.Quote {
			return false
		}
		if p.toks[i].Kind == text.Word {
			words++
		}
	}
	return words <= 10
}

// trailingAside reports whether the words from toks[k] to the end of the
// sentence are an aside about an attribution rather than the rest of a
// statement it interrupts: "…, the people said, speaking on condition of
// anonymity", "…, she said, adding that …", "…, he said on Friday".
func (p *paragraph) trailingAside(k, to int) bool {
	end := k
	for end < to && !p.toks[end].IsPunct(",;:.!?—") {
		end++
	}
	if end == k || p.toks[k].Kind != text.Word {
		return false
	}
	if info, _ := p.matchSpeechVerb(k); info != nil && info.Ing {
		return true
	}
	return p.trimClauseEnd(end, to) == end && p.isInsertion(k, end)
}

func (p *paragraph) wordsIn(from, to int) int {
	n := 0
	for k := from; k < to && k < len(p.toks); k++ {
		if p.toks[k].Kind == text.Word {
			n++
		} else if p.toks[k].Kind == text.Quote {
			n += 2
		}
	}
	return n
}

func (p *paragraph) hasQuote(from, to int) bool {
	for k := from; k < to && k < len(p.toks); k++ {
		if p.toks[k].Kind == text.Quote {
			return true
		}
	}
	return false
}

// quoteBefore reports whether a quotation ends right before toks[k],
// perhaps with a comma between.
func (s *sentence) quoteBefore(k int) bool {
	if k-1 >= s.from && s.toks[k-1].Kind == text.Quote {
		return true
	}
	return k-2 >= s.from && s.toks[k-1].IsPunct(",—") && s.toks[k-2].Kind == text.Quote
}

// quoteAfterIntro reports whether a quotation follows toks[k-1] after a
// colon or comma.
func (s *sentence) quoteAfterIntro(k int) bool {
	if k < s.to && s.toks[k].Kind == text.Quote {
		return true
	}
	return k+1 < s.to && s.toks[k].IsPunct(":,") && s.toks[k+1].Kind == text.Quote
}

// quoteIntroduced reports whether a quotation follows toks[k-1] after a
// colon or a comma, perhaps with a short adverbial before them: `wrote in
// an email on Saturday: "…"`, `posted on X: "…"`.
func (s *sentence) quoteIntroduced(k int) bool {
	if s.quoteAfterIntro(k) {
		return true
	}
	c := s.skipAdverbials(k, s.to)
	return c > k && c+1 < s.to && s.toks[c].IsPunct(":") && s.toks[c+1].Kind == text.Quote
}

// hasQuoteNextTo reports whether a quotation stands right before or after
// an attribution.
func (s *sentence) hasQuoteNextTo(a attribution) bool {
	return s.quoteBefore(a.start) || s.quoteIntroduced(a.verbEnd)
}
