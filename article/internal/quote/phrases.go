package quote

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// nounPhrase is a phrase that names or describes a speaker.
type nounPhrase struct {
	kind    npKind
	from    int    // token range [from, to) in the paragraph
	to      int    //
	text    string // as written, without a leading "a", "an" or "the"
	det     string // "the", "a", "an" or ""
	title   string // npName: the title before the name
	name    string // npName: the name itself
	names   []string
	affil   string   // npName: the body a preposition ties the name to ("Urban Mobility Institute")
	head    string   // the folded head noun of a description
	words   []string // folded content words
	plural  bool
	gender  byte // from an honorific or a gendered role word
	initial bool // the phrase opens its sentence
}

type npKind uint8

const (
	npNone       npKind = iota
	npPronoun           // he, she, they, it
	npName              // "US Secretary of State John Kerry", "Kerry", "Reuters"
	npBody              // "the Pentagon", "the United States", "Press TV"
	npDefinite          // "the analyst", "the top US diplomat"
	npIndefinite        // "a US military official"
	npBare              // "US officials", "Pentagon spokesman"
	npOneOf             // "One, who asked not to be named, said": one of a group just written about
)

// classifyNP describes the phrase toks[from:to] of the sentence, whose
// first capital letter says nothing: a pronoun, a name with its title, a
// body, or a description, definite, indefinite or bare.
func (s *sentence) classifyNP(from, to int) nounPhrase {
	np := nounPhrase{from: from, to: to, initial: from == s.from}
	if from >= to {
		return np
	}
	if to-from == 1 && s.toks[from].Is("one", "another") {
		np.kind = npOneOf
		np.text = s.toks[from].Fold
		return np
	}
	if to-from == 1 && s.toks[from].Has(lexicon.Pronoun) {
		np.kind = npPronoun
		np.text = s.toks[from].Fold
		return np
	}
	st := from
	if s.toks[st].Has(lexicon.Determiner) && !s.toks[st].Is("this", "that", "these", "those") {
		np.det = s.toks[st].Fold
		st++
	}
	if st >= to {
		return nounPhrase{}
	}
	ph := s.toks[st:to]
	np.text = s.text[ph[0].Span.Start:ph[len(ph)-1].Span.End]
	if np.det == "the" && len(ph) == 1 && ph[0].Upper && lexicon.IsDemonym(ph[0].Fold) {
		// "the Scot", "the Portuguese": a person described by nationality.
		np.kind = npDefinite
		np.head = ph[0].Fold
		np.words = []string{ph[0].Fold}
		return np
	}
	and := np.readWords(ph)
	last := ph[len(ph)-1]
	lastRaw := s.text[last.Span.Start:last.Span.End]
	if and > 0 && last.Upper && ph[and-1].Upper {
		return s.namesJoined(np, ph, and)
	}
	if i := s.affiliationSplit(ph); i > 0 {
		// "Transport analyst Maria Chen of the Urban Mobility Institute":
		// the person, not the body.
		name := s.classifyNP(from, st+i)
		if name.kind == npName && len(name.names) > 0 {
			name.to = to
			name.affil = stripArticle(s.text[ph[i+1].Span.Start:last.Span.End])
			return name
		}
	}
	if heading(s.text[ph[0].Span.Start:last.Span.End]) {
		return nounPhrase{} // "SEARCHING THROUGH THE NIGHT": a subheading
	}
	lastNamey := last.Upper || hyphenName(lastRaw)
	if len(ph) == 1 && np.initial && np.det == "" && (last.IsRole() || last.Has(lexicon.Org)) && !isAcronym(lastRaw) {
		lastNamey = false // "Critics say", "Police said": the capital is the sentence's
	}
	if lastNamey && !strings.HasSuffix(last.Fold, "'s") {
		return s.namedPhrase(np, ph)
	}
	return s.description(np, ph)
}

// heading reports whether words are a heading set in capitals rather than
// a name: two words or more, one of them a word of five letters or more in
// capitals throughout.
func heading(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if len(w) >= 5 && isAcronym(w) {
			return true
		}
	}
	return false
}

// readWords notes the content words of the phrase ph and the gender its
// honorifics and role words give, and returns the index in ph of an "and"
// joining two parts, or -1.
func (np *nounPhrase) readWords(ph []text.Token) int {
	and := -1
	for k, t := range ph {
		w := text.TrimPossessive(t.Fold)
		if g, ok := lexicon.Gender[w]; ok && np.gender == 0 && (k < len(ph)-1 || !t.Upper || t.Has(lexicon.Honorific)) {
			np.gender = g
		}
		if !t.Has(lexicon.NameStop) && len(w) > 1 && !(w != t.Fold && lexicon.IsRoleWord(w) && k < len(ph)-1) {
			// Not the "victim" of "the victim's family": it is not the head.
			np.words = append(np.words, w)
		}
		if t.Fold == "and" && and < 0 && k > 0 && k < len(ph)-1 {
			and = k
		}
	}
	return and
}

// namesJoined reads names joined by "and" at ph[and], "Union leaders
// Gordon Reid and Fiona Shaw": people speaking as one.
func (s *sentence) namesJoined(np nounPhrase, ph []text.Token, and int) nounPhrase {
	last := ph[len(ph)-1]
	start := s.splitTitle(ph[:and])
	np.kind = npBody
	np.plural = true
	np.text = s.text[ph[min(start, and-1)].Span.Start:last.Span.End]
	if start > 0 && hasRoleTok(ph[:start]) {
		np.title = s.text[ph[0].Span.Start:ph[start-1].Span.End]
	}
	return np
}

// namedPhrase reads a phrase that ends with a capitalised word: a person's
// name with its title ("US Secretary of State John Kerry"), a body ("the
// Pentagon", "Chipmaker Veridian Semiconductor"), a title used alone, or a
// phrase about a name ("Critics of Kerry").
func (s *sentence) namedPhrase(np nounPhrase, ph []text.Token) nounPhrase {
	last := ph[len(ph)-1]
	start := s.splitTitle(ph)
	if b := bodyTitleEnd(ph, start); b > 0 {
		// "Chipmaker Veridian Semiconductor", "drone maker DJI": a body
		// with a description of it.
		np.kind = npBody
		np.title = s.text[ph[0].Span.Start:ph[b-1].Span.End]
		np.text = s.text[ph[b].Span.Start:last.Span.End]
		return np
	}
	if start == len(ph) || np.det != "" && !(start > 0 && hasRoleTok(ph[:start]) && !aboutName(ph, start)) {
		// No name, or "the Pentagon": a body, or a title used alone;
		// but "the novelist Priya Sethi" is a person.
		return s.bodyOrTitle(np, ph, start)
	}
	if start > 0 {
		if b := prepBeforeName(ph, start); b >= 0 && (b < 1 || !ph[b-1].Upper || ph[b-1].IsRole()) {
			// "Critics of Kerry", "a spokesman for Smith": about the name, not it.
			np.head = headNoun(ph)
			np.plural = lexicon.IsPluralNoun(np.head)
			np.kind = npBare
			return np
		}
	}
	np.kind = npName
	if len(ph)-start == 1 && start > 0 && !hasRoleTok(ph[:start]) {
		// "NHS Providers", "Press TV": the capitalised words are one name.
		np.name = np.text
		np.names = []string{text.Fold(text.TrimPossessive(np.text))}
		return np
	}
	np.title = strings.TrimSpace(s.text[ph[0].Span.Start:ph[start].Span.Start])
	np.name = s.text[ph[start].Span.Start:last.Span.End]
	for _, t := range ph[start:] {
		np.names = append(np.names, text.TrimPossessive(t.Fold))
	}
	if np.title != "" {
		np.title = strings.TrimSuffix(strings.TrimSuffix(np.title, ","), " of")
	}
	return np
}

// bodyOrTitle reads a capitalised phrase with no person's name in it, or
// one with an article before it: a title used alone ("the Prime
// Minister"), an unnamed source ("a Pentagon spokesman") or a body ("the
// Pentagon", "the independent Fiscal Council").
func (s *sentence) bodyOrTitle(np nounPhrase, ph []text.Token, start int) nounPhrase {
	if np.det == "the" && start == len(ph) && hasRoleTok(ph) && !hasOrgTok(ph) {
		np.kind = npDefinite
		np.head = headNoun(ph)
		return np
	}
	if np.det == "a" || np.det == "an" {
		np.kind = npIndefinite
		np.head = headNoun(ph)
		return np
	}
	np.kind = npBody
	if np.det == "the" {
		// "the independent Fiscal Council" is the Fiscal Council.
		b := 0
		for b < len(ph)-1 && !ph[b].Upper && !hyphenName(s.text[ph[b].Span.Start:ph[b].Span.End]) {
			b++
		}
		np.text = "the " + s.text[ph[b].Span.Start:ph[len(ph)-1].Span.End]
	}
	return np
}

// description reads a phrase of common nouns: "the analyst" (definite),
// "a US military official" (indefinite), "US officials" (bare).
func (s *sentence) description(np nounPhrase, ph []text.Token) nounPhrase {
	np.head = headNoun(ph)
	np.plural = lexicon.IsPluralNoun(np.head) && !(len(ph) > 2 && ph[0].Is("one") && ph[1].Is("of"))
	switch np.det {
	case "the":
		np.kind = npDefinite
	case "a", "an":
		np.kind = npIndefinite
	default:
		np.kind = npBare
		if np.initial && !isAcronym(s.text[ph[0].Span.Start:ph[0].Span.End]) && (ph[0].IsRole() || len(ph) == 1 && ph[0].Has(lexicon.Org)) {
			// "Officials said": the capital is the sentence's.
			np.text = strings.ToLower(np.text[:1]) + np.text[1:]
		}
	}
	return np
}

// npBefore reads a noun phrase backwards from toks[hi-1] down to no
// further than toks[lo], and returns the index of its first token (hi when
// there is none). A determiner or possessive ends the phrase; a pronoun is a
// phrase of its own. A leading preposition and its time word are dropped
// ("On Friday officials said" has the subject "officials").
func (p *paragraph) npBefore(lo, hi int) int {
	if hi <= lo || p.toks[hi-1].Kind != text.Word {
		return hi
	}
	last := p.toks[hi-1]
	if last.Has(lexicon.Pronoun) {
		return hi - 1
	}
	from := hi
	for k := hi - 1; k >= lo; k-- {
		t := p.toks[k]
		if t.Kind != text.Word {
			break
		}
		if !t.Upper && t.Fold == "and" && k > lo && k+1 < hi && p.toks[k+1].Upper && p.toks[k-1].Upper && p.toks[k-1].Kind == text.Word {
			// "Gordon Reid and Fiona Shaw said": both are the subject.
			from = k
			continue
		}
		if !t.Upper && t.Has(lexicon.NPStop) {
			break
		}
		if t.Has(lexicon.Determiner) || t.Has(lexicon.Possessive) {
			from = k
			// "people familiar with the matter", "officials in the
			// capital": the determiner belongs to a phrase inside.
			if k-2 >= lo && p.toks[k-1].Kind == text.Word && !p.toks[k-1].Upper &&
				p.toks[k-1].Is("of", "with", "in", "at", "for", "from", "on", "to", "close") &&
				p.toks[k-2].Kind == text.Word && (!p.toks[k-2].Upper || p.toks[k-2].Has(lexicon.NameStop) && p.toks[k-1].Is("of") || p.affiliationAfter(k-2, k-1)) &&
				!p.toks[k-2].Has(lexicon.NPStop) && !p.toks[k-2].Has(lexicon.Prep) &&
				!p.toks[k-2].Has(lexicon.Determiner) && !p.toks[k-2].Has(lexicon.Pronoun) && !p.speechVerbAt(k-2) {
				continue
			}
			break
		}
		if (t.Has(lexicon.Pronoun) && !t.Upper) || (k < hi-1 && t.Has(lexicon.Day)) ||
			(k < hi-1 && !t.Upper && t.Has(lexicon.Time) && p.toks[k+1].Upper) {
			break // "earlier this year Zhang claimed"
		}
		if t.Upper && (t.Has(lexicon.NPStop) || t.Has(lexicon.LeadAdverb)) && k < hi-1 && !t.Has(lexicon.Determiner) {
			break
		}
		from = k
		if hi-from > 12 {
			return hi
		}
	}
	// "On Friday officials", "In London Kerry": drop the adverbial.
	for from < hi-1 && p.toks[from].Has(lexicon.Prep) {
		from++
		for from < hi-1 && (p.toks[from].Has(lexicon.Time) || startsDigit(p.toks[from].Fold)) {
			from++
		}
	}
	return from
}

// affiliationAfter reports whether the capitalised word at toks[k] can end
// a name or a title that the preposition at toks[prep] ties to a body:
// "Maria Chen of the institute", "Officials at the ministry". Body and
// function words cannot: "the Bank of England", "One of the".
func (p *paragraph) affiliationAfter(k, prep int) bool {
	return p.toks[k].Upper && p.toks[k].Class&(lexicon.Org|lexicon.Day|lexicon.NameStop|lexicon.Portfolio|lexicon.Nationality|lexicon.Place) == 0 &&
		p.toks[prep].Is("of", "at", "from", "with", "for")
}

// npAfter reads a noun phrase forwards from toks[lo], no further than
// toks[hi-1], and returns the index just past it (lo when there is none):
// a pronoun, a name with its title ("US Secretary of State John Kerry"),
// or a description ("a spokesman for the ministry").
func (p *paragraph) npAfter(lo, hi int) int {
	if lo >= hi || p.toks[lo].Kind != text.Word {
		return lo
	}
	first := p.toks[lo]
	if first.Has(lexicon.Pronoun) {
		return lo + 1
	}
	if !first.Upper && (first.Has(lexicon.Adverb|lexicon.Time|lexicon.LeadAdverb|lexicon.Prep|lexicon.NPStop) || lyAdverb(first.Fold)) {
		return lo // "…, said later", "…, said on Friday"
	}
	k := lo
	if first.Has(lexicon.Determiner) || first.Has(lexicon.Possessive) {
		k++
	}
	for k < hi && k-lo < 14 {
		t := p.toks[k]
		if t.Kind != text.Word || (!t.Upper && t.Has(lexicon.NPStop)) {
			break
		}
		if !t.Upper && t.Has(lexicon.Prep) {
			// Keep "a spokesman for the ministry", "the head of the agency".
			if !t.Is("of", "for", "at", "to", "from") || k+1 >= hi || p.toks[k+1].Kind != text.Word ||
				p.toks[k+1].Has(lexicon.Day) || p.toks[k+1].Has(lexicon.Time) {
				break
			}
		}
		if t.Upper && t.Has(lexicon.Day) {
			break
		}
		if k > lo && !t.Upper && isParticiple(t.Fold) && !p.toks[k-1].Has(lexicon.Determiner|lexicon.Possessive) && (k+1 >= hi || p.toks[k+1].Kind != text.Word ||
			p.toks[k+1].Has(lexicon.Prep|lexicon.Determiner|lexicon.Day) || p.toks[k+1].Is("by", "to", "on", "at")) {
			break // "a study published in Nature", "figures released on Monday"
		}
		k++
	}
	return k
}

// prepBeforeName returns the index of the preposition that ties the name
// starting at ph[start] to the words before it, skipping "the" and
// honorifics ("Officials at the Pentagon", "a spokesman for Mr Putin"), or
// -1 when there is none.
func prepBeforeName(ph []text.Token, start int) int {
	b := start - 1
	for b > 0 && (ph[b].Is("the") || ph[b].Has(lexicon.Honorific)) {
		b--
	}
	if b >= 0 && (ph[b].Has(lexicon.Prep) || ph[b].Is("of", "to")) && !ph[b].Has(lexicon.Portfolio) && !ph[b].Upper {
		return b
	}
	return -1
}

// aboutName reports whether the words before the name at ph[start] are
// about the name rather than its title: "a spokesman for Mr Putin".
func aboutName(ph []text.Token, start int) bool {
	return prepBeforeName(ph, start) >= 0
}

// bodyTitleEnd returns the index in ph just after the words that describe
// the body named after them ("Chipmaker", "Gulf logistics firm"), or 0.
// start is where splitTitle found a person's name, len(ph) for none.
func bodyTitleEnd(ph []text.Token, start int) int {
	if start < len(ph) {
		if start > 0 && ph[start-1].Has(lexicon.BodyTitle) {
			return start
		}
		return 0
	}
	for b := len(ph) - 2; b >= 0; b-- {
		if ph[b].Has(lexicon.BodyTitle) && ph[b+1].Upper && !ph[b+1].Has(lexicon.BodyTitle) {
			return b + 1
		}
	}
	return 0
}

// affiliationSplit returns the index in ph of a preposition that ties a
// person's name to a body ("Maria Chen of the Urban Mobility Institute",
// "Priya Natarajan at Halden & Co"), or -1. The body after it opens with
// "the", holds a word such as "Institute" or "Bank", or is capitalised
// throughout.
func (p *paragraph) affiliationSplit(ph []text.Token) int {
	for i := 1; i+1 < len(ph); i++ {
		t := ph[i]
		if t.Upper || !t.Is("of", "at", "from") {
			continue
		}
		if !p.isNameTok(ph[i-1]) || ph[i-1].Has(lexicon.Place) {
			continue // "Secretary of State John Kerry"
		}
		rest := ph[i+1:]
		if rest[0].Is("the") || hasOrgTok(rest) {
			return i
		}
		for _, r := range rest {
			if !r.Upper && !r.Is("of", "and", "for", "the") {
				return -1
			}
		}
		return i
	}
	return -1
}

// headNoun returns the head of a description: its last word before a
// preposition ("head of the agency" → "head").
func headNoun(ph []text.Token) string {
	if len(ph) > 2 && ph[1].Is("of") && (ph[0].Has(lexicon.NameStop) || startsDigit(ph[0].Fold)) {
		// "one of the organisers", "some of the residents"
		ph = ph[2:]
		if len(ph) > 1 && ph[0].Has(lexicon.Determiner|lexicon.Possessive) {
			ph = ph[1:]
		}
	}
	for i := 1; i < len(ph); i++ {
		if ph[i].Has(lexicon.Prep) || ph[i].Is("of", "to") {
			if !ph[i].Upper && ph[i-1].Upper && !ph[i-1].IsRole() && i+1 < len(ph) && ph[i+1].Upper {
				continue // inside a name: "Federal Reserve Bank of Dallas research"
			}
			h := i - 1
			if h > 0 && ph[h].Has(lexicon.PostModifier) {
				h-- // "people familiar with the matter"
			}
			return text.TrimPossessive(ph[h].Fold)
		}
	}
	return text.TrimPossessive(ph[len(ph)-1].Fold)
}

func hasRoleTok(ph []text.Token) bool {
	for _, t := range ph {
		if t.IsRole() {
			return true
		}
	}
	return false
}

func hasOrgTok(ph []text.Token) bool {
	for _, t := range ph {
		if t.Has(lexicon.Org) {
			return true
		}
	}
	return false
}

func hasRoleWord(lows []string) bool {
	for _, w := range lows {
		if lexicon.IsRoleWord(w) {
			return true
		}
	}
	return false
}

// kindName names the kind of phrase a subject is, as the sieves that
// attribute a quotation in its own sentence are named by it: an explicit
// name, a pronoun or a description.
func (np nounPhrase) kindName() string {
	switch np.kind {
	case npPronoun:
		return "pronoun"
	case npName:
		return "name"
	case npBody:
		return "body"
	case npOneOf:
		return "one of"
	}
	return "description"
}

// isSpeaker reports whether a phrase can name who said something.
func (np nounPhrase) isSpeaker() bool {
	switch np.kind {
	case npNone:
		return false
	case npPronoun:
		return !np.is("i", "we", "you")
	case npOneOf:
		return true
	}
	if np.head != "" && lexicon.NonSpeakers[np.head] {
		return false
	}
	if first, _, _ := strings.Cut(strings.ToLower(np.text), " "); first == "no" || first == "neither" {
		return false // "no group claimed responsibility"
	}
	if len(np.words) == 0 && np.kind != npName {
		return false
	}
	if isDescription(np) || np.kind == npBare {
		return speakerHead(np.head)
	}
	return true
}

// speakerHead reports whether a description with the folded head noun
// can name who said something: a person by role ("the analyst", "critics",
// "the Scot"), a body ("the ministry", "the airline") or what a body
// issues ("the statement"), but not "that mobility remains low" or "the
// local election results".
func speakerHead(head string) bool {
	return lexicon.IsRoleWord(head) || lexicon.OrgWords[head] || lexicon.BodyTitles[head] ||
		lexicon.DocumentNouns[head] || lexicon.IsDemonym(head) || lexicon.SpeakingNouns[head] ||
		lexicon.OrgWords[singular(head)] || lexicon.BodyTitles[singular(head)] || lexicon.SpeakingNouns[singular(head)]
}

func singular(w string) string {
	s, _ := lexicon.Singular(w)
	return s
}

// is reports whether the phrase is one of the words, as written.
func (np nounPhrase) is(words ...string) bool { return slices.Contains(words, np.text) }

// isDescription reports whether a phrase describes rather than names:
// "a former diplomat", "the director of the agency".
func isDescription(np nounPhrase) bool {
	switch np.kind {
	case npIndefinite, npDefinite:
		return true
	case npBare:
		return !np.plural
	}
	return false
}

// namesSomeone reports whether a phrase to the left of a description can
// be the person the description is about.
func namesSomeone(np nounPhrase) bool {
	switch np.kind {
	case npName, npBody, npPronoun:
		return true
	case npDefinite, npBare:
		return lexicon.IsRoleWord(np.head) || possessivePhrase(np)
	}
	return false
}

func possessivePhrase(np nounPhrase) bool {
	for _, w := range np.words {
		if strings.HasSuffix(w, "'s") {
			return true
		}
	}
	return false
}

// titleBeforeName reports whether the lower-case title words or particles
// from toks[k] lead up to a capitalised word before end.
func (p *paragraph) titleBeforeName(k, end int) bool {
	for ; k < end; k++ {
		t := p.toks[k]
		if t.Kind != text.Word {
			return false
		}
		if t.Upper {
			return true
		}
		if !t.IsRole() && !t.Has(lexicon.Portfolio|lexicon.Particle) {
			return false
		}
	}
	return false
}

// nameRunEnd returns the end of the capitalised run that starts at
// toks[k], with the lower-case title words and particles inside it
// ("Transport commissioner Funmi Adebayo", "Bashar al-Assad"); k when no run
// starts there.
func (p *paragraph) nameRunEnd(k, end int) int {
	e := k
	if e < end && p.toks[e].Has(lexicon.Determiner) {
		e++
	}
	start := e
	if e < end && p.toks[e].Has(lexicon.NameStop) {
		return k // "Her successor", "This week"
	}
	for e < end {
		t := p.toks[e]
		if t.Upper || hyphenName(p.text[t.Span.Start:t.Span.End]) {
			e++
			continue
		}
		if e > start && e+1 < end && (p.toks[e+1].Upper || hyphenName(p.text[p.toks[e+1].Span.Start:p.toks[e+1].Span.End])) &&
			(t.Is("of", "the") || t.Has(lexicon.Particle) || t.IsRole() || t.Has(lexicon.Portfolio)) {
			e++
			continue
		}
		if (t.IsRole() || t.Has(lexicon.Portfolio|lexicon.Particle)) && p.titleBeforeName(e, end) {
			e++ // "The novelist Priya Sethi", "former prime minister Helen Marsh", "von der Leyen"
			continue
		}
		break
	}
	if e == start {
		return k
	}
	return e
}
