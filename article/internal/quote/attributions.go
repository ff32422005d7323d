package quote

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

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
	appos         string   // an appositive describing the subject
	start, end    int      // the tokens of the attribution: subject, verb, appositive
	clause        tokRange // token range of the reported clause; empty when none
	raw           int      // the token the clause region runs to, before any trailing attribution was cut
	ent           *entity
	direct        bool // a whole quotation is attributed by it
	headline      bool // `Name: "…"`, whose name may be a title given in full later
	// nobody marks a participle whose subject is that of a clause between
	// it and the speaker before it, someone other than that speaker
	// (`X said a skipper radioed in, shouting: "…"`): the words are no one
	// the engine can name for certain.
	nobody bool
}

// findAttributions finds the verbs of speech of a sentence that have a
// speaker, with their reported clauses. A verb inside the reported clause
// of an earlier one ("Kerry said that Lavrov told him …") and a trailing
// credit ("…, Reuters reported") of a sentence that already has an
// attribution are left out.
func (s *sentence) findAttributions() []attribution {
	var found []attribution
	for i := s.from; i < s.to; i++ {
		info, n := s.matchSpeechVerb(i)
		if info == nil {
			continue
		}
		a, ok := s.attributeVerb(i, n, info)
		if ok {
			covered := false
			for _, b := range found {
				// A subject that cannot speak covers nothing: "That
				// mobility remains low suggests "…" except …, Burtless said."
				canSpeak := b.subj.isSpeaker() || b.form == formParticiple || b.form == formLead
				if canSpeak && b.clause.End > b.clause.Start && i >= b.clause.Start && i < b.raw {
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
		if a, ok := s.headlineAttribution(); ok {
			found = append(found, a)
		}
	}
	// A participle's subject is the nearest clause's: the previous
	// attribution's or the sentence's, unless a clause whose subject is
	// another person stands between ("X said a skipper radioed in,
	// shouting:"). Then its words may be that person's or the speaker's,
	// no one's the engine can tell. A clause about a thing or a body ("X
	// said the wall held, adding:") leaves them the speaker's, and so does
	// a pronoun, which most often stands for the speaker ("X said she
	// would stay, adding:").
	for k := range found {
		if found[k].form != formParticiple && found[k].form != formLead {
			continue
		}
		from, open := s.from, -1
		if k > 0 {
			prev := found[k-1]
			found[k].subj = prev.subj
			found[k].appos = ""
			from = max(prev.verbEnd, prev.end)
			if prev.clause.End > prev.clause.Start {
				open = prev.clause.Start
			}
		} else {
			found[k].subj = s.leadSubject()
			from = max(from, found[k].subj.to)
		}
		if found[k].form != formParticiple {
			continue
		}
		if np, ok := s.clauseSubjectBetween(from, open, found[k].verb); ok && s.namesPerson(np) {
			found[k].subj, found[k].nobody = np, true
		}
	}
	kept := found[:0]
	for _, a := range found {
		a.subj = s.issuer(a.subj)
		if a.nobody || a.subj.isSpeaker() && !s.saysNothing(a) {
			kept = append(kept, a)
		}
	}
	return kept
}

// namesPerson reports whether a clause's subject names a person other
// than by a pronoun: a name, a description headed by a word for a person
// ("a skipper", "two men") or by a name set off by commas ("the
// deckhand, Pim Oster,"), or a description in lower case before a name of
// two words or more ("the deckhand Pim Oster").
func (s *sentence) namesPerson(np nounPhrase) bool {
	switch np.kind {
	case npName, npOneOf:
		return true
	case npIndefinite, npDefinite, npBare:
		return lexicon.IsRoleWord(np.head) || lexicon.IsDemonym(np.head) || s.setOffName(np.from, np.to)
	case npBody:
		return s.describedName(np.from, np.to)
	}
	return false
}

// setOffName reports whether the phrase toks[from:to] holds a name set off
// by commas that is no body's: "the deckhand, Pim Oster,".
func (s *sentence) setOffName(from, to int) bool {
	for i := from; i < to; i++ {
		if !s.toks[i].IsPunct(",") {
			continue
		}
		j := i + 1
		for j < to && s.toks[j].Kind == text.Word && s.toks[j].Upper {
			j++
		}
		if j > i+1 && j < to && s.toks[j].IsPunct(",") {
			last := s.toks[j-1].Fold
			return !lexicon.OrgWords[last] && !lexicon.BodyTitles[last]
		}
	}
	return false
}

// describedName reports whether the phrase toks[from:to], read as a body,
// ends with a person's name of two words or more after a word in lower
// case: "the deckhand Pim Oster", but not "the Pentagon", "the United
// States" or "the new Harbour Trust".
func (s *sentence) describedName(from, to int) bool {
	k := to
	for k > from && s.toks[k-1].Kind == text.Word && s.toks[k-1].Upper {
		k--
	}
	if to-k < 2 || k == from || s.toks[k-1].Kind != text.Word || s.toks[k-1].Has(lexicon.Determiner|lexicon.Possessive) {
		return false
	}
	last := s.toks[to-1].Fold
	return !lexicon.OrgWords[last] && !lexicon.BodyTitles[last] && !s.toks[k-1].Has(lexicon.Nationality)
}

// maxAppositive is the most words of a name or a description set off by
// commas after a clause's subject.
const maxAppositive = 6

// clauseSubjectBetween returns the subject of the last clause that opens
// at or after toks[from] and before the participle at toks[v], with a
// verb of its own: "a skipper" in `X said a skipper radioed in,
// shouting:` or in `X watched as a skipper ran down the slip, shouting:`.
// A clause opens at toks[from] itself, at toks[open] (the reported clause
// of the verb of speech before; -1 for none), or after "that" or a word
// such as "as" or "when". A pronoun's clause ("X said she would stay,
// adding") is returned as such; the caller decides what it stands for.
func (s *sentence) clauseSubjectBetween(from, open, v int) (nounPhrase, bool) {
	for c := v - 1; c >= from && c > s.from; c-- {
		if c > from && c != open {
			prev := s.toks[c-1]
			if prev.Kind != text.Word || prev.Upper || !(prev.Is("that") || prev.Has(lexicon.Subordinator)) {
				continue
			}
		}
		if !opensClause(s.toks[c]) {
			continue
		}
		if vp := s.verbOfClause(c, v); vp > c {
			return s.classifyNP(c, vp), true
		}
	}
	return nounPhrase{}, false
}

// verbOfClause returns the index of the finite verb of a clause whose
// subject opens at toks[c], within a few words and before toks[hi]
// without punctuation between, or c when there is none. A pronoun is
// followed by its verb at once; a noun phrase's first word is never its
// verb.
func (s *sentence) verbOfClause(c, hi int) int {
	start := c + 1
	if s.toks[c].Has(lexicon.Pronoun) {
		if start < hi && finiteVerb(s.toks[start]) {
			return start
		}
		return c
	}
	limit := c + 8
	for k := start; k < hi && k < limit; k++ {
		t := s.toks[k]
		if t.IsPunct(",") {
			// "the deckhand, Pim Oster, ran": step over a name or a
			// description set off by commas.
			end := k + 1
			for end < hi && end < k+maxAppositive && s.toks[end].Kind == text.Word {
				end++
			}
			if end == k+1 || end >= hi || !s.toks[end].IsPunct(",") {
				return c
			}
			limit += end - k
			k = end
			continue
		}
		if t.Kind != text.Word {
			return c
		}
		if finiteVerb(t) {
			return k
		}
		if info, _ := s.matchSpeechVerb(k); info != nil && !info.Ing && !t.Upper {
			return k
		}
	}
	return c
}

// finiteVerb reports whether a word reads as the verb of a clause: an
// auxiliary, a modal, a regular past in "-ed" or an irregular past
// ("radioed", "had", "would", "ran").
func finiteVerb(t text.Token) bool {
	if t.Kind != text.Word || t.Upper || t.Is("to") {
		return false
	}
	if t.Has(lexicon.BeAux | lexicon.HaveAux | lexicon.Modal) {
		return true
	}
	if len(t.Fold) > 3 && strings.HasSuffix(t.Fold, "ed") {
		return true
	}
	forms := lexicon.VerbForms(t.Fold)
	return len(forms) > 1 && t.Fold == forms[1]
}

// issuer returns the speaker behind a document that a sentence makes its
// subject, "A statement from the owners said": the owners. Any other
// phrase is returned as it is.
func (s *sentence) issuer(np nounPhrase) nounPhrase {
	if np.kind != npDefinite && np.kind != npIndefinite && np.kind != npBare || !lexicon.DocumentNouns[np.head] {
		return np
	}
	for k := np.from; k+1 < np.to; k++ {
		if s.toks[k].Is("from", "by") && !s.toks[k].Upper {
			if by := s.classifyNP(k+1, np.to); by.isSpeaker() {
				return by
			}
			return np
		}
	}
	return np
}

// saysNothing reports whether an attribution whose verb reports a
// statement only after "that" or a colon has neither a statement nor a
// quotation beside it: "Con Edison, which maintains 90,000 miles of
// cable", "she confirmed the deal".
func (s *sentence) saysNothing(a attribution) bool {
	return a.info.That && a.clause.End <= a.clause.Start && !s.hasQuoteNextTo(a) &&
		!(a.verbEnd < s.to && s.toks[a.verbEnd].IsPunct(":"))
}

// headlineAttribution reads a sentence made of a name, a colon and a
// quotation as the name's words.
func (s *sentence) headlineAttribution() (attribution, bool) {
	c := s.from
	for c < s.to && s.toks[c].Kind == text.Word {
		c++
	}
	if c == s.from || c-s.from > 6 || c+1 >= s.to || s.toks[c].Fold != ":" || s.toks[c+1].Kind != text.Quote {
		return attribution{}, false
	}
	if last := s.toks[c-1]; !last.Upper && !lexicon.IsRoleWord(last.Fold) {
		return attribution{}, false // `The letter ended: "…"`: a name or a title ends in a noun
	}
	np := s.classifyNP(s.from, c)
	if np.kind != npName && !((np.kind == npBody || np.kind == npBare) && hasRoleWord(np.words)) {
		return attribution{}, false // a name, or a title: `Minister: "We will act"`
	}
	return attribution{verb: c, verbEnd: c + 1, info: colonVerb, subj: np, start: s.from, end: c + 1, headline: true}, true
}

// attributeVerb reads the speaker and the reported clause of the verb of
// speech at toks[v:v+n], by the form of the attribution: "according to X",
// a participle, an inverted "…," said X, or the normal order, subject then
// verb.
func (s *sentence) attributeVerb(v, n int, info *lexicon.Verb) (attribution, bool) {
	a := attribution{verb: v, verbEnd: v + n, info: info, start: v, end: v + n}
	if info.Noun && n == 1 {
		// "states", "reports": a verb only before "that", a colon, a comma
		// or a quotation ("Kerry states that …", not "member states agreed").
		if v+1 >= s.to {
			return a, false
		}
		next := s.toks[v+1]
		if !(next.Is("that") || next.IsPunct(":,") || next.Kind == text.Quote) {
			return a, false
		}
	}
	switch {
	case info.Lemma == "according to":
		return s.accordingTo(a)
	case info.Ing:
		return s.participle(a)
	}
	if inv, ok := s.inverted(a); ok {
		return inv, true
	}
	return s.normalOrder(a)
}

// prev returns the token before toks[k] in the sentence, if there is one.
func (s *sentence) prev(k int) (text.Token, bool) {
	if k > s.from {
		return s.toks[k-1], true
	}
	return text.Token{}, false
}

// accordingTo reads "According to X, CLAUSE" and "CLAUSE, according to X".
func (s *sentence) accordingTo(a attribution) (attribution, bool) {
	a.form = formAccording
	first := a.verb == s.from // "According to X, CLAUSE"
	from := a.verbEnd
	end := s.npAfter(from, s.to)
	if end == from {
		return a, false
	}
	if np := s.classifyNP(from, end); !np.isSpeaker() && end+2 < s.to &&
		lexicon.IssuingVerbs[s.toks[end].Fold] && s.toks[end+1].Is("by") {
		// "according to figures published by the Fiscal Council": the
		// body that published them.
		if e2 := s.npAfter(end+2, s.to); e2 > end+2 {
			from, end = end+2, e2
		}
	}
	if end+1 < s.to && s.toks[end].Is("and", "or") && !s.toks[end].Upper {
		// "according to Kyiv and Western governments"
		if e2 := s.npAfter(end+1, s.to); e2 > end+1 && (e2 == s.to || s.toks[e2].Kind != text.Word) {
			end = e2
		}
	}
	a.subj = s.classifyNP(from, end)
	a.end = end
	a.appos, a.end = s.appositiveAfter(end)
	if a.appos != "" && first && !s.describesSomeone(end, a.end) {
		a.appos, a.end = "", end
	}
	if a.appos == "" && !first {
		// "…, according to sources who know both women": who they are,
		// not what they said.
		if rel, after := s.relativeAfter(end); rel != "" {
			if isDescription(a.subj) || a.subj.kind == npBare {
				a.appos = rel
			}
			a.end = after
		}
	}
	after := a.end
	if after < s.to && s.toks[after].Fold == "," {
		after++
	}
	switch {
	case !first:
		// "CLAUSE, according to X …": what comes after X says more of X.
		a.clause = tokRange{Start: s.from, End: s.trimClauseEnd(s.from, a.verb)}
	case after < s.to && s.wordsIn(after, s.to) >= 3:
		a.clause = tokRange{Start: after, End: s.trimClauseEnd(after, s.to)}
	}
	a.raw = a.clause.End
	return a, true
}

// describesSomeone reports whether the appositive toks[from:to] after
// "According to X" describes X and is followed by the clause: "According to
// X, a spokeswoman for Y, CLAUSE", where the appositive holds a role or a
// body, not the clause itself.
func (s *sentence) describesSomeone(from, to int) bool {
	if to+1 >= s.to || s.toks[to].Fold != "," || s.wordsIn(to+1, s.to) < 3 {
		return false
	}
	for k := from + 1; k < to; k++ {
		if s.toks[k].IsRole() || s.toks[k].Has(lexicon.Org) {
			return true
		}
	}
	return false
}

// participle reads "…, adding that …" (whose subject is the sentence's or
// the previous attribution's) and "Officials are saying that …".
func (s *sentence) participle(a attribution) (attribution, bool) {
	v := a.verb
	p, ok := s.prev(v)
	if !ok {
		return a, false
	}
	if p.Fold == "," || p.Is("after", "before", "while", "when", "by", "without") {
		a.form = formParticiple
		a.start = v
	} else {
		j := v - 1
		for j >= s.from && s.toks[j].Kind == text.Word && (s.toks[j].Has(lexicon.Adverb) || s.toks[j].Has(lexicon.HaveAux)) {
			j--
		}
		if j < s.from || !s.toks[j].Has(lexicon.BeAux) {
			return a, false
		}
		from := s.npBefore(s.from, j)
		if from == j {
			return a, false
		}
		a.subj = s.classifyNP(from, j)
		a.start = from
	}
	a.clause = s.clauseAfter(v, a.verbEnd, a.info)
	a.raw = s.to
	if a.clause.End > a.clause.Start {
		a.clause.End, a.raw = s.cutTrailing(a.clause.Start, a.clause.End, s.to)
	}
	return a, a.clause.End > a.clause.Start || a.form != formParticiple || s.quoteAfterIntro(a.verbEnd)
}

// inverted reads a verb before its subject: "…," said Kerry, and "Assad
// must go, said Kerry", but not "…, said to be".
func (s *sentence) inverted(a attribution) (attribution, bool) {
	v, info := a.verb, a.info
	p, ok := s.prev(v)
	if !ok || !info.Inverts || !(p.Kind == text.Quote || p.Fold == ",") || a.verbEnd >= s.to {
		return a, false
	}
	end := s.npAfter(a.verbEnd, s.to)
	a.form = formInverted
	if end > a.verbEnd && s.toks[a.verbEnd].Has(lexicon.ObjPronoun) && !s.toks[a.verbEnd].Has(lexicon.Pronoun) {
		return a, false // `"…," told me`: the object, not the speaker
	}
	a.subj = s.classifyNP(a.verbEnd, end)
	if isDescription(a.subj) {
		if name, _, e2 := s.nicknameAfter(end); name.kind == npName {
			// `said a nurse who would give her name only as "Jess"`
			a.appos = stripArticle(s.text[s.toks[a.verbEnd].Span.Start:s.toks[end-1].Span.End])
			a.subj, a.end = name, e2
			return s.invertedClause(a, p)
		}
		if name, e2 := s.nameAfter(end); name.kind == npName {
			// "said the film's producer, Tom Reyes": the name is the
			// speaker, the description theirs.
			a.appos = stripArticle(s.text[s.toks[a.verbEnd].Span.Start:s.toks[end-1].Span.End])
			a.subj, a.end = name, e2
			if info.Weak && p.Kind != text.Quote {
				return a, false
			}
			return s.invertedClause(a, p)
		}
		// "said someone in the public who called into the meeting"
		end = s.placeAfter(end)
		a.subj = s.classifyNP(a.verbEnd, end)
	}
	a.appos, a.end = s.appositiveAfter(end)
	if a.appos == "" && isDescription(a.subj) {
		a.appos, a.end = s.relativeAfter(end)
	} else if a.appos == "" && a.subj.kind == npName {
		a.appos, a.end = s.roleClauseAfter(end) // "said Leigh Sears who is the lake's manager"
	}
	if end == a.verbEnd || s.toks[a.verbEnd].Is("that", "to", "it") || a.subj.kind == npNone ||
		info.Weak && p.Kind != text.Quote ||
		p.Fold == "," && a.end < s.to && !s.toks[a.end].IsPunct(".!?,") {
		return a, false
	}
	return s.invertedClause(a, p)
}

// invertedClause completes an inverted attribution: "Assad must go, said
// Kerry" reports the clause before it; `"…," said Kerry` a quotation.
func (s *sentence) invertedClause(a attribution, p text.Token) (attribution, bool) {
	if p.Kind != text.Quote {
		a.clause = tokRange{Start: s.from, End: s.trimClauseEnd(s.from, a.verb-1)}
		if s.wordsIn(a.clause.Start, a.clause.End) < 3 || s.hasQuote(a.clause.Start, a.clause.End) {
			a.clause = tokRange{}
		}
		a.raw = a.clause.End
	}
	return a, true
}

// nicknameAfter reads a relative clause after a description that ends
// before toks[end] and ends with the name the person goes by: "who would
// give her name only as Jess". It returns the name's phrase, where it
// starts, and the token after the clause; or a phrase of no kind.
func (s *sentence) nicknameAfter(end int) (nounPhrase, int, int) {
	if end >= s.to || !s.toks[end].Is("who") || s.toks[end].Upper {
		return nounPhrase{}, end, end
	}
	for k := end + 1; k < s.to && k < end+16; k++ {
		if s.toks[k].Kind != text.Word {
			break
		}
		if s.toks[k].Upper && cueBefore(s.toks, k-1) {
			e := s.nameRunEnd(k, s.to)
			if e > k && (e == s.to || s.toks[e].IsPunct(".!?,")) {
				if np := s.classifyNP(k, e); np.kind == npName {
					return np, k, e
				}
			}
			break
		}
	}
	return nounPhrase{}, end, end
}

// nameAfter reads a name set off by a comma after a description that ends
// before toks[end], running to the end of the sentence or to a comma:
// "the film's producer, Tom Reyes." It returns the name's phrase and the
// token after it, or a phrase of no kind.
func (s *sentence) nameAfter(end int) (nounPhrase, int) {
	if end+1 >= s.to || s.toks[end].Fold != "," {
		return nounPhrase{}, end
	}
	stop := end + 1
	for stop < s.to && s.toks[stop].Kind == text.Word {
		stop++
	}
	if e := s.nameRunEnd(end+1, stop); e != stop || stop < s.to && !s.toks[stop].IsPunct(".!?,") {
		return nounPhrase{}, end
	}
	np := s.classifyNP(end+1, stop)
	if np.kind != npName || len(np.names) < 2 {
		return nounPhrase{}, end
	}
	return np, stop
}

// placeAfter extends a description that ends before toks[end] with where
// the person was, when that ends the sentence or comes before a comma or a
// relative clause: "someone in the public", "a woman outside the court".
// Adverbials of the verb are left out: "in a statement", "on Monday".
func (s *sentence) placeAfter(end int) int {
	if end+1 >= s.to || s.toks[end].Kind != text.Word || s.toks[end].Upper ||
		!s.toks[end].Is("in", "on", "during", "near", "outside", "inside", "among", "from") {
		return end
	}
	e2 := s.npAfter(end+1, s.to)
	if e2 == end+1 {
		return end
	}
	for k := end + 1; k < e2; k++ {
		if t := s.toks[k]; t.Has(lexicon.Day|lexicon.Time) || lexicon.DocumentNouns[t.Fold] || lexicon.InterviewNouns[t.Fold] {
			return end
		}
	}
	if e2 < s.to && !s.toks[e2].IsPunct(".!?,") && !s.toks[e2].Is("who") {
		return end
	}
	return e2
}

// relativeAfter reads a relative clause that describes the speaker named
// before toks[end], up to a comma or the end of the sentence: "who called
// into the meeting". It returns the clause and the token after it, or ""
// and end.
func (s *sentence) relativeAfter(end int) (string, int) {
	if end >= s.to || !s.toks[end].Is("who") || s.toks[end].Upper {
		return "", end
	}
	k := end + 1
	for k < s.to && s.toks[k].Kind == text.Word {
		k++
	}
	if k == end+1 || k-end > 16 || k < s.to && !s.toks[k].IsPunct(".!?,") {
		return "", end
	}
	return s.text[s.toks[end].Span.Start:s.toks[k-1].Span.End], k
}

// roleClauseAfter reads "who is the lake's concessions manager" after a
// name that ends before toks[end], up to the end of the sentence or a
// comma: the role it gives is the person's description. It returns the
// description and the token after the clause, or "" and end.
func (s *sentence) roleClauseAfter(end int) (string, int) {
	if end+3 >= s.to || !s.toks[end].Is("who") || s.toks[end].Upper || !s.toks[end+1].Is("is", "was") ||
		!s.toks[end+2].Has(lexicon.Determiner|lexicon.Possessive) {
		return "", end
	}
	k := end + 3
	for k < s.to && s.toks[k].Kind == text.Word && !s.toks[k].Has(lexicon.Prep) && !s.toks[k].Is("who", "which", "that", "and") {
		k++
	}
	if k-end > 12 || k < s.to && !s.toks[k].IsPunct(".!?,") || !s.toks[k-1].IsRole() {
		return "", end
	}
	return stripArticle(s.text[s.toks[end+2].Span.Start:s.toks[k-1].Span.End]), k
}

// normalOrder reads a subject before its verb: "Kerry said that …",
// "The talks, Kerry said, had failed", "…," he said.
func (s *sentence) normalOrder(a attribution) (attribution, bool) {
	a, relative, ok := s.subjectBefore(a)
	if !ok {
		return a, false
	}
	info := a.info
	if info.Base && a.form == formNormal && !a.subj.plural && !a.subj.is("they", "we", "you") &&
		a.subj.kind != npName && a.subj.kind != npBody {
		return a, false
	}
	if info.Weak && !s.quoteBefore(a.start) && !s.quoteIntroduced(a.verbEnd) {
		return a, false
	}
	if info.QuoteOnly {
		return a, s.hasQuote(a.verbEnd+1, s.to)
	}
	a.clause = s.clauseAfter(a.verb, a.verbEnd, info)
	a.raw = s.to
	if a.clause.End > a.clause.Start {
		if relative {
			// "X, who has argued that …, said …": the relative clause
			// ends where the sentence's own verb of speech comes.
			for k := a.clause.Start; k+1 < a.clause.End; k++ {
				if info, _ := s.matchSpeechVerb(k + 1); s.toks[k].Fold == "," && info != nil && !info.Ing {
					a.clause.End = s.trimClauseEnd(a.clause.Start, k)
					a.raw = a.clause.End
					return a, a.clause.End > a.clause.Start
				}
			}
		}
		a.clause.End, a.raw = s.cutTrailing(a.clause.Start, a.clause.End, s.to)
		return a, true
	}
	if before, ok := s.clauseBefore(a); ok {
		a.clause, a.raw = before, before.End
	}
	return a, true
}

// subjectBefore finds the subject of the verb of a: the noun phrase before
// it, past auxiliaries and adverbs; the name a relative pronoun stands for;
// the name or description before insertions set off by commas; or, after
// "and", "but" or "then", the sentence's subject. It reports whether the
// subject is a relative pronoun's, and false when the verb has no subject
// that can speak: it is negated, modal, passive or a noun.
func (s *sentence) subjectBefore(a attribution) (attribution, bool, bool) {
	v, info := a.verb, a.info
	j := v - 1
	passive := false
skip:
	for j >= s.from && s.toks[j].Kind == text.Word && !s.toks[j].Upper {
		t, w := s.toks[j], s.toks[j].Fold
		switch {
		case t.Has(lexicon.Negator) || strings.HasSuffix(w, "n't"):
			return a, false, false
		case t.Has(lexicon.Modal):
			return a, false, false
		case t.Has(lexicon.BeAux):
			passive = true
		case t.Has(lexicon.HaveAux|lexicon.Adverb) || lyAdverb(w):
		default:
			break skip
		}
		j--
	}
	if passive && info.Lemma != "quoted as saying" || j < s.from {
		return a, false, false
	}
	t := s.toks[j]
	switch {
	case t.Kind == text.Word && !t.Upper && t.Is("and", "but", "then"):
		a.form = formLead
		a.start = v
	case t.Kind == text.Word && t.Is("who", "which") && !t.Upper && j-1 > s.from && s.toks[j-1].IsPunct(",—"):
		// "the central bank governor, Henrik Sand, who said": the relative
		// pronoun stands for the name before it.
		subj, appos, start, ok := s.subjectBeforeInsertions(j-1, true)
		if !ok || subj.kind == npPronoun {
			return a, false, false
		}
		if info.Control && v+3 < s.to && s.toks[v+1].Is("not") && s.toks[v+2].Is("to") && s.toks[v+3].Is("be") {
			return a, false, false // "who asked not to be named": no statement
		}
		a.subj, a.appos, a.start = subj, appos, start
		return a, true, true
	case t.Kind == text.Word && t.Has(lexicon.PreNoun):
		return a, false, false // "the claims", "a reported attack"
	case t.Kind == text.Word:
		from := s.npBefore(s.from, j+1)
		if from > j {
			return a, false, false
		}
		a.subj = s.classifyNP(from, j+1)
		a.start = from
	case t.Fold == "," || t.Fold == "—" || t.Fold == ")":
		subj, appos, start, ok := s.subjectBeforeInsertions(j, false)
		if !ok {
			return a, false, false
		}
		a.subj, a.appos, a.start = subj, appos, start
	default:
		return a, false, false
	}
	return a, false, true
}

// clauseBefore returns the statement an attribution after a comma
// reports: "Assad must go, Kerry said." and "The talks, Kerry said, had
// failed." It reports false when there is none, as when a quotation stands
// next to the attribution.
func (s *sentence) clauseBefore(a attribution) (tokRange, bool) {
	if a.start-1 <= s.from || s.toks[a.start-1].Fold != "," || s.hasQuoteNextTo(a) ||
		s.isInsertion(s.from, a.start-1) || a.verbEnd < s.to && s.toks[a.verbEnd].IsPunct(":") {
		return tokRange{}, false
	}
	before := tokRange{Start: s.from, End: s.trimClauseEnd(s.from, a.start-1)}
	if a.verbEnd < s.to && s.toks[a.verbEnd].Fold == "," && s.wordsIn(a.verbEnd+1, s.to) >= 2 &&
		!s.trailingAside(a.verbEnd+1, s.to) {
		before = tokRange{Start: s.from, End: s.trimClauseEnd(s.from, s.to)}
	}
	if s.wordsIn(before.Start, before.End) < 3 || s.hasQuote(before.Start, before.End) {
		return tokRange{}, false
	}
	return before, true
}
