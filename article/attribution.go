package article

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// matchSpeechVerb returns the verb of speech starting at toks[i] and how
// many tokens it spans, or nil.
func matchSpeechVerb(toks []qtok, i int) (*lexicon.Verb, int) {
	t := toks[i]
	if t.Kind != tkWord || t.Class&lexicon.Speech == 0 || (t.Upper && t.Fold != "according") {
		return nil, 0
	}
	for _, m := range lexicon.MultiWordVerbs(t.Fold) {
		ok := i+len(m.Rest) < len(toks)
		for k := 0; ok && k < len(m.Rest); k++ {
			ok = toks[i+1+k].Kind == tkWord && toks[i+1+k].Fold == m.Rest[k]
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

// npBefore reads a noun phrase backwards from toks[hi-1] down to no
// further than toks[lo], and returns the index of its first token (hi when
// there is none). A determiner or possessive ends the phrase; a pronoun is a
// phrase of its own. A leading preposition and its time word are dropped
// ("On Friday officials said" has the subject "officials").
func npBefore(toks []qtok, lo, hi int) int {
	if hi <= lo || toks[hi-1].Kind != tkWord {
		return hi
	}
	last := toks[hi-1]
	if last.Has(lexicon.Pronoun) {
		return hi - 1
	}
	from := hi
	for k := hi - 1; k >= lo; k-- {
		t := toks[k]
		if t.Kind != tkWord {
			break
		}
		if !t.Upper && t.Fold == "and" && k > lo && k+1 < hi && toks[k+1].Upper && toks[k-1].Upper && toks[k-1].Kind == tkWord {
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
			if k-2 >= lo && toks[k-1].Kind == tkWord && !toks[k-1].Upper &&
				toks[k-1].Is("of", "with", "in", "at", "for", "from", "on", "to", "close") &&
				toks[k-2].Kind == tkWord && (!toks[k-2].Upper || toks[k-2].Has(lexicon.NameStop) && toks[k-1].Is("of") || affiliationAfter(toks, k-2, k-1)) &&
				!toks[k-2].Has(lexicon.NPStop) && !toks[k-2].Has(lexicon.Prep) &&
				!toks[k-2].Has(lexicon.Determiner) && !toks[k-2].Has(lexicon.Pronoun) && !speechVerbAt(toks, k-2) {
				continue
			}
			break
		}
		if (t.Has(lexicon.Pronoun) && !t.Upper) || (k < hi-1 && t.Has(lexicon.Day)) {
			break
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
	for from < hi-1 && toks[from].Has(lexicon.Prep) {
		from++
		for from < hi-1 && (toks[from].Has(lexicon.Time) || startsDigit(toks[from].Fold)) {
			from++
		}
	}
	return from
}

// affiliationAfter reports whether the capitalised word at toks[k] can end
// a name or a title that the preposition at toks[prep] ties to a body:
// "Maria Chen of the institute", "Officials at the ministry". Body and
// function words cannot: "the Bank of England", "One of the".
func affiliationAfter(toks []qtok, k, prep int) bool {
	return toks[k].Upper && toks[k].Class&(lexicon.Org|lexicon.Day|lexicon.NameStop|lexicon.Portfolio|lexicon.Nationality|lexicon.Place) == 0 &&
		toks[prep].Is("of", "at", "from", "with", "for")
}

// npAfter reads a noun phrase forwards from toks[lo], no further than
// toks[hi-1], and returns the index just past it (lo when there is none):
// a pronoun, a name with its title ("US Secretary of State John Kerry"),
// or a description ("a spokesman for the ministry").
func npAfter(toks []qtok, lo, hi int) int {
	if lo >= hi || toks[lo].Kind != tkWord {
		return lo
	}
	first := toks[lo]
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
		t := toks[k]
		if t.Kind != tkWord || (!t.Upper && t.Has(lexicon.NPStop)) {
			break
		}
		if !t.Upper && t.Has(lexicon.Prep) {
			// Keep "a spokesman for the ministry", "the head of the agency".
			if !t.Is("of", "for", "at", "to", "from") || k+1 >= hi || toks[k+1].Kind != tkWord ||
				toks[k+1].Has(lexicon.Day) || toks[k+1].Has(lexicon.Time) {
				break
			}
		}
		if t.Upper && t.Has(lexicon.Day) {
			break
		}
		if k > lo && !t.Upper && isParticiple(t.Fold) && (k+1 >= hi || toks[k+1].Kind != tkWord ||
			toks[k+1].Has(lexicon.Prep|lexicon.Determiner|lexicon.Day) || toks[k+1].Is("by", "to", "on", "at")) {
			break // "a study published in Nature", "figures released on Monday"
		}
		k++
	}
	return k
}

// isParticiple reports whether a folded word looks like a participle:
// "published", "speaking".
func isParticiple(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

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
)

// classifyNP describes the phrase toks[from:to] of text. sentFrom is the
// first token of its sentence, whose capital letter says nothing.
func classifyNP(toks []qtok, from, to int, text string, sentFrom int) nounPhrase {
	np := nounPhrase{from: from, to: to, initial: from == sentFrom}
	if from >= to {
		return np
	}
	if to-from == 1 && toks[from].Has(lexicon.Pronoun) {
		np.kind = npPronoun
		np.text = toks[from].Fold
		return np
	}
	s := from
	if toks[s].Has(lexicon.Determiner) && !toks[s].Is("this", "that", "these", "those") {
		np.det = toks[s].Fold
		s++
	}
	if s >= to {
		return nounPhrase{}
	}
	ph := toks[s:to]
	np.text = text[ph[0].Span.Start:ph[len(ph)-1].Span.End]
	if np.det == "the" && len(ph) == 1 && ph[0].Upper && lexicon.IsDemonym(ph[0].Fold) {
		// "the Scot", "the Portuguese": a person described by nationality.
		np.kind = npDefinite
		np.head = ph[0].Fold
		np.words = []string{ph[0].Fold}
		return np
	}
	and := -1
	for k, t := range ph {
		w := trimPossessive(t.Fold)
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
	last := ph[len(ph)-1]
	lastRaw := text[last.Span.Start:last.Span.End]
	if and > 0 && last.Upper && ph[and-1].Upper {
		// "Union leaders Gordon Reid and Fiona Shaw": people speaking as one.
		start := splitTitle(ph[:and], text)
		np.kind = npBody
		np.plural = true
		np.text = text[ph[min(start, and-1)].Span.Start:last.Span.End]
		if start > 0 && hasRoleTok(ph[:start]) {
			np.title = text[ph[0].Span.Start:ph[start-1].Span.End]
		}
		return np
	}
	if i := affiliationSplit(ph, text); i > 0 {
		// "Transport analyst Maria Chen of the Urban Mobility Institute":
		// the person, not the body.
		name := classifyNP(toks, from, s+i, text, sentFrom)
		if name.kind == npName && len(name.names) > 0 {
			name.to = to
			name.affil = stripArticle(text[ph[i+1].Span.Start:last.Span.End])
			return name
		}
	}
	lastNamey := last.Upper || hyphenName(lastRaw)
	if len(ph) == 1 && np.initial && np.det == "" && (last.IsRole() || last.Has(lexicon.Org)) && !isAcronym(lastRaw) {
		lastNamey = false // "Critics say", "Police said": the capital is the sentence's
	}
	if lastNamey && !strings.HasSuffix(last.Fold, "'s") {
		start := splitTitle(ph, text)
		if b := bodyTitleEnd(ph, start); b > 0 {
			// "Chipmaker Veridian Semiconductor", "drone maker DJI": a body
			// with a description of it.
			np.kind = npBody
			np.title = text[ph[0].Span.Start:ph[b-1].Span.End]
			np.text = text[ph[b].Span.Start:last.Span.End]
			return np
		}
		if start == len(ph) || np.det != "" && !(start > 0 && hasRoleTok(ph[:start]) && !aboutName(ph, start)) {
			// No name, or "the Pentagon": a body, or a title used alone;
			// but "the novelist Priya Sethi" is a person.
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
				for b < len(ph)-1 && !ph[b].Upper && !hyphenName(text[ph[b].Span.Start:ph[b].Span.End]) {
					b++
				}
				np.text = "the " + text[ph[b].Span.Start:last.Span.End]
			}
			return np
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
			np.names = []string{Fold(trimPossessive(np.text))}
			return np
		}
		np.title = strings.TrimSpace(text[ph[0].Span.Start:ph[start].Span.Start])
		np.name = text[ph[start].Span.Start:last.Span.End]
		for _, t := range ph[start:] {
			np.names = append(np.names, trimPossessive(t.Fold))
		}
		if np.title != "" {
			np.title = strings.TrimSuffix(strings.TrimSuffix(np.title, ","), " of")
		}
		return np
	}
	np.head = headNoun(ph)
	np.plural = lexicon.IsPluralNoun(np.head) && !(len(ph) > 2 && ph[0].Is("one") && ph[1].Is("of"))
	switch np.det {
	case "the":
		np.kind = npDefinite
	case "a", "an":
		np.kind = npIndefinite
	default:
		np.kind = npBare
		if np.initial && !isAcronym(text[ph[0].Span.Start:ph[0].Span.End]) && (ph[0].IsRole() || len(ph) == 1 && ph[0].Has(lexicon.Org)) {
			// "Officials said": the capital is the sentence's.
			np.text = strings.ToLower(np.text[:1]) + np.text[1:]
		}
	}
	return np
}

// prepBeforeName returns the index of the preposition that ties the name
// starting at ph[start] to the words before it, skipping "the" and
// honorifics ("Officials at the Pentagon", "a spokesman for Mr Putin"), or
// -1 when there is none.
func prepBeforeName(ph []qtok, start int) int {
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
func aboutName(ph []qtok, start int) bool {
	return prepBeforeName(ph, start) >= 0
}

// bodyTitleEnd returns the index in ph just after the words that describe
// the body named after them ("Chipmaker", "Gulf logistics firm"), or 0.
// start is where splitTitle found a person's name, len(ph) for none.
func bodyTitleEnd(ph []qtok, start int) int {
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
func affiliationSplit(ph []qtok, text string) int {
	for i := 1; i+1 < len(ph); i++ {
		t := ph[i]
		if t.Upper || !t.Is("of", "at", "from") {
			continue
		}
		if !isNameTok(ph[i-1], text) || ph[i-1].Has(lexicon.Place) {
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

func trimPossessive(w string) string {
	w = strings.TrimSuffix(w, "'s")
	return strings.TrimSuffix(w, "’s")
}

// headNoun returns the head of a description: its last word before a
// preposition ("head of the agency" → "head").
func headNoun(ph []qtok) string {
	if len(ph) > 2 && ph[1].Is("of") && (ph[0].Has(lexicon.NameStop) || startsDigit(ph[0].Fold)) {
		// "one of the organisers", "some of the residents"
		ph = ph[2:]
		if len(ph) > 1 && ph[0].Has(lexicon.Determiner|lexicon.Possessive) {
			ph = ph[1:]
		}
	}
	for i := 1; i < len(ph); i++ {
		if ph[i].Has(lexicon.Prep) || ph[i].Is("of", "to") {
			h := i - 1
			if h > 0 && ph[h].Has(lexicon.PostModifier) {
				h-- // "people familiar with the matter"
			}
			return trimPossessive(ph[h].Fold)
		}
	}
	return trimPossessive(ph[len(ph)-1].Fold)
}

// speechVerbAt reports whether a verb of speech stands at toks[k].
func speechVerbAt(toks []qtok, k int) bool {
	info, _ := matchSpeechVerb(toks, k)
	return info != nil
}

func hasRoleTok(ph []qtok) bool {
	for _, t := range ph {
		if t.IsRole() {
			return true
		}
	}
	return false
}

func hasOrgTok(ph []qtok) bool {
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

// isSpeaker reports whether a phrase can name who said something.
func (np nounPhrase) isSpeaker() bool {
	switch np.kind {
	case npNone:
		return false
	case npPronoun:
		return !np.is("i", "we", "you")
	}
	if np.head != "" && lexicon.NonSpeakers[np.head] {
		return false
	}
	if len(np.words) == 0 && np.kind != npName {
		return false
	}
	return true
}

func (np nounPhrase) is(words ...string) bool {
	for _, w := range words {
		if np.text == w {
			return true
		}
	}
	return false
}

// attrForm is the shape of an attribution.
type attrForm uint8

const (
	formNormal     attrForm = iota // Kerry said …
	formInverted                   // "…," said Kerry
	formAccording                  // according to Kerry, …
	formParticiple                 // …, adding that …
	formLead                       // Kerry met Lavrov and said …: the subject is the sentence's
)

// attribution is a verb of speech in a sentence with who it attributes
// words to.
type attribution struct {
	verb, verbEnd int // the verb's tokens
	info          *lexicon.Verb
	form          attrForm
	subj          nounPhrase
	appos         string // an appositive describing the subject
	start, end    int    // the tokens of the attribution: subject, verb, appositive
	clause        Span   // token range of the reported clause; empty when none
	raw           int    // the token the clause region runs to, before any trailing attribution was cut
	ent           *entity
	direct        bool // a whole quotation is attributed by it
	headline      bool // `Name: "…"`, whose name may be a title given in full later
}

// findAttributions finds the verbs of speech of a sentence that have a
// speaker, with their reported clauses. A verb inside the reported clause
// of an earlier one ("Kerry said that Lavrov told him …") and a trailing
// credit ("…, Reuters reported") of a sentence that already has an
// attribution are left out.
func findAttributions(toks []qtok, s qsent, text string) []attribution {
	var found []attribution
	for i := s.from; i < s.to; i++ {
		info, n := matchSpeechVerb(toks, i)
		if info == nil {
			continue
		}
		a, ok := attributeVerb(toks, s, i, n, info, text)
		if ok {
			covered := false
			for _, b := range found {
				if b.clause.End > b.clause.Start && i >= b.clause.Start && i < b.raw {
					covered = true
				}
			}
			if !covered {
				found = append(found, a)
			}
		}
		i += n - 1
	}
	if len(found) == 0 {
		if a, ok := headlineAttribution(toks, s, text); ok {
			found = append(found, a)
		}
	}
	// A participle's subject is the previous attribution's.
	for k := range found {
		if found[k].form == formParticiple || found[k].form == formLead {
			if k > 0 {
				found[k].subj = found[k-1].subj
				found[k].appos = ""
			} else {
				found[k].subj = leadSubject(toks, s, text)
			}
		}
	}
	kept := found[:0]
	for _, a := range found {
		if a.subj.isSpeaker() {
			kept = append(kept, a)
		}
	}
	return kept
}

// colonVerb stands for the colon of a headline such as `Merkel: "We will
// manage this"`, which attributes the quotation as a verb would.
var colonVerb = &lexicon.Verb{Lemma: ":"}

// headlineAttribution reads a sentence made of a name, a colon and a
// quotation as the name's words.
func headlineAttribution(toks []qtok, s qsent, text string) (attribution, bool) {
	c := s.from
	for c < s.to && toks[c].Kind == tkWord {
		c++
	}
	if c == s.from || c-s.from > 6 || c+1 >= s.to || toks[c].Fold != ":" || toks[c+1].Kind != tkQuote {
		return attribution{}, false
	}
	np := classifyNP(toks, s.from, c, text, s.from)
	if np.kind != npName && !((np.kind == npBody || np.kind == npBare) && hasRoleWord(np.words)) {
		return attribution{}, false // a name, or a title: `Minister: "We will act"`
	}
	return attribution{verb: c, verbEnd: c + 1, info: colonVerb, subj: np, start: s.from, end: c + 1, headline: true}, true
}

// attributeVerb reads the speaker and the reported clause of the verb of
// speech at toks[v:v+n].
func attributeVerb(toks []qtok, s qsent, v, n int, info *lexicon.Verb, text string) (attribution, bool) {
	a := attribution{verb: v, verbEnd: v + n, info: info, start: v, end: v + n}
	if info.Noun && n == 1 {
		// "states", "reports": a verb only before "that", a colon, a comma
		// or a quotation ("Kerry states that …", not "member states agreed").
		if v+1 >= s.to {
			return a, false
		}
		next := toks[v+1]
		if !(next.Is("that") || next.IsPunct(":,") || next.Kind == tkQuote) {
			return a, false
		}
	}
	prev := func(k int) (qtok, bool) {
		if k > s.from {
			return toks[k-1], true
		}
		return qtok{}, false
	}
	switch {
	case info.Lemma == "according to":
		a.form = formAccording
		first := v == s.from // "According to X, CLAUSE"
		from := v + n
		end := npAfter(toks, from, s.to)
		if end == from {
			return a, false
		}
		if np := classifyNP(toks, from, end, text, s.from); !np.isSpeaker() && end+2 < s.to &&
			isParticiple(toks[end].Fold) && toks[end+1].Is("by") {
			// "according to figures published by the Fiscal Council": the
			// body that published them.
			if e2 := npAfter(toks, end+2, s.to); e2 > end+2 {
				from, end = end+2, e2
			}
		}
		if end+1 < s.to && toks[end].Is("and", "or") && !toks[end].Upper {
			// "according to Kyiv and Western governments"
			if e2 := npAfter(toks, end+1, s.to); e2 > end+1 && (e2 == s.to || toks[e2].Kind != tkWord) {
				end = e2
			}
		}
		a.subj = classifyNP(toks, from, end, text, s.from)
		a.end = end
		a.appos, a.end = appositiveAfter(toks, end, s.to, text)
		if a.appos != "" && first {
			// "According to X, a spokeswoman for Y, CLAUSE": the
			// appositive describes someone, and the clause follows it.
			ok := a.end+1 < s.to && toks[a.end].Fold == "," && wordsIn(toks, a.end+1, s.to) >= 3
			if ok {
				ok = false
				for k := end + 1; k < a.end; k++ {
					if toks[k].IsRole() || toks[k].Has(lexicon.Org) {
						ok = true
					}
				}
			}
			if !ok {
				a.appos, a.end = "", end
			}
		}
		// "According to X, CLAUSE" or "CLAUSE, according to X".
		after := a.end
		if after < s.to && toks[after].Fold == "," {
			after++
		}
		if after < s.to && wordsIn(toks, after, s.to) >= 3 {
			a.clause = Span{Start: after, End: trimClauseEnd(toks, after, s.to)}
		} else if !first {
			a.clause = Span{Start: s.from, End: trimClauseEnd(toks, s.from, a.verb)}
		}
		a.raw = a.clause.End
		return a, true

	case info.Ing:
		p, ok := prev(v)
		if !ok {
			return a, false
		}
		if p.Fold == "," || p.Is("after", "before", "while", "when", "by", "without") {
			a.form = formParticiple
			a.start = v
		} else {
			// "Officials are saying that …"
			j := v - 1
			for j >= s.from && toks[j].Kind == tkWord && (toks[j].Has(lexicon.Adverb) || toks[j].Has(lexicon.HaveAux)) {
				j--
			}
			if j < s.from || !toks[j].Has(lexicon.BeAux) {
				return a, false
			}
			from := npBefore(toks, s.from, j)
			if from == j {
				return a, false
			}
			a.subj = classifyNP(toks, from, j, text, s.from)
			a.start = from
		}
		a.clause = clauseAfter(toks, s, v, a.verbEnd, info)
		a.raw = s.to
		if a.clause.End > a.clause.Start {
			a.clause.End, a.raw = cutTrailing(toks, a.clause.Start, a.clause.End, s.to)
		}
		return a, a.clause.End > a.clause.Start || a.form != formParticiple || quoteAfterIntro(toks, s, a.verbEnd)
	}

	if p, ok := prev(v); ok && info.Inverts && (p.Kind == tkQuote || p.Fold == ",") && v+n < s.to {
		// "…," said Kerry — but not "…, said to be".
		end := npAfter(toks, v+n, s.to)
		inv := a
		inv.form = formInverted
		inv.subj = classifyNP(toks, v+n, end, text, s.from)
		inv.appos, inv.end = appositiveAfter(toks, end, s.to, text)
		ok := end > v+n && !toks[v+n].Is("that", "to", "it") && inv.subj.kind != npNone &&
			!(info.Weak && p.Kind != tkQuote) &&
			!(p.Fold == "," && inv.end < s.to && !toks[inv.end].IsPunct(".!?,"))
		if ok {
			a = inv
			if p.Kind != tkQuote {
				// "Assad must go, said Kerry": the clause comes first.
				a.clause = Span{Start: s.from, End: trimClauseEnd(toks, s.from, v-1)}
				if wordsIn(toks, a.clause.Start, a.clause.End) < 3 || hasQuote(toks, a.clause.Start, a.clause.End) {
					a.clause = Span{}
				}
				a.raw = a.clause.End
			}
			return a, true
		}
	}

	// The normal order: subject, verb.
	j := v - 1
	passive, relative := false, false
skip:
	for j >= s.from && toks[j].Kind == tkWord && !toks[j].Upper {
		t, w := toks[j], toks[j].Fold
		switch {
		case t.Has(lexicon.Negator) || strings.HasSuffix(w, "n't"):
			return a, false
		case t.Has(lexicon.Modal):
			return a, false
		case t.Has(lexicon.BeAux):
			passive = true
		case t.Has(lexicon.HaveAux|lexicon.Adverb) || lyAdverb(w):
		default:
			break skip
		}
		j--
	}
	if passive && info.Lemma != "quoted as saying" {
		return a, false
	}
	if j < s.from {
		return a, false
	}
	t := toks[j]
	switch {
	case t.Kind == tkWord && !t.Upper && t.Is("and", "but", "then"):
		a.form = formLead
		a.start = v
	case t.Kind == tkWord && t.Is("who", "which") && !t.Upper && j-1 > s.from && toks[j-1].IsPunct(",—"):
		// "the central bank governor, Henrik Sand, who said": the relative
		// pronoun stands for the name before it.
		subj, appos, start, ok := subjectBeforeInsertions(toks, s, j-1, text, true)
		if !ok || subj.kind == npPronoun {
			return a, false
		}
		if info.Control && v+3 < s.to && toks[v+1].Is("not") && toks[v+2].Is("to") && toks[v+3].Is("be") {
			return a, false // "who asked not to be named": no statement
		}
		a.subj, a.appos, a.start = subj, appos, start
		relative = true
	case t.Kind == tkWord && t.Has(lexicon.PreNoun):
		return a, false // "the claims", "a reported attack"
	case t.Kind == tkWord:
		from := npBefore(toks, s.from, j+1)
		if from > j {
			return a, false
		}
		a.subj = classifyNP(toks, from, j+1, text, s.from)
		a.start = from
	case t.Fold == "," || t.Fold == "—" || t.Fold == ")":
		subj, appos, start, ok := subjectBeforeInsertions(toks, s, j, text, false)
		if !ok {
			return a, false
		}
		a.subj, a.appos, a.start = subj, appos, start
	default:
		return a, false
	}
	if info.Base && a.form == formNormal && !a.subj.plural && !a.subj.is("they", "we", "you") &&
		a.subj.kind != npName && a.subj.kind != npBody {
		return a, false
	}
	if info.Weak && !quoteBefore(toks, s, a.start) && !quoteAfterIntro(toks, s, a.verbEnd) {
		return a, false
	}
	if info.QuoteOnly {
		if !hasQuote(toks, a.verbEnd+1, s.to) {
			return a, false
		}
		return a, true
	}
	a.clause = clauseAfter(toks, s, v, a.verbEnd, info)
	a.raw = s.to
	if a.clause.End > a.clause.Start {
		if relative {
			// "X, who has argued that …, said …": the relative clause
			// ends where the sentence's own verb of speech comes.
			for k := a.clause.Start; k+1 < a.clause.End; k++ {
				if info, _ := matchSpeechVerb(toks, k+1); toks[k].Fold == "," && info != nil && !info.Ing {
					a.clause.End = trimClauseEnd(toks, a.clause.Start, k)
					a.raw = a.clause.End
					return a, a.clause.End > a.clause.Start
				}
			}
		}
		a.clause.End, a.raw = cutTrailing(toks, a.clause.Start, a.clause.End, s.to)
		return a, true
	}
	// "Assad must go, Kerry said." and "The talks, Kerry said, had failed."
	if a.start-1 > s.from && toks[a.start-1].Fold == "," && !hasQuoteNextTo(toks, s, a) &&
		!isInsertion(toks, s.from, a.start-1) && (a.verbEnd >= s.to || !toks[a.verbEnd].IsPunct(":")) {
		before := Span{Start: s.from, End: trimClauseEnd(toks, s.from, a.start-1)}
		if a.verbEnd < s.to && toks[a.verbEnd].Fold == "," && wordsIn(toks, a.verbEnd+1, s.to) >= 2 &&
			!trailingAside(toks, a.verbEnd+1, s.to) {
			before = Span{Start: s.from, End: trimClauseEnd(toks, s.from, s.to)}
		}
		if wordsIn(toks, before.Start, before.End) >= 3 && !hasQuote(toks, before.Start, before.End) {
			a.clause = before
			a.raw = before.End
		}
	}
	return a, true
}

// trailingAside reports whether the words from toks[k] to the end of the
// sentence are an aside about an attribution rather than the rest of a
// statement it interrupts: "…, the people said, speaking on condition of
// anonymity", "…, she said, adding that …", "…, he said on Friday".
func trailingAside(toks []qtok, k, to int) bool {
	end := k
	for end < to && !toks[end].IsPunct(",;:.!?—") {
		end++
	}
	if end == k || toks[k].Kind != tkWord {
		return false
	}
	if info, _ := matchSpeechVerb(toks, k); info != nil && info.Ing {
		return true
	}
	return trimClauseEnd(toks, end, to) == end && isInsertion(toks, k, end)
}

// subjectBeforeInsertions finds the subject of a verb that follows a comma
// or dash: "On Friday, a US military official, who spoke on condition of
// anonymity, said" or "Jatras, a former US diplomat, said". Comma-separated
// chunks are read from the verb backwards: relative clauses, participles,
// ages and adverbials are skipped; a description followed (leftwards) by a
// name is that name's appositive.
//
// For the antecedent of a relative pronoun (relative), the description
// before the name may end a longer chunk: "puts her at odds with the
// central bank governor, Henrik Sand, who said".
func subjectBeforeInsertions(toks []qtok, s qsent, j int, text string, relative bool) (nounPhrase, string, int, bool) {
	lo := s.from
	for k := j; k >= s.from; k-- {
		if toks[k].Kind == tkQuote || toks[k].IsPunct(":;") {
			lo = k + 1
			break
		}
	}
	// Chunks between lo and j, separated by commas, dashes and brackets.
	type chunk struct {
		from, to int
		core     int  // the end of the phrase before any relative clause
		paren    bool // between brackets: "(D-Mass.)"
		dashed   bool // between dashes: "— no relation —"
	}
	var chunks []chunk
	start := lo
	for k := lo; k <= j; k++ {
		if toks[k].IsPunct(",—()") {
			if k > start {
				ch := chunk{from: start, to: k, core: k,
					paren:  start > lo && toks[start-1].Fold == "(" && toks[k].Fold == ")",
					dashed: start > lo && toks[start-1].Fold == "—" && toks[k].Fold == "—"}
				for r := start + 1; r < k; r++ {
					if !toks[r].Upper && toks[r].Is("who", "which", "whose", "whom", "that") {
						ch.core = r // "one of the two members who voted against it"
						break
					}
				}
				chunks = append(chunks, ch)
			}
			start = k + 1
		}
	}
	var desc *chunk
	for c := len(chunks) - 1; c >= 0; c-- {
		ch := chunks[c]
		if toks[ch.from].Kind != tkWord {
			break
		}
		if ch.paren || isInsertion(toks, ch.from, ch.to) || (ch.dashed && c > 0 && !opensAppositive(toks[ch.from])) {
			continue // "(D-Mass.)", "who spoke on condition of anonymity", "— no relation —"
		}
		if c > 1 && opensClauseAside(toks[chunks[c-1].from]) {
			// "Mr Pugh, who founded it with his late wife, Ann, said": the
			// name belongs to the aside before it.
			desc = nil
			continue
		}
		if relative && c == len(chunks)-1 {
			// "China was represented by Premier Li Qiang, who said": the
			// name that ends the clause.
			if b := trailingName(toks, ch.from, ch.core); b > ch.from {
				ch.from = b
			}
		}
		if npBefore(toks, ch.from, ch.core) != ch.from {
			break
		}
		np := classifyNP(toks, ch.from, ch.core, text, s.from)
		if desc == nil {
			if c > 0 && isDescription(np) {
				// Perhaps the appositive of a name further left.
				d := ch
				desc = &d
				continue
			}
			appos, from := "", ch.from
			if np.kind == npName && c > 0 {
				// "The Health Secretary, Sarah Pike, said"
				left := chunks[c-1]
				lfrom := npBefore(toks, left.from, left.to)
				if relative {
					// The description that ends the chunk: up to its article.
					lfrom = left.to
					for lfrom > left.from && toks[lfrom-1].Kind == tkWord &&
						toks[lfrom-1].Class&(lexicon.Prep|lexicon.NPStop|lexicon.Pronoun|lexicon.ObjPronoun) == 0 {
						lfrom--
						if toks[lfrom].Has(lexicon.Determiner | lexicon.Possessive) {
							break
						}
					}
					left.from = lfrom
				}
				if lnp := classifyNP(toks, left.from, left.to, text, s.from); lfrom == left.from &&
					(lnp.kind == npDefinite || lnp.kind == npBare) && lexicon.IsRoleWord(lnp.head) {
					appos = stripArticle(text[toks[left.from].Span.Start:toks[left.to-1].Span.End])
					from = left.from
				}
			}
			return np, appos, from, np.isSpeaker()
		}
		if !namesSomeone(np) {
			break
		}
		appos := stripArticle(text[toks[desc.from].Span.Start:toks[desc.to-1].Span.End])
		return np, appos, ch.from, np.isSpeaker()
	}
	if desc != nil {
		np := classifyNP(toks, desc.from, desc.core, text, s.from)
		return np, "", desc.from, np.isSpeaker()
	}
	return nounPhrase{}, "", 0, false
}

// trailingName returns where the capitalised name that ends toks[from:to]
// starts, with the title words before it ("by Premier Li Qiang" → "Premier
// Li Qiang"), or from when the range does not end with a name.
func trailingName(toks []qtok, from, to int) int {
	if to <= from || !toks[to-1].Upper {
		return from
	}
	k := to
	for k > from && toks[k-1].Kind == tkWord && (toks[k-1].Upper || toks[k-1].IsRole() || toks[k-1].Has(lexicon.Portfolio|lexicon.Particle)) {
		k--
	}
	if k > from && toks[k-1].Has(lexicon.Determiner) && !toks[k-1].Upper {
		k--
	}
	return k
}

// opensClauseAside reports whether a word opens a relative clause or a
// participle phrase set off by commas: "who", "which", "speaking".
func opensClauseAside(t qtok) bool {
	return t.Kind == tkWord && !t.Upper && (t.Is("who", "which", "whose", "whom", "where") || isParticiple(t.Fold))
}

// opensAppositive reports whether a word can open a description of the
// person named before it: "a", "the", "his", a role, a portfolio or a
// nationality ("— a former diplomat —", "— deputy mayor —").
func opensAppositive(t qtok) bool {
	return t.Kind == tkWord && (t.Has(lexicon.Determiner|lexicon.Possessive|lexicon.Portfolio|lexicon.Nationality) || t.IsRole() || startsDigit(t.Fold))
}

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

// isInsertion reports whether a comma-separated chunk is an aside between a
// subject and its verb, or an adverbial before them: a relative clause, a
// participle, an age, a prepositional phrase, an adverb.
func isInsertion(toks []qtok, from, to int) bool {
	first := toks[from]
	w := first.Fold
	switch {
	case w == "who" || w == "which" || w == "whose" || w == "whom" || w == "where" || w == "when":
		return true
	case first.Has(lexicon.Prep|lexicon.LeadAdverb|lexicon.Day) || !first.Upper && first.Has(lexicon.Time):
		return true // "On Friday", "Yesterday", "in London", but not "May" of Theresa May
	case startsDigit(w):
		return true
	case first.Upper && len(w) > 2 && strings.IndexByte("rdi", w[0]) >= 0 && w[1] == '-':
		return true // a party and state: "R-Iowa", "D-Mich."
	case lexicon.IrregularParticiples[w] && !first.Upper || lexicon.IrregularParticiples[w] && from+1 < to && toks[from+1].Has(lexicon.Prep):
		return true // "Born in Leeds in 1931"
	case (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && len(w) > 4:
		// A participle: "speaking on condition of anonymity", "Asked
		// whether …", but not "United captain Bruno Fernandes".
		if !first.Upper || from+1 >= to {
			return true
		}
		next := toks[from+1]
		return next.Kind == tkWord && !next.Upper &&
			(next.Has(lexicon.Prep|lexicon.Determiner|lexicon.Possessive|lexicon.Pronoun|lexicon.ObjPronoun|lexicon.Adverb) || next.Is("whether", "if", "why", "how", "what", "by", "to", "as"))
	case lyAdverb(w) && to-from == 1:
		return true
	}
	return false
}

// lyAdverb reports whether a folded word looks like an adverb in "-ly":
// "later", "firmly", but not "family".
func lyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !lexicon.LyNouns[w]
}

// appositiveAfter reads ", a former US diplomat and adviser to …" after a
// speaker named at toks[end-1], returning the description without its
// article and the token after it.
func appositiveAfter(toks []qtok, end, hi int, text string) (string, int) {
	if end+3 < hi && toks[end].Fold == "," && startsDigit(toks[end+1].Fold) && toks[end+2].Fold == "," {
		// An age first: "said Margaret Finch, 71, a retired teacher".
		if desc, after := appositiveAfter(toks, end+2, hi, text); desc != "" {
			return desc, after
		}
	}
	if end+1 >= hi || toks[end].Fold != "," || toks[end+1].Kind != tkWord {
		return "", end
	}
	first := toks[end+1]
	if !first.Has(lexicon.Determiner) && !first.IsRole() && !first.Has(lexicon.Portfolio) && !first.Has(lexicon.Nationality) {
		return "", end
	}
	k := end + 1
	for k < hi && toks[k].Kind == tkWord && !(toks[k].Is("who", "which", "that") && !toks[k].Upper) {
		if !toks[k].Is("to") && toks[k].Has(lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) {
			// A clause, not a description: "According to the company, the
			// wind farm will start …".
			return "", end
		}
		k++
	}
	if k == end+1 || k-end > 20 {
		return "", end
	}
	return stripArticle(text[toks[end+1].Span.Start:toks[k-1].Span.End]), k
}

func stripArticle(s string) string {
	for _, art := range []string{"a ", "an ", "the ", "A ", "An ", "The ", "his ", "her ", "their ", "its ", "His ", "Her ", "Their ", "Its "} {
		if strings.HasPrefix(s, art) {
			return s[len(art):]
		}
	}
	return s
}

// clauseAfter returns the reported clause after a verb of speech ending at
// toks[after-1]: what follows "that", what a control verb asks someone to
// do (from the verb on), or the words after the verb; empty when a
// quotation, a comma or the end of the sentence follows.
func clauseAfter(toks []qtok, s qsent, verb, after int, info *lexicon.Verb) Span {
	if after >= s.to {
		return Span{}
	}
	t := toks[after]
	switch {
	case t.Fold == ":":
		if after+1 < s.to && toks[after+1].Kind != tkQuote && wordsIn(toks, after+1, s.to) >= 3 {
			return Span{Start: after + 1, End: trimClauseEnd(toks, after+1, s.to)}
		}
		return Span{}
	case t.Kind != tkWord:
		return Span{}
	}
	// Look for "that" a few words on: "said on Friday that", "told
	// reporters that", but not in "said the plan that was agreed …".
	lookFar := t.Is("that") || t.Has(lexicon.Prep) || t.Has(lexicon.Time) || t.Has(lexicon.Day) || info.Object
	for k := after; lookFar && k < s.to && k < after+9; k++ {
		tk := toks[k]
		if tk.Kind != tkWord {
			break
		}
		if tk.Is("that") && !tk.Upper {
			if k+1 < s.to && wordsIn(toks, k+1, s.to) >= 2 {
				return Span{Start: k + 1, End: s.to}
			}
			return Span{}
		}
		if lexicon.ClauseStarts[tk.Fold] && k > after {
			break
		}
	}
	if info.Control {
		for k := after; k < s.to && k < after+10; k++ {
			if toks[k].Kind != tkWord {
				break
			}
			if toks[k].Is("to") {
				return Span{Start: verb, End: s.to}
			}
		}
	}
	if t.Is("whether", "if", "why", "how", "what", "when") {
		return Span{Start: after, End: s.to}
	}
	if info.That {
		if !t.Upper && len(t.Fold) > 5 && strings.HasSuffix(t.Fold, "ing") && wordsIn(toks, after, s.to) >= 3 {
			return Span{Start: after, End: s.to} // "denies supplying them", "admitted taking the money"
		}
		return Span{} // "confirmed the deal", "answered questions"
	}
	k := after
	if info.Object {
		k = skipObject(toks, after, s.to)
		if k == after {
			return Span{}
		}
		if k < s.to && toks[k].Is("that") {
			k++
		}
	}
	if k >= s.to || toks[k].Kind != tkWord {
		return Span{}
	}
	if c := skipAdverbials(toks, k, s.to); c > k {
		// "said in a statement it complied …", "said Friday the plan …"
		if c < s.to && toks[c].Kind == tkWord && toks[c].Is("that") && !toks[c].Upper {
			c++
		}
		if c < s.to && opensClause(toks[c]) && wordsIn(toks, c, s.to) >= 3 {
			return Span{Start: c, End: s.to}
		}
		return Span{}
	}
	first := toks[k]
	if first.Is("no", "nothing", "none") && finiteVerbSoon(toks, k+1, s.to) {
		// "said no deaths had been reported", "said nothing had changed",
		// but not "said no to the plan".
		return Span{Start: k, End: s.to}
	}
	if first.Has(lexicon.Prep) || first.Has(lexicon.BeAux) || first.Has(lexicon.HaveAux) || first.Has(lexicon.Modal) || first.Is("and", "but", "so", "as", "nothing", "goodbye", "no", "yes") {
		return Span{}
	}
	if wordsIn(toks, k, s.to) < 3 {
		return Span{}
	}
	return Span{Start: k, End: s.to}
}

// skipAdverbials returns the index after the adverbials that may stand
// between a verb of speech and its clause, or k when there are none:
// days and times ("Friday", "last week"), adverbs ("separately") and short
// prepositional phrases ("in a statement", "at a briefing on Monday", "in
// an interview with the BBC").
func skipAdverbials(toks []qtok, k, hi int) int {
	for k < hi && toks[k].Kind == tkWord {
		t := toks[k]
		switch {
		case t.Has(lexicon.Day) || (!t.Upper && t.Has(lexicon.Time) && !t.Is("then", "now", "this")):
			k++
		case !t.Upper && lyAdverb(t.Fold) || !t.Upper && t.Has(lexicon.Adverb) && !t.Is("all", "both", "even", "too", "since", "yet"):
			k++
		case !t.Upper && t.Has(lexicon.Prep) && !t.Is("like", "unlike", "about", "of", "since"):
			j := k + 1
			if j < hi && toks[j].Kind == tkWord && toks[j].Has(lexicon.Determiner|lexicon.Possessive) && !toks[j].Is("that", "this", "these", "those") {
				j++
			}
			n := 0
			for j < hi && n < 3 && toks[j].Kind == tkWord && toks[j].Class&(lexicon.Determiner|lexicon.Possessive|lexicon.Pronoun|lexicon.NPStop|lexicon.Prep|lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) == 0 {
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
func opensClause(t qtok) bool {
	return t.Kind == tkWord && (t.Has(lexicon.Pronoun|lexicon.Determiner|lexicon.Possessive) || t.Upper || startsDigit(t.Fold) ||
		t.Is("no", "nothing", "none", "some", "many", "most", "all", "both", "there", "each", "every", "several", "few"))
}

// finiteVerbSoon reports whether an auxiliary or a modal stands within the
// three words from toks[k]: the verb of a clause whose subject opened just
// before ("no deaths had", "nothing would").
func finiteVerbSoon(toks []qtok, k, hi int) bool {
	for i := k; i < hi && i < k+3; i++ {
		t := toks[i]
		if t.Kind != tkWord {
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
func skipObject(toks []qtok, k, hi int) int {
	if k >= hi || toks[k].Kind != tkWord {
		return k
	}
	t := toks[k]
	if t.Has(lexicon.ObjPronoun) {
		return k + 1
	}
	end := k
	if t.Has(lexicon.Determiner) || t.Has(lexicon.Possessive) {
		end++
		// "the jury", "the packed court": the noun and what stands before it.
		for end < hi && end-k < 4 && toks[end].Kind == tkWord && !toks[end].Upper &&
			toks[end].Class&(lexicon.Determiner|lexicon.Possessive|lexicon.Pronoun|lexicon.NPStop|lexicon.Prep|lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) == 0 {
			end++
		}
		if end > k+1 {
			return end
		}
	}
	for end < hi && end-k < 5 && toks[end].Kind == tkWord && (toks[end].Upper || (end == k && toks[end].IsRole())) {
		end++
	}
	if end < hi && toks[end].Kind == tkWord && !toks[end].Upper && toks[end].IsRole() {
		end++
	}
	return end
}

// trimClauseEnd returns the end of a clause without its final punctuation.
func trimClauseEnd(toks []qtok, from, to int) int {
	for to > from && toks[to-1].Kind == tkPunct {
		to--
	}
	return to
}

// cutTrailing ends a reported clause before a trailing attribution (",
// Reuters reported", ", according to officials", ", adding that …") or a
// colon that introduces a quotation. It returns the clause's end and the end
// of the region the attribution covers.
func cutTrailing(toks []qtok, from, to, sentEnd int) (int, int) {
	for k := from; k < to; k++ {
		t := toks[k]
		if t.IsPunct(":;") {
			return trimClauseEnd(toks, from, k), sentEnd
		}
		if t.Fold != "," || k+1 >= to {
			continue
		}
		if toks[k+1].Kind == tkWord && !toks[k+1].Upper {
			if info, _ := matchSpeechVerb(toks, k+1); info != nil && info.Ing {
				cut := trimClauseEnd(toks, from, k)
				return cut, cut
			}
			if info, _ := matchSpeechVerb(toks, k+1); info != nil && info.Lemma == "according to" {
				return trimClauseEnd(toks, from, k), sentEnd
			}
		}
		if attributionFollows(toks, k+1) && tailEnds(toks, k+1, to) {
			return trimClauseEnd(toks, from, k), sentEnd
		}
	}
	return trimClauseEnd(toks, from, to), sentEnd
}

// tailEnds reports whether the words from k to the end are a short
// attribution with nothing after it but an adverbial.
func tailEnds(toks []qtok, k, to int) bool {
	words := 0
	for i := k; i < to; i++ {
		if toks[i].Kind == tkQuote {
			return false
		}
		if toks[i].Kind == tkWord {
			words++
		}
	}
	return words <= 10
}

func wordsIn(toks []qtok, from, to int) int {
	n := 0
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].Kind == tkWord {
			n++
		} else if toks[k].Kind == tkQuote {
			n += 2
		}
	}
	return n
}

func hasQuote(toks []qtok, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].Kind == tkQuote {
			return true
		}
	}
	return false
}

// quoteBefore reports whether a quotation ends right before toks[k],
// perhaps with a comma between.
func quoteBefore(toks []qtok, s qsent, k int) bool {
	if k-1 >= s.from && toks[k-1].Kind == tkQuote {
		return true
	}
	return k-2 >= s.from && toks[k-1].IsPunct(",—") && toks[k-2].Kind == tkQuote
}

// quoteAfterIntro reports whether a quotation follows toks[k-1] after a
// colon or comma.
func quoteAfterIntro(toks []qtok, s qsent, k int) bool {
	if k < s.to && toks[k].Kind == tkQuote {
		return true
	}
	return k+1 < s.to && toks[k].IsPunct(":,") && toks[k+1].Kind == tkQuote
}

// hasQuoteNextTo reports whether a quotation stands right before or after
// an attribution.
func hasQuoteNextTo(toks []qtok, s qsent, a attribution) bool {
	return quoteBefore(toks, s, a.start) || quoteAfterIntro(toks, s, a.verbEnd)
}

// leadSubject returns the subject of a sentence: its first noun phrase
// after any opening adverbials ("On Friday, Kerry met …" → Kerry). A
// description followed by a name in commas stands for that name ("Her
// successor, Prime Minister David Okafor, was …").
func leadSubject(toks []qtok, s qsent, text string) nounPhrase {
	k := s.from
	for k < s.to && toks[k].Kind == tkWord {
		end := k
		for end < s.to && !toks[end].IsPunct(",—") && toks[end].Kind != tkQuote {
			end++
		}
		if end < s.to && toks[end].IsPunct(",—") && isInsertion(toks, k, end) {
			k = end + 1
			continue
		}
		break
	}
	for k+1 < s.to && toks[k].Kind == tkWord && toks[k].Is("but", "and", "yet", "so", "still", "now", "then", "meanwhile", "however", "instead") {
		k++ // "But Starmer disagreed."
	}
	if k >= s.to || toks[k].Kind != tkWord {
		return nounPhrase{}
	}
	end := k
	for end < s.to && toks[end].Kind == tkWord {
		end++
	}
	if toks[k].Has(lexicon.Pronoun) {
		return classifyNP(toks, k, k+1, text, s.from)
	}
	if e := nameRunEnd(toks, k, end, text); e > k {
		np := classifyNP(toks, k, e, text, s.from)
		if np.kind == npName || np.kind == npBody {
			return np
		}
	}
	// A description: up to its last role or organisation word, "The rail
	// workers' union", "The minister".
	last := -1
	for e := k; e < end; e++ {
		if e > k && !toks[e].Upper && (toks[e].Has(lexicon.NPStop|lexicon.Pronoun|lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) || toks[e].Has(lexicon.Prep) && last < 0) {
			break // "The jury heard that one resident …" has no subject of this kind
		}
		role := toks[e].IsRole() || toks[e].Has(lexicon.Org)
		if !role && last >= 0 && !toks[e].Is("of") {
			break
		}
		if role {
			last = e
		}
	}
	if last < 0 {
		return nounPhrase{}
	}
	np := classifyNP(toks, k, last+1, text, s.from)
	if last+1 == end && end+1 < s.to && toks[end].Fold == "," {
		after := end + 1
		stop := after
		for stop < s.to && toks[stop].Kind == tkWord {
			stop++
		}
		if e := nameRunEnd(toks, after, stop, text); e == stop && stop < s.to && toks[stop].Fold == "," {
			if name := classifyNP(toks, after, e, text, s.from); name.kind == npName {
				if name.gender == 0 {
					name.gender = lexicon.Gender[np.head] // "Her granddaughter, Sophie Alden,"
				}
				if name.title == "" && np.kind != npBody {
					name.title = stripArticle(np.text) // "The mayor, Jo Park,"
				}
				return name
			}
		}
	}
	return np
}

// titleBeforeName reports whether the lower-case title words or particles
// from toks[k] lead up to a capitalised word before end.
func titleBeforeName(toks []qtok, k, end int) bool {
	for ; k < end; k++ {
		t := toks[k]
		if t.Kind != tkWord {
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
func nameRunEnd(toks []qtok, k, end int, text string) int {
	e := k
	if e < end && toks[e].Has(lexicon.Determiner) {
		e++
	}
	start := e
	if e < end && toks[e].Has(lexicon.NameStop) {
		return k // "Her successor", "This week"
	}
	for e < end {
		t := toks[e]
		if t.Upper || hyphenName(text[t.Span.Start:t.Span.End]) {
			e++
			continue
		}
		if e > start && e+1 < end && (toks[e+1].Upper || hyphenName(text[toks[e+1].Span.Start:toks[e+1].Span.End])) &&
			(t.Is("of", "the") || t.Has(lexicon.Particle) || t.IsRole() || t.Has(lexicon.Portfolio)) {
			e++
			continue
		}
		if (t.IsRole() || t.Has(lexicon.Portfolio|lexicon.Particle)) && titleBeforeName(toks, e, end) {
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
