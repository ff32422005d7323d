package quote

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// mention is a capitalised name in the text, with its title.
type mention struct {
	pos    int
	end    int      // the byte offset of the end of the name in its paragraph
	title  string   // "US Secretary of State"
	name   string   // "John Kerry"
	lows   []string // folded name words
	gender byte
	role   bool   // the title names a role ("Secretary", "Mr")
	appos  string // a description of the person set off after the name, without its article
	nick   bool   // the name someone goes by, after a cue such as "his name was"
	place  bool   // after a preposition of place: "in Staten Island"
	object bool   // after any preposition: "a film by Dev Patel"
}

// nameMentions finds the capitalised names of a paragraph outside its
// quotations: runs of capitalised words, with the titles and particles
// inside them ("US Secretary of State John Kerry", "Bashar al-Assad").
func (p *paragraph) nameMentions() []mention {
	var out []mention
	for i := 0; i < len(p.toks); {
		if !p.inNameRun(i, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(p.toks) && p.inNameRun(j, i) {
			j++
		}
		for i > 0 && p.toks[i-1].Kind == text.Word && !p.toks[i-1].Upper && p.toks[i-1].Has(lexicon.Particle) && !p.toks[i-1].Is("as", "y") {
			i-- // "von der Leyen said"
		}
		for j > i && !p.toks[j-1].Upper && !hyphenName(p.text[p.toks[j-1].Span.Start:p.toks[j-1].Span.End]) {
			j--
		}
		k := i
		for k < j && (p.toks[k].Has(lexicon.NameStop) || p.toks[k].Has(lexicon.LeadAdverb) ||
			strings.HasSuffix(p.toks[k].Fold, "ly") || strings.HasSuffix(p.toks[k].Fold, "ing")) {
			k++
		}
		if k > 0 && p.toks[k-1].Has(lexicon.BodyTitle) && p.toks[k-1].Kind == text.Word {
			k = j // "logistics firm Al Noor Freight" names a body, not a person
		}
		for b := k; b < j-1; b++ {
			if p.toks[b].Has(lexicon.BodyTitle) && !p.toks[b+1].Has(lexicon.BodyTitle) && !hasRoleTok(p.toks[b+1:j]) {
				k = j // "Chipmaker Veridian Semiconductor", not "Bank of England Governor Andrew Bailey"
			}
		}
		j = p.nameBeforeOf(k, j)
		if k < j {
			run := p.toks[k:j]
			for _, t := range run {
				if t.Kind == text.Quote {
					run = slices.DeleteFunc(slices.Clone(run), func(t text.Token) bool { return t.Kind == text.Quote })
					break
				}
			}
			if m, ok := p.readMention(run); ok {
				m.appos = p.appositiveAfterName(j)
				if m.appos == "" && m.title == "" {
					m.appos = p.appositiveBeforeName(k, j)
				}
				m.place = p.afterLocative(k)
				m.object = k > 0 && p.toks[k-1].Kind == text.Word && !p.toks[k-1].Upper && p.toks[k-1].Has(lexicon.Prep)
				if len(m.lows) == 1 && cueBefore(p.toks, k-1) {
					// `a resident who said his name was "Perry"`
					m.nick = true
					if m.appos == "" {
						m.appos = p.nicknameOf(k)
					}
				}
				out = append(out, m)
			}
		}
		if j <= i {
			j = i + 1
		}
		i = j
	}
	return out
}

// nameBeforeOf returns where the name in the run toks[k:j] ends when a
// person's name of two words or more stands before an "of" inside it: in
// "Rep. Jo Harlan of South Carolina" the person is Jo Harlan and the place
// is where she is from. A run whose words before "of" are one word or a
// body's ("Bank of England") keeps its end j.
func (p *paragraph) nameBeforeOf(k, j int) int {
	for of := k + 2; of < j; of++ {
		if !p.toks[of].Is("of") || p.toks[of].Upper {
			continue
		}
		names := 0
		for b := of - 1; b >= k && p.isNameTok(p.toks[b]) && !p.toks[b].Has(lexicon.Place|lexicon.BodyTitle); b-- {
			names++
		}
		if names >= 2 {
			return of
		}
		return j
	}
	return j
}

// afterLocative reports whether the name that starts at toks[k] follows a
// preposition of place, perhaps with "the" between: "in Staten Island",
// "at the Bardo National Museum". People are seldom named so; places are.
func (p *paragraph) afterLocative(k int) bool {
	if k > 0 && p.toks[k-1].Is("the") {
		k--
	}
	return k > 0 && p.toks[k-1].Kind == text.Word && !p.toks[k-1].Upper && lexicon.LocativePreps[p.toks[k-1].Fold] && !p.toks[k-1].Is("from")
}

// appositiveAfterName returns the description set off by commas after a
// name that ends before toks[j], when its head is a role: "Hal Finney, a
// noted cryptography expert," and "Dan (not his real name), a 19-year-old
// student at the university,". An age before it and an aside in brackets
// are passed over. It returns "" when there is none.
func (p *paragraph) appositiveAfterName(j int) string {
	k := j
	if k < len(p.toks) && p.toks[k].Fold == "(" {
		for k < len(p.toks) && p.toks[k].Fold != ")" {
			k++
		}
		k++
	}
	if k+1 < len(p.toks) && p.toks[k].Fold == "," && startsDigit(p.toks[k+1].Fold) && k+2 < len(p.toks) && p.toks[k+2].Fold == "," {
		k += 2 // "Jane Doe, 43, a teacher,"
	}
	if k+1 >= len(p.toks) || p.toks[k].Fold != "," || !opensAppositive(p.toks[k+1]) {
		return ""
	}
	from := k + 1
	end := from
	for end < len(p.toks) && p.toks[end].Kind == text.Word && !(p.toks[end].Is("who", "which", "whose") && !p.toks[end].Upper) {
		if !p.toks[end].Is("to") && p.toks[end].Has(lexicon.Modal|lexicon.BeAux|lexicon.HaveAux) {
			return "" // a clause, not a description
		}
		end++
	}
	if end == from || end-from > 16 || end < len(p.toks) && !p.toks[end].IsPunct(",.;—)") {
		return ""
	}
	desc := stripArticle(p.text[p.toks[from].Span.Start:p.toks[end-1].Span.End])
	if !lexicon.IsRoleWord(descriptionHead(strings.Fields(text.Fold(desc)))) {
		return ""
	}
	return desc
}

// appositiveBeforeName returns the description set off by commas just
// before a name that starts at toks[k], when it opens with a determiner or
// a possessive and its head is a role: "a father and his son, Tama Rewi
// Parata," gives "son". It returns "" when there is none.
func (p *paragraph) appositiveBeforeName(k, j int) string {
	if k < 2 || p.toks[k-1].Fold != "," {
		return ""
	}
	from := k - 1
	for from > 0 && p.toks[from-1].Kind == text.Word {
		from--
		if p.toks[from].Is("and", "or") && !p.toks[from].Upper {
			from++ // "a father and his son": the part next to the name
			break
		}
	}
	if from == k-1 || k-1-from > 8 || !p.toks[from].Has(lexicon.Determiner|lexicon.Possessive) {
		from = p.closedAppositiveStart(k, j)
	}
	if from < 0 {
		return ""
	}
	for i := from + 1; i+1 < k-1; i++ {
		if finiteVerb(p.toks[i]) && p.toks[i+1].Has(lexicon.Determiner|lexicon.Possessive) {
			// "The same jury found his deputy, Owen Baird,": the
			// description is the verb's object, not the clause.
			from = i + 1
		}
	}
	desc := stripArticle(p.text[p.toks[from].Span.Start:p.toks[k-2].Span.End])
	if !lexicon.IsRoleWord(descriptionHead(strings.Fields(text.Fold(desc)))) {
		return ""
	}
	return desc
}

// closedAppositiveStart returns where a description before the name
// toks[k:j] starts when it opens with a determiner or a possessive after a
// verb or a preposition inside a sentence, and the name is set off by
// commas on both sides: "met the governor, Helen Moss, at" gives the index
// of "the", "from her uncle, Arjun Rao, in" that of "her". It returns -1 when
// there is none, and for "After losing to the champion, Serena Williams
// said", where no comma closes the name.
func (p *paragraph) closedAppositiveStart(k, j int) int {
	if j >= len(p.toks) || !p.toks[j].IsPunct(",") {
		return -1
	}
	for from := k - 2; from >= 0 && from >= k-6; from-- {
		t := p.toks[from]
		if t.Kind != text.Word || t.Is("and", "or") {
			return -1
		}
		if t.Has(lexicon.Determiner|lexicon.Possessive) && !t.Upper {
			if from == k-2 || from == 0 || p.toks[from-1].Kind != text.Word || p.toks[from-1].Upper {
				return -1
			}
			return from
		}
	}
	return -1
}

// inNameRun reports whether toks[j] continues a run of name words that
// started at toks[start].
func (p *paragraph) inNameRun(j, start int) bool {
	t := p.toks[j]
	if t.Kind == text.Quote && j > start && j+1 < len(p.toks) && p.toks[j-1].Upper && p.toks[j+1].Kind == text.Word && p.toks[j+1].Upper &&
		t.Span.End-t.Span.Start <= 24 && text.StartsUpper(strings.TrimLeft(p.text[t.Span.Start:t.Span.End], "\"'‘’“”")) {
		return true // a nickname: Margaret "Peggy" Alden
	}
	if t.Kind != text.Word {
		return false
	}
	if t.Upper || hyphenName(p.text[t.Span.Start:t.Span.End]) {
		return true
	}
	if t.Class&(lexicon.Role|lexicon.RolePlural|lexicon.Portfolio|lexicon.Org|lexicon.Particle) == 0 && t.Fold != "of" && t.Fold != "the" {
		return false
	}
	nextUpper := j+1 < len(p.toks) && p.toks[j+1].Kind == text.Word && p.toks[j+1].Upper
	if j > start && (t.Fold == "of" || t.Fold == "the" || t.Has(lexicon.Particle)) && nextUpper {
		return true
	}
	if j > start && t.Has(lexicon.Particle) {
		// "Ursula von der Leyen": particles in a row before the surname.
		k := j + 1
		for k < len(p.toks) && p.toks[k].Kind == text.Word && !p.toks[k].Upper && p.toks[k].Has(lexicon.Particle) {
			k++
		}
		if k < len(p.toks) && p.toks[k].Kind == text.Word && p.toks[k].Upper {
			return true
		}
	}
	// Lower-case title words before a name: "former prime minister Helen
	// Marsh", "her younger brother Luka Novak".
	for k := j; k < len(p.toks) && k < j+4; k++ {
		tk := p.toks[k]
		if tk.Kind != text.Word {
			return false
		}
		if tk.Upper {
			return k > j
		}
		if !tk.IsRole() && !tk.Has(lexicon.Portfolio|lexicon.Org) {
			return false
		}
	}
	return false
}

// readMention reads a run of name words as a title and a name.
func (p *paragraph) readMention(run []text.Token) (mention, bool) {
	start := p.splitTitle(run)
	if start == len(run) || run[start].Has(lexicon.Place) {
		return mention{}, false
	}
	m := mention{
		pos:  position(p.idx, run[0].Span.Start),
		end:  run[len(run)-1].Span.End,
		name: text.TrimPossessive(p.text[run[start].Span.Start:run[len(run)-1].Span.End]),
		lows: make([]string, 0, len(run)-start),
	}
	if strings.Count(m.name, " ") != len(run)-start-1 {
		// A nickname was left out: "Margaret Alden".
		words := make([]string, 0, len(run)-start)
		for _, t := range run[start:] {
			words = append(words, p.text[t.Span.Start:t.Span.End])
		}
		m.name = text.TrimPossessive(strings.Join(words, " "))
	}
	for _, t := range run[start:] {
		m.lows = append(m.lows, text.TrimPossessive(t.Fold))
	}
	if start > 0 && !run[start-1].Has(lexicon.Prep) && !run[start-1].Is("of", "to") {
		// A title, unless the name ends a phrase about it: "Critics of Orban".
		m.title = strings.TrimSpace(p.text[run[0].Span.Start:run[start].Span.Start])
		for _, t := range run[:start] {
			if g, ok := lexicon.Gender[t.Fold]; ok {
				m.gender = g
			}
			if t.IsRole() {
				m.role = true
			}
		}
	}
	return m, true
}

// isAcronym reports whether a word is written in capitals, like "US",
// "U.S." or "NATO".
func isAcronym(raw string) bool {
	return text.Capitals(raw) >= 2
}

// isNameTok reports whether a capitalised token can be part of a person's
// name: not a role, portfolio, organisation, nationality or day word, not a
// function word and not an acronym.
func (p *paragraph) isNameTok(t text.Token) bool {
	return t.Upper && t.Class&(lexicon.Role|lexicon.RolePlural|lexicon.Portfolio|lexicon.Org|lexicon.Nationality|lexicon.Day|lexicon.NameStop|lexicon.BodyTitle) == 0 &&
		!isAcronym(p.text[t.Span.Start:t.Span.End])
}

// splitTitle splits a run of words that ends with a name into the title
// before the name and the name itself, returning the index in ph where the
// name starts (len(ph) when there is no name). Lower-case particles inside
// the name ("al-Assad", "von der Leyen"), initials and suffixes such as "Jr"
// belong to the name.
func (p *paragraph) splitTitle(ph []text.Token) int {
	n := len(ph)
	start := n
	last := n - 1 // the surname's position
	if last > 0 && ph[last].Has(lexicon.Suffix) {
		last--
	}
	for i := n - 1; i >= 0; i-- {
		t := ph[i]
		if i < n-1 && start < n && isPossessive(t.Fold) {
			// "Broad’s Zhang", "Harvard’s Church": the body the name
			// works for, not a given name.
			return start
		}
		switch {
		case i > last:
			start = i
		case p.isNameTok(t) || hyphenName(p.text[t.Span.Start:t.Span.End]):
			start = i
		case i == last && i > 0 && t.Upper && t.Has(lexicon.Role|lexicon.Portfolio) && !t.Has(lexicon.Honorific) && p.isNameTok(ph[i-1]):
			// A surname that is also a title: "Stephen King", "Martin
			// Luther King", "Rachel Green", "John Major".
			start = i
		case t.Has(lexicon.Particle) && start < n && !t.Is("as", "y"):
			// "Ursula von der Leyen", and "von der Leyen" on its own.
			start = i
		default:
			return start
		}
	}
	return start
}

// isPossessive reports whether a folded word ends with "'s".
func isPossessive(w string) bool { return strings.HasSuffix(w, "'s") }

// hyphenName reports whether a word is a particle joined to a name by a
// hyphen, such as "al-Assad".
func hyphenName(raw string) bool {
	i := strings.IndexByte(raw, '-')
	if i <= 0 || i+1 >= len(raw) || raw[0] < 'a' || raw[0] > 'z' {
		return false
	}
	return lexicon.NameParticles[raw[:i]] && text.StartsUpper(raw[i+1:])
}

// nameEnd returns how many of a name's folded words come before the
// suffixes that may end it ("jr", "kc"); at least one, unless there are none.
func nameEnd(lows []string) int {
	end := len(lows)
	for end > 1 && lexicon.NameSuffixes[lows[end-1]] {
		end--
	}
	return end
}

// surnameKeys returns the folded keys under which a person is found by
// surname alone: the surname, also without a hyphenated particle
// ("al-assad" and "assad"), and with the particles written apart before it
// ("leyen" and "von der leyen"). A suffix such as "Jr" or "KC" is left out.
func surnameKeys(lows []string) []string {
	end := nameEnd(lows)
	if end == 0 {
		return nil
	}
	last := strings.TrimSuffix(lows[end-1], "'s")
	keys := []string{last}
	if p, rest, ok := strings.Cut(last, "-"); ok && lexicon.NameParticles[p] && rest != "" {
		keys = append(keys, rest)
	}
	// A surname with separate particles: "von der Leyen".
	k := end - 1
	for k > 1 && lexicon.NameParticles[lows[k-1]] {
		k--
	}
	if k < end-1 {
		keys = append(keys, strings.Join(lows[k:end], " "))
	}
	return keys
}

func stripArticle(s string) string {
	for _, art := range []string{"a ", "an ", "the ", "A ", "An ", "The ", "his ", "her ", "their ", "its ", "His ", "Her ", "Their ", "Its "} {
		if strings.HasPrefix(s, art) {
			return s[len(art):]
		}
	}
	return s
}

// surnameAsWritten returns the surname of a full name as written: "Kerry"
// of "John Kerry", "al-Assad" of "Bashar al-Assad", "King" of "Martin
// Luther King Jr.".
func surnameAsWritten(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 && lexicon.NameSuffixes[strings.Trim(strings.ToLower(words[len(words)-1]), ".,")] {
		words = words[:len(words)-1]
	}
	k := len(words) - 1
	for k > 1 && lexicon.NameParticles[strings.ToLower(words[k-1])] {
		k--
	}
	return strings.Join(words[k:], " ")
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// lyAdverb reports whether a folded word looks like an adverb in "-ly":
// "later", "firmly", but not "family".
func lyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !lexicon.LyNouns[w]
}
