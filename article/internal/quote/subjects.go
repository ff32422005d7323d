package quote

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// leadSubject returns the subject of a sentence: its first noun phrase
// after any opening adverbials ("On Friday, Kerry met …" → Kerry). A
// description followed by a name in commas stands for that name ("Her
// successor, Prime Minister David Okafor, was …").
func (s *sentence) leadSubject() nounPhrase {
	k := s.from
	for k < s.to && s.toks[k].Kind == text.Word {
		end := k
		for end < s.to && !s.toks[end].IsPunct(",—") && s.toks[end].Kind != text.Quote {
			end++
		}
		if end < s.to && s.toks[end].IsPunct(",—") && s.isInsertion(k, end) {
			k = end + 1
			continue
		}
		break
	}
	for k+1 < s.to && s.toks[k].Kind == text.Word && s.toks[k].Is("but", "and", "yet", "so", "still", "now", "then", "meanwhile", "however", "instead") {
		k++ // "But Starmer disagreed."
	}
	if k >= s.to || s.toks[k].Kind != text.Word {
		return nounPhrase{}
	}
	end := k
	for end < s.to && s.toks[end].Kind == text.Word {
		end++
	}
	if s.toks[k].Has(lexicon.Pronoun) {
		return s.classifyNP(k, k+1)
	}
	if e := s.nameRunEnd(k, end); e > k {
		np := s.classifyNP(k, e)
		if np.kind == npName || np.kind == npBody {
			return np
		}
	}
	// A description: up to its last role or organisation word, "The rail
	// workers' union", "The minister".
	last := -1
	for e := k; e < end; e++ {
		if e > k && !s.toks[e].Upper && (s.toks[e].Has(lexicon.NPStop|lexicon.Pronoun|lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) || s.toks[e].Has(lexicon.Prep) && last < 0) {
			break // "The jury heard that one resident …" has no subject of this kind
		}
		role := s.toks[e].IsRole() || s.toks[e].Has(lexicon.Org)
		if !role && last >= 0 && !s.toks[e].Is("of") {
			break
		}
		if role {
			last = e
		}
	}
	if last < 0 {
		return nounPhrase{}
	}
	np := s.classifyNP(k, last+1)
	ofBody := last+1 < end && s.toks[last+1].Is("of", "for", "at", "from") && !s.toks[last+1].Upper
	if (last+1 == end || ofBody) && end+1 < s.to && s.toks[end].Fold == "," {
		after := end + 1
		stop := after
		for stop < s.to && s.toks[stop].Kind == text.Word {
			stop++
		}
		if e := s.nameRunEnd(after, stop); e == stop && stop < s.to && s.toks[stop].Fold == "," {
			if name := s.classifyNP(after, e); name.kind == npName {
				if name.gender == 0 {
					name.gender = lexicon.Gender[np.head] // "Her granddaughter, Sophie Alden,"
				}
				if name.title == "" && np.kind != npBody {
					// "The mayor, Jo Park,", "The leader of the party, Jo Park,"
					name.title = stripArticle(s.text[s.toks[k].Span.Start:s.toks[end-1].Span.End])
				}
				return name
			}
		}
	}
	return np
}

// thingSubject reports whether a sentence opens with a thing that cannot
// speak for its subject, as "The plane, which …, disappeared" does: the
// "it" of the next sentence is more likely that thing than a body.
func (s *sentence) thingSubject() bool {
	k := s.from
	for k < s.to && s.toks[k].Is("but", "and", "yet", "so") {
		k++
	}
	if k+1 >= s.to || !s.toks[k].Has(lexicon.Determiner|lexicon.Possessive) || s.toks[k].Is("this", "that") {
		return false
	}
	e := k + 1
	for e < s.to && s.toks[e].Kind == text.Word && !s.toks[e].Upper && !s.toks[e].Has(lexicon.Prep|lexicon.BeAux|lexicon.HaveAux|lexicon.Modal|lexicon.NPStop) {
		e++
	}
	if e == k+1 || e < s.to && s.toks[e].Kind == text.Word && s.toks[e].Upper {
		return false
	}
	return !speakerHead(text.TrimPossessive(s.toks[e-1].Fold))
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
func (s *sentence) subjectBeforeInsertions(j int, relative bool) (nounPhrase, string, int, bool) {
	chunks := s.chunksBefore(j)
	var desc *chunk
	aside := "" // a relative clause right after the subject, which may describe it
	for c := len(chunks) - 1; c >= 0; c-- {
		ch := chunks[c]
		if s.toks[ch.from].Kind != text.Word {
			break
		}
		if ch.paren || s.isInsertion(ch.from, ch.to) || (ch.dashed && c > 0 && !opensAppositive(s.toks[ch.from])) {
			if desc == nil {
				aside = ""
				if s.toks[ch.from].Is("who") && !s.toks[ch.from].Upper {
					aside = s.text[s.toks[ch.from].Span.Start:s.toks[ch.to-1].Span.End]
				}
			}
			continue // "(D-Mass.)", "who spoke on condition of anonymity", "— no relation —"
		}
		if c > 0 && s.toks[chunks[c-1].from].Is("of", "from", "in") && !s.toks[chunks[c-1].from].Upper &&
			ch.core-ch.from <= 2 && s.toks[ch.from].Upper {
			// "Eddie Foreman, 40, of Opelika, Alabama, who …": the rest of
			// an address.
			continue
		}
		if c > 1 && opensClauseAside(s.toks[chunks[c-1].from]) {
			// "Mr Pugh, who founded it with his late wife, Ann, said": the
			// name belongs to the aside before it.
			desc = nil
			continue
		}
		if relative && c == len(chunks)-1 {
			// "China was represented by Premier Li Qiang, who said": the
			// name that ends the clause.
			if b := s.trailingName(ch.from, ch.core); b > ch.from {
				ch.from = b
			}
		}
		if desc == nil && c > 0 && s.longAppositive(ch) {
			// "Prof Gavin Yamey, director of the Centre for Policy Impact
			// in Global Health at Duke University, says"
			d := ch
			desc = &d
			continue
		}
		if s.npBefore(ch.from, ch.core) != ch.from {
			break
		}
		np := s.classifyNP(ch.from, ch.core)
		if desc == nil {
			if c > 0 && isDescription(np) {
				// Perhaps the appositive of a name further left.
				d := ch
				desc = &d
				continue
			}
			appos, from := "", ch.from
			if np.kind == npName && c > 0 {
				if a, f, ok := s.titleBefore(chunks[c-1], relative); ok {
					appos, from = a, f
				}
			}
			if appos == "" && (isDescription(np) || np.kind == npOneOf) {
				appos = aside // "A second vice-chancellor, who runs a university, agreed"
			}
			return np, appos, from, np.isSpeaker()
		}
		if !namesSomeone(np) {
			break
		}
		appos := stripArticle(s.text[s.toks[desc.from].Span.Start:s.toks[desc.to-1].Span.End])
		return np, appos, ch.from, np.isSpeaker()
	}
	if desc != nil {
		np := s.classifyNP(desc.from, desc.core)
		return np, aside, desc.from, np.isSpeaker()
	}
	return nounPhrase{}, "", 0, false
}

// longAppositive reports whether a chunk is a description too long to read
// as one noun phrase that opens like an appositive and whose head is a
// role: "director of the Centre for Policy Impact in Global Health at Duke
// University".
func (s *sentence) longAppositive(ch chunk) bool {
	if ch.core-ch.from <= 4 || !opensAppositive(s.toks[ch.from]) {
		return false
	}
	var words []string
	for k := ch.from; k < ch.core; k++ {
		if s.toks[k].Kind != text.Word || !s.toks[k].Upper && s.toks[k].Has(lexicon.Modal|lexicon.BeAux|lexicon.HaveAux|lexicon.Pronoun) {
			return false
		}
		words = append(words, s.toks[k].Fold)
	}
	return lexicon.IsRoleWord(descriptionHead(words[min(1, len(words)-1):]))
}

// chunk is a stretch of a sentence between commas, dashes or brackets.
type chunk struct {
	from, to int
	core     int  // the end of the phrase before any relative clause
	paren    bool // between brackets: "(D-Mass.)"
	dashed   bool // between dashes: "— no relation —"
}

// chunksBefore returns the chunks of the sentence up to toks[j], from the
// last quotation, colon or semicolon before it.
func (s *sentence) chunksBefore(j int) []chunk {
	lo := s.from
	for k := j; k >= s.from; k-- {
		if s.toks[k].Kind == text.Quote || s.toks[k].IsPunct(":;") {
			lo = k + 1
			break
		}
	}
	var chunks []chunk
	start := lo
	for k := lo; k <= j; k++ {
		if !s.toks[k].IsPunct(",—()") {
			continue
		}
		if k > start {
			ch := chunk{from: start, to: k, core: k,
				paren:  start > lo && s.toks[start-1].Fold == "(" && s.toks[k].Fold == ")",
				dashed: start > lo && s.toks[start-1].Fold == "—" && s.toks[k].Fold == "—"}
			for r := start + 1; r < k; r++ {
				if !s.toks[r].Upper && s.toks[r].Is("who", "which", "whose", "whom", "that") {
					ch.core = r // "one of the two members who voted against it"
					break
				}
			}
			chunks = append(chunks, ch)
		}
		start = k + 1
	}
	return chunks
}

// titleBefore reads the chunk before a name as its description, "The
// Health Secretary, Sarah Pike, said", and returns it without its article
// and where it starts. For the antecedent of a relative pronoun, the
// description may end a longer chunk, up to its article: "puts her at
// odds with the central bank governor, Henrik Sand, who said".
func (s *sentence) titleBefore(left chunk, relative bool) (string, int, bool) {
	lfrom := s.npBefore(left.from, left.to)
	if relative {
		lfrom = left.to
		for lfrom > left.from && s.toks[lfrom-1].Kind == text.Word &&
			s.toks[lfrom-1].Class&(lexicon.Prep|lexicon.NPStop|lexicon.Pronoun|lexicon.ObjPronoun) == 0 {
			lfrom--
			if s.toks[lfrom].Has(lexicon.Determiner | lexicon.Possessive) {
				break
			}
		}
		left.from = lfrom
	}
	if lnp := s.classifyNP(left.from, left.to); lfrom == left.from &&
		(lnp.kind == npDefinite || lnp.kind == npBare) && lexicon.IsRoleWord(lnp.head) {
		return stripArticle(s.text[s.toks[left.from].Span.Start:s.toks[left.to-1].Span.End]), left.from, true
	}
	return "", 0, false
}

// trailingName returns where the capitalised name that ends toks[from:to]
// starts, with the title words before it ("by Premier Li Qiang" → "Premier
// Li Qiang"), or from when the range does not end with a name.
func (p *paragraph) trailingName(from, to int) int {
	if to <= from || !p.toks[to-1].Upper {
		return from
	}
	k := to
	for k > from && p.toks[k-1].Kind == text.Word && (p.toks[k-1].Upper || p.toks[k-1].IsRole() || p.toks[k-1].Has(lexicon.Portfolio|lexicon.Particle)) {
		k--
	}
	if k > from && p.toks[k-1].Has(lexicon.Determiner) && !p.toks[k-1].Upper {
		k--
	}
	return k
}

// opensClauseAside reports whether a word opens a relative clause or a
// participle phrase set off by commas: "who", "which", "speaking".
func opensClauseAside(t text.Token) bool {
	return t.Kind == text.Word && !t.Upper && (t.Is("who", "which", "whose", "whom", "where") || isParticiple(t.Fold))
}

// opensAppositive reports whether a word can open a description of the
// person named before it: "a", "the", "his", a role, a portfolio or a
// nationality ("— a former diplomat —", "— deputy mayor —").
func opensAppositive(t text.Token) bool {
	return t.Kind == text.Word && (t.Has(lexicon.Determiner|lexicon.Possessive|lexicon.Portfolio|lexicon.Nationality) || t.IsRole() || startsDigit(t.Fold))
}

// isInsertion reports whether a comma-separated chunk is an aside between a
// subject and its verb, or an adverbial before them: a relative clause, a
// participle, an age, a prepositional phrase, an adverb.
func (p *paragraph) isInsertion(from, to int) bool {
	first := p.toks[from]
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
	case lexicon.IrregularParticiples[w] && !first.Upper || lexicon.IrregularParticiples[w] && from+1 < to && p.toks[from+1].Has(lexicon.Prep):
		return true // "Born in Leeds in 1931"
	case (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && len(w) > 4:
		// A participle: "speaking on condition of anonymity", "Asked
		// whether …", but not "United captain Bruno Fernandes".
		if !first.Upper || from+1 >= to {
			return true
		}
		next := p.toks[from+1]
		return next.Kind == text.Word && !next.Upper &&
			(next.Has(lexicon.Prep|lexicon.Determiner|lexicon.Possessive|lexicon.Pronoun|lexicon.ObjPronoun|lexicon.Adverb|lexicon.Time) || next.Is("whether", "if", "why", "how", "what", "by", "to", "as"))
	case lyAdverb(w) && to-from == 1:
		return true
	}
	return false
}

// appositiveAfter reads ", a former US diplomat and adviser to …" after a
// speaker named at toks[end-1], returning the description without its
// article and the token after it.
func (s *sentence) appositiveAfter(end int) (string, int) {
	if end+3 < s.to && s.toks[end].Fold == "," && startsDigit(s.toks[end+1].Fold) && s.toks[end+2].Fold == "," {
		// An age first: "said Margaret Finch, 71, a retired teacher".
		if desc, after := s.appositiveAfter(end + 2); desc != "" {
			return desc, after
		}
	}
	if end+1 >= s.to || s.toks[end].Fold != "," || s.toks[end+1].Kind != text.Word {
		return "", end
	}
	first := s.toks[end+1]
	if !first.Has(lexicon.Determiner) && !first.IsRole() && !first.Has(lexicon.Portfolio) && !first.Has(lexicon.Nationality) {
		return "", end
	}
	k := end + 1
	for k < s.to && s.toks[k].Kind == text.Word && !(s.toks[k].Is("who", "which", "that") && !s.toks[k].Upper) {
		if !s.toks[k].Is("to") && s.toks[k].Has(lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) {
			// A clause, not a description: "According to the company, the
			// wind farm will start …".
			return "", end
		}
		k++
	}
	if k == end+1 || k-end > 20 {
		return "", end
	}
	return stripArticle(s.text[s.toks[end+1].Span.Start:s.toks[k-1].Span.End]), k
}
