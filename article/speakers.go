package article

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// entityKind tells the kinds of speakers apart, which decides what a
// pronoun or a description can refer to.
type entityKind uint8

const (
	entPerson      entityKind = iota + 1 // a named person: "John Kerry"
	entProper                            // a name that may be a person or a body: "Reuters", "Moscow"
	entBody                              // a named body: "the Pentagon", "the United States"
	entUnnamed                           // an unnamed person: "a US military official"
	entGroup                             // unnamed people: "US officials"
	entUnnamedBody                       // an unnamed body: "the ministry"
)

// entity is someone or something the article mentions and may quote.
type entity struct {
	kind     entityKind
	name     string   // the canonical name
	key      string   // the folded canonical name
	lows     []string // a person's folded name words, fullest form
	surnames []string // a person's folded surname keys
	gender   byte     // 'm', 'f' or 0
	plural   bool
	head     string   // the head noun of an unnamed source's description
	desc     string   // a description from a title or an appositive
	aliases  []string // other forms of reference, in order of appearance
	folded   []string // the aliases folded, and the name first
	titles   []string // the titles seen before the name, as written
	ftitles  []string // the titles folded
	honor    string   // the folded honorific the text gives the surname: "mrs"
	words    []string // folded words of titles, descriptions and aliases

	introduced int // position of the first mention
	mentioned  int // position of the latest mention, or -1
	salient    int // position of the latest attribution or sentence-subject mention, or -1
	spoke      int // position of the latest attribution, or -1
	firstQuote int // position of the first quote, or -1
	sp         *Speaker
}

// position packs a paragraph index and a byte offset into one ordered int.
func position[T int | int32](para int, offset T) int { return para<<21 | int(offset) }

func paraOf(pos int) int { return pos >> 21 }

// resolver keeps the entities of an article and resolves references to
// them in document order.
type resolver struct {
	ents     []*entity
	byKey    map[string]*entity   // unnamed sources and bodies by folded name
	byPerson map[personID]*entity // persons by given name and surname
	persons  []*entity
}

func newResolver() *resolver {
	return &resolver{byKey: make(map[string]*entity), byPerson: make(map[personID]*entity)}
}

func (r *resolver) add(e *entity) *entity {
	e.mentioned, e.salient, e.spoke, e.firstQuote = -1, -1, -1, -1
	r.ents = append(r.ents, e)
	if e.key != "" {
		r.byKey[e.key] = e
	}
	if e.kind == entPerson {
		r.persons = append(r.persons, e)
	}
	return e
}

// mention is a capitalised name in the text, with its title.
type mention struct {
	pos    int
	title  string   // "US Secretary of State"
	name   string   // "John Kerry"
	lows   []string // folded name words
	gender byte
	role   bool // the title names a role ("Secretary", "Mr")
}

// nameMentions finds the capitalised names of a paragraph outside its
// quotations: runs of capitalised words, with the titles and particles
// inside them ("US Secretary of State John Kerry", "Bashar al-Assad").
func nameMentions(toks []qtok, text string, para int) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		if !inNameRun(toks, i, i, text) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && inNameRun(toks, j, i, text) {
			j++
		}
		for i > 0 && toks[i-1].Kind == tkWord && !toks[i-1].Upper && toks[i-1].Has(lexicon.Particle) && !toks[i-1].Is("as", "y") {
			i-- // "von der Leyen said"
		}
		for j > i && !toks[j-1].Upper && !hyphenName(text[toks[j-1].Span.Start:toks[j-1].Span.End]) {
			j--
		}
		k := i
		for k < j && (toks[k].Has(lexicon.NameStop) || toks[k].Has(lexicon.LeadAdverb) ||
			strings.HasSuffix(toks[k].Fold, "ly") || strings.HasSuffix(toks[k].Fold, "ing")) {
			k++
		}
		if k > 0 && toks[k-1].Has(lexicon.BodyTitle) && toks[k-1].Kind == tkWord {
			k = j // "logistics firm Al Noor Freight" names a body, not a person
		}
		for b := k; b < j-1; b++ {
			if toks[b].Has(lexicon.BodyTitle) && !toks[b+1].Has(lexicon.BodyTitle) && !hasRoleTok(toks[b+1:j]) {
				k = j // "Chipmaker Veridian Semiconductor", not "Bank of England Governor Andrew Bailey"
			}
		}
		if k < j {
			run := toks[k:j]
			for _, t := range run {
				if t.Kind == tkQuote {
					run = slices.DeleteFunc(slices.Clone(run), func(t qtok) bool { return t.Kind == tkQuote })
					break
				}
			}
			if m, ok := readMention(run, text, para); ok {
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

// inNameRun reports whether toks[j] continues a run of name words that
// started at toks[start].
func inNameRun(toks []qtok, j, start int, text string) bool {
	t := toks[j]
	if t.Kind == tkQuote && j > start && j+1 < len(toks) && toks[j-1].Upper && toks[j+1].Kind == tkWord && toks[j+1].Upper &&
		t.Span.End-t.Span.Start <= 24 && startsUpper(strings.TrimLeft(text[t.Span.Start:t.Span.End], "\"'‘’“”")) {
		return true // a nickname: Margaret "Peggy" Alden
	}
	if t.Kind != tkWord {
		return false
	}
	if t.Upper || hyphenName(text[t.Span.Start:t.Span.End]) {
		return true
	}
	if t.Class&(lexicon.Role|lexicon.RolePlural|lexicon.Portfolio|lexicon.Org|lexicon.Particle) == 0 && t.Fold != "of" && t.Fold != "the" {
		return false
	}
	nextUpper := j+1 < len(toks) && toks[j+1].Kind == tkWord && toks[j+1].Upper
	if j > start && (t.Fold == "of" || t.Fold == "the" || t.Has(lexicon.Particle)) && nextUpper {
		return true
	}
	if j > start && t.Has(lexicon.Particle) {
		// "Ursula von der Leyen": particles in a row before the surname.
		k := j + 1
		for k < len(toks) && toks[k].Kind == tkWord && !toks[k].Upper && toks[k].Has(lexicon.Particle) {
			k++
		}
		if k < len(toks) && toks[k].Kind == tkWord && toks[k].Upper {
			return true
		}
	}
	// Lower-case title words before a name: "former prime minister Helen
	// Marsh", "her younger brother Luka Novak".
	for k := j; k < len(toks) && k < j+4; k++ {
		tk := toks[k]
		if tk.Kind != tkWord {
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
func readMention(run []qtok, text string, para int) (mention, bool) {
	start := splitTitle(run, text)
	if start == len(run) || run[start].Has(lexicon.Place) {
		return mention{}, false
	}
	m := mention{
		pos:  position(para, run[0].Span.Start),
		name: trimPossessive(text[run[start].Span.Start:run[len(run)-1].Span.End]),
		lows: make([]string, 0, len(run)-start),
	}
	if strings.Count(m.name, " ") != len(run)-start-1 {
		// A nickname was left out: "Margaret Alden".
		words := make([]string, 0, len(run)-start)
		for _, t := range run[start:] {
			words = append(words, text[t.Span.Start:t.Span.End])
		}
		m.name = trimPossessive(strings.Join(words, " "))
	}
	for _, t := range run[start:] {
		m.lows = append(m.lows, trimPossessive(t.Fold))
	}
	if start > 0 && !run[start-1].Has(lexicon.Prep) && !run[start-1].Is("of", "to") {
		// A title, unless the name ends a phrase about it: "Critics of Orban".
		m.title = strings.TrimSpace(text[run[0].Span.Start:run[start].Span.Start])
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

// registerPersons creates a person for every full name ("John Kerry") and
// every titled surname ("Mr Kerry") among the mentions, merging the forms
// of one name: the fullest becomes the canonical name.
func (r *resolver) registerPersons(mentions []mention) {
	for _, m := range mentions {
		if len(m.lows) >= 2 && !lexicon.NameParticles[m.lows[0]] {
			r.personFor(m)
		}
	}
	for _, m := range mentions {
		if len(m.lows) == 1 && m.role && len(r.personsNamed(m.lows[0], 0)) == 0 {
			r.personFor(m)
		}
	}
}

// personID identifies a person by given name and surname, so that "John
// Kerry" and "John F. Kerry" are one person.
type personID struct{ given, surname string }

// personKey returns the person a name's folded words identify.
func personKey(lows []string) personID {
	end := nameEnd(lows)
	if end == 0 {
		return personID{}
	}
	if len(lows) == 1 {
		return personID{"", lows[0]}
	}
	return personID{lows[0], lows[end-1]}
}

// personFor returns the person a mention names, creating it when needed.
func (r *resolver) personFor(m mention) *entity {
	key := personKey(m.lows)
	e := r.byPerson[key]
	if e == nil {
		e = r.add(&entity{
			kind:       entPerson,
			name:       m.name,
			lows:       m.lows,
			surnames:   surnameKeys(m.lows),
			introduced: m.pos,
		})
		r.byPerson[key] = e
	} else if len(m.lows) > len(e.lows) {
		old := e.name
		e.name, e.lows = m.name, m.lows
		e.aliases = slices.DeleteFunc(e.aliases, func(a string) bool { return a == m.name })
		e.folded = []string{Fold(e.name)}
		for _, a := range e.aliases {
			e.folded = append(e.folded, Fold(a))
		}
		e.addAlias(old)
	} else if m.name != e.name {
		e.addAlias(m.name)
	}
	if e.gender == 0 {
		e.gender = m.gender
	}
	if m.title != "" {
		e.addTitle(m.title, m.name)
	}
	return e
}

// addTitle records a title seen before the person's name: a description
// the first time, an alias always ("US Secretary of State"), or for an
// honorific alone the honorific with the name ("Mr Kerry").
func (e *entity) addTitle(title, name string) {
	if slices.Contains(e.titles, title) {
		return
	}
	e.titles = append(e.titles, title)
	ft := Fold(title)
	e.ftitles = append(e.ftitles, ft)
	lows := strings.Fields(ft)
	onlyHonorific := true
	for _, w := range lows {
		if !lexicon.Honorifics[w] {
			onlyHonorific = false
		}
	}
	if onlyHonorific {
		if e.honor == "" && !strings.Contains(name, " ") {
			e.honor = strings.Join(lows, " ")
		}
		// "Mr Kerry" as the text writes it ("Dame Helen" too), or made
		// from a full name with the honorifics that news puts before a
		// bare surname; not "Dame Forsyth" or "Sir Major".
		if !strings.Contains(name, " ") || lexicon.SurnameHonorifics[strings.Join(lows, " ")] {
			e.addAlias(title + " " + lastWord(name))
		}
		return
	}
	if !hasRoleWord(lows) || len(lows) > 0 && lexicon.IsPluralNoun(lows[len(lows)-1]) && lexicon.IsRoleWord(lows[len(lows)-1]) && !lexicon.RoleWords[lows[len(lows)-1]] {
		return // no role, or a plural one: "Union leaders Gordon Reid and …"
	}
	if e.desc == "" || strings.HasSuffix(Fold(title), " "+Fold(e.desc)) {
		e.desc = title // the fullest form: "White House press secretary"
	}
	e.addAlias(title)
	e.addWords(lows)
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func (e *entity) addAlias(alias string) {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return
	}
	if len(e.folded) == 0 {
		e.folded = append(e.folded, Fold(e.name))
	}
	f := Fold(alias)
	if slices.Contains(e.folded, f) {
		return
	}
	e.aliases = append(e.aliases, alias)
	e.folded = append(e.folded, f)
}

// addWords records the content words of a title, a description or an
// alias, by which a definite description ("the analyst") can find e.
func (e *entity) addWords(lows []string) {
	for _, w := range lows {
		if !lexicon.NameStopWords[w] && len(w) >= 2 && !slices.Contains(e.words, w) {
			e.words = append(e.words, w)
		}
	}
}

// hasWord reports whether e's titles, descriptions or aliases hold the
// folded word w, or its singular.
func (e *entity) hasWord(w string) bool {
	if slices.Contains(e.words, w) {
		return true
	}
	s, ok := lexicon.Singular(w)
	return ok && slices.Contains(e.words, s)
}

// personsNamed returns the persons with the folded surname or given name
// w and a gender compatible with g.
func (r *resolver) personsNamed(w string, g byte) []*entity {
	var out []*entity
	for _, p := range r.persons {
		if g != 0 && p.gender != 0 && p.gender != g {
			continue
		}
		for _, s := range p.surnames {
			if s == w {
				out = append(out, p)
				break
			}
		}
	}
	if len(out) == 0 {
		for _, p := range r.persons {
			if len(p.lows) > 1 && p.lows[0] == w && (g == 0 || p.gender == 0 || p.gender == g) {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		// A middle name the person is known by: "Lula" of "Luiz Inácio
		// Lula da Silva".
		for _, p := range r.persons {
			for k := 1; k+1 < len(p.lows); k++ {
				if p.lows[k] == w && !lexicon.NameParticles[w] && (g == 0 || p.gender == 0 || p.gender == g) {
					out = append(out, p)
					break
				}
			}
		}
	}
	return out
}

// byGender narrows persons to those known to be of gender g, when there
// are any: "Mrs Alden" is the Alden known to be a woman rather than the one
// whose gender the text has not shown.
func byGender(ps []*entity, g byte) []*entity {
	if g == 0 || len(ps) < 2 {
		return ps
	}
	var same []*entity
	for _, p := range ps {
		if p.gender == g {
			same = append(same, p)
		}
	}
	if len(same) > 0 {
		return same
	}
	return ps
}

// byHonorific narrows the persons sharing a surname to those the text
// already calls by the honorific of title ("Mrs Alden"), or else to those
// it calls by no honorific yet: the woman called "Ms Alden" is not the one
// called "Mrs Alden". Other titles leave ps as it is.
func byHonorific(ps []*entity, title string) []*entity {
	if len(ps) < 2 || title == "" || len(title) > 7 {
		return ps
	}
	h := Fold(title)
	if !lexicon.Honorifics[h] {
		return ps
	}
	var same, none []*entity
	for _, p := range ps {
		switch p.honor {
		case h:
			same = append(same, p)
		case "":
			none = append(none, p)
		}
	}
	switch {
	case len(same) > 0:
		return same
	case len(none) > 0:
		return none
	}
	return ps
}

// mostRecent returns the person mentioned last, or the first introduced
// when none has been mentioned yet.
func mostRecent(ps []*entity) *entity {
	var best *entity
	for _, p := range ps {
		if best == nil || p.mentioned > best.mentioned ||
			(p.mentioned == best.mentioned && p.introduced < best.introduced) {
			best = p
		}
	}
	return best
}

// noteMention records a name seen in the text: it makes a person the most
// recently mentioned of those sharing a surname, and gives a gender from an
// honorific.
func (r *resolver) noteMention(m mention) {
	var e *entity
	if len(m.lows) >= 2 && !lexicon.NameParticles[m.lows[0]] {
		e = r.byPerson[personKey(m.lows)]
	} else {
		e = mostRecent(byGender(byHonorific(r.personsNamed(strings.Join(m.lows, " "), m.gender), m.title), m.gender))
		if e == nil {
			e = r.byKey[Fold(m.name)]
		}
	}
	if e == nil {
		return
	}
	e.mentioned = m.pos
	if e.gender == 0 && m.gender != 0 {
		e.gender = m.gender
	}
	if e.kind == entPerson && len(m.lows) == 1 && m.title != "" {
		e.addTitle(m.title, m.name)
	}
	if e.kind == entPerson && len(m.lows) == 1 && len(e.lows) > 1 {
		e.addAlias(m.name)
	}
}

// resolve returns the entity a speaker phrase refers to at pos, creating
// it when the phrase introduces someone new, or nil when it refers to no
// one the resolver can find.
func (r *resolver) resolve(np nounPhrase, appos string, pos int) *entity {
	var e *entity
	switch np.kind {
	case npPronoun:
		return r.pronoun(np.text, pos)
	case npName:
		e = r.named(np, pos)
		if appos == "" {
			appos = np.affil
		}
	case npBody:
		if p := r.personTitled(np.text); p != nil {
			return p // `Finance Minister: "…"` before "Finance Minister Clara Voss"
		}
		e = r.keyed(np.text, entBody, np, pos)
		if np.title != "" && e.desc == "" {
			e.desc = np.title
		}
	case npDefinite:
		e = r.definite(np, pos)
	case npIndefinite:
		e = r.unnamed(np, pos)
	case npBare:
		e = r.bare(np, pos)
	}
	if e != nil && appos != "" {
		if e.desc == "" {
			e.desc = appos
		}
		words := strings.Fields(Fold(appos))
		e.addWords(words)
		if g := lexicon.Gender[descriptionHead(words)]; e.gender == 0 && e.kind == entPerson && g != 0 {
			e.gender = g // "his wife, Jane Doe", "Mrs Hale's son, Peter Hale"
		}
	}
	return e
}

// descriptionHead returns the head noun of a folded description: its last
// word before a preposition or a relative clause ("son" of "Mrs Hale's
// son", "captain" of "captain of the team").
func descriptionHead(words []string) string {
	for i, w := range words {
		if i > 0 && (lexicon.Prepositions[w] || w == "of" || w == "to" || w == "who" || w == "which" || w == "that") {
			return trimPossessive(words[i-1])
		}
	}
	if len(words) == 0 {
		return ""
	}
	return trimPossessive(words[len(words)-1])
}

// named resolves a name: a full name to its person, a lone surname to the
// most recently mentioned person bearing it, and a lone unknown name to a
// proper entity that may be a person or a body.
func (r *resolver) named(np nounPhrase, pos int) *entity {
	m := mention{pos: pos, title: np.title, name: np.name, lows: np.names, gender: np.gender}
	for _, w := range strings.Fields(Fold(np.title)) {
		if lexicon.IsRoleWord(w) {
			m.role = true
		}
	}
	surname := len(np.names) == 1 || len(np.names) > 1 && lexicon.NameParticles[np.names[0]] // "Kerry", "Ten Hag"
	if len(np.names) >= 2 && !surname {
		e := r.personFor(m)
		e.mentioned = pos
		return e
	}
	if len(np.names) == 0 {
		return nil
	}
	if e := mostRecent(byGender(byHonorific(r.personsNamed(strings.Join(np.names, " "), np.gender), np.title), np.gender)); e != nil {
		e.mentioned = pos
		if np.title != "" {
			e.addTitle(np.title, np.name)
		}
		if len(e.lows) > 1 {
			e.addAlias(np.name)
		}
		if e.gender == 0 {
			e.gender = np.gender
		}
		return e
	}
	if m.role {
		e := r.personFor(m)
		e.mentioned = pos
		return e
	}
	return r.keyed(np.name, entProper, np, pos)
}

// personTitled returns the one person the text gives the title ("Finance
// Minister"), or nil when no one or several people have it.
func (r *resolver) personTitled(title string) *entity {
	return r.personTitledAs(title, false)
}

// personTitledAs is personTitled; with suffix, a title that ends with the
// given one counts too ("Finance Minister" for "Minister").
func (r *resolver) personTitledAs(title string, suffix bool) *entity {
	key := Fold(title)
	var found *entity
	for _, p := range r.persons {
		for _, ft := range p.ftitles {
			if ft == key || suffix && len(ft) > len(key) && ft[len(ft)-len(key)-1] == ' ' && strings.HasSuffix(ft, key) {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}

// keyed returns the entity with the canonical name, creating it.
func (r *resolver) keyed(name string, kind entityKind, np nounPhrase, pos int) *entity {
	key := Fold(name)
	if e := r.byKey[key]; e != nil {
		return e
	}
	e := r.add(&entity{kind: kind, name: name, key: key, plural: np.plural, head: np.head, introduced: pos})
	e.addWords(np.words)
	return e
}

// definite resolves "the analyst", "the top US diplomat": a named person
// introduced earlier whose titles or descriptions share the head noun; else
// an unnamed source with that head who spoke last; else the named person who
// spoke, or was a sentence's subject, last. It never prefers an unnamed
// source that merely stands nearer.
func (r *resolver) definite(np nounPhrase, pos int) *entity {
	if lexicon.DocumentNouns[np.head] && !np.plural {
		// "the statement said": whoever just made one.
		var last *entity
		for _, e := range r.ents {
			if e.spoke >= 0 && e.spoke < pos && (last == nil || e.spoke > last.spoke) {
				last = e
			}
		}
		if last != nil && paraOf(pos)-paraOf(last.spoke) <= 1 {
			return last
		}
	}
	if lexicon.OrgWords[np.head] || !lexicon.IsRoleWord(np.head) && !hasRoleWord(np.words) && !lexicon.IsDemonym(np.head) {
		// "the operator" after "the national rail operator".
		if e := r.byKey[Fold("the "+np.text)]; e != nil {
			return e
		}
		for i := len(r.ents) - 1; i >= 0; i-- {
			if e := r.ents[i]; (e.kind == entUnnamedBody || e.kind == entBody) && e.head == np.head && np.head != "" {
				e.addAlias("the " + np.text)
				return e
			}
		}
		return r.keyed("the "+np.text, entUnnamedBody, np, pos)
	}
	if np.plural {
		if g := r.groupWithHead(np.head); g != nil {
			g.addAlias("the " + np.text)
			return g
		}
		return r.keyed("the "+np.text, entGroup, np, pos)
	}
	alias := "the " + np.text
	var best *entity
	bestScore := 0
	for _, p := range r.persons {
		if p.introduced >= pos || !p.hasWord(np.head) {
			continue
		}
		score := 0
		for _, w := range np.words {
			if p.hasWord(w) {
				score++
			}
		}
		if best == nil || score > bestScore || (score == bestScore && p.mentioned > best.mentioned) {
			best, bestScore = p, score
		}
	}
	if best != nil {
		best.addAlias(alias)
		return best
	}
	var last *entity
	for _, e := range r.ents {
		if e.spoke >= 0 && (last == nil || e.spoke > last.spoke) {
			last = e
		}
	}
	if last != nil && last.kind == entUnnamed && last.head == np.head {
		return last
	}
	var lastNamed *entity // the named person who spoke or was the subject last
	for _, p := range r.persons {
		if p.salient >= 0 && p.salient < pos && (lastNamed == nil || p.salient > lastNamed.salient) {
			lastNamed = p
		}
	}
	if lastNamed != nil {
		lastNamed.addAlias(alias)
		lastNamed.addWords(np.words)
		return lastNamed
	}
	for i := len(r.ents) - 1; i >= 0; i-- {
		if e := r.ents[i]; e.kind == entUnnamed && e.head == np.head {
			return e
		}
	}
	return r.keyed(alias, entUnnamed, np, pos)
}

// groupWithHead returns the latest group of unnamed people described by
// the plural head noun, such as "US officials" for "officials".
func (r *resolver) groupWithHead(head string) *entity {
	for i := len(r.ents) - 1; i >= 0; i-- {
		if e := r.ents[i]; e.kind == entGroup && e.head == head {
			return e
		}
	}
	return nil
}

// unnamed resolves "a US military official": an unnamed source, one per
// description.
func (r *resolver) unnamed(np nounPhrase, pos int) *entity {
	kind := entUnnamed
	switch {
	case np.plural:
		kind = entGroup
	case lexicon.OrgWords[np.head] || !lexicon.IsRoleWord(np.head):
		kind = entUnnamedBody
	}
	return r.keyed(np.text, kind, np, pos)
}

// bare resolves a description without an article: "US officials",
// "officials" (the latest group of officials), "Pentagon spokesman".
func (r *resolver) bare(np nounPhrase, pos int) *entity {
	if np.plural {
		if e := r.byKey[Fold(np.text)]; e != nil {
			return e
		}
		if Fold(np.text) == np.head {
			if g := r.groupWithHead(np.head); g != nil {
				g.addAlias(np.text)
				return g
			}
		}
		return r.keyed(np.text, entGroup, np, pos)
	}
	if lexicon.IsRoleWord(np.head) && !lexicon.OrgWords[np.head] {
		return r.keyed(np.text, entUnnamed, np, pos)
	}
	return r.keyed(np.text, entUnnamedBody, np, pos)
}

// pronoun resolves he, she, they and it to the most recent compatible
// speaker or sentence subject: he and she to a person of that gender (or
// an unknown one, which the pronoun then settles), or to an unnamed person
// who spoke in this or the previous paragraph; they to a group or body; it
// to a body.
func (r *resolver) pronoun(w string, pos int) *entity {
	var best, nearestPerson *entity
	unknown := 0 // salient persons of unknown gender
	switch w {
	case "he", "she":
		g := byte('m')
		if w == "she" {
			g = 'f'
		}
		for _, e := range r.ents {
			if e.salient < 0 || e.salient >= pos {
				continue
			}
			switch e.kind {
			case entPerson:
			case entUnnamed:
				if paraOf(pos)-paraOf(e.spoke) > 1 || e.spoke < 0 {
					continue
				}
			default:
				continue
			}
			if nearestPerson == nil || e.salient > nearestPerson.salient {
				nearestPerson = e
			}
			if e.gender != 0 && e.gender != g {
				continue
			}
			if e.gender == 0 {
				unknown++
			}
			if best == nil || e.salient > best.salient {
				best = e
			}
		}
		if best == nil {
			for _, e := range r.ents {
				if e.kind == entProper && e.salient >= 0 && e.salient < pos && (best == nil || e.salient > best.salient) {
					best = e
				}
			}
			if best != nil {
				best.kind = entPerson
				r.persons = append(r.persons, best)
				best.lows = strings.Fields(best.key)
				best.surnames = surnameKeys(best.lows)
			}
		}
		if best != nil && best.gender == 0 && (nearestPerson == nil || nearestPerson == best || unknown == 1) {
			// The nearest person, or the only one the pronoun can mean.
			best.gender = g
		}
		return best
	case "they", "it":
		for _, e := range r.ents {
			if e.salient < 0 || e.salient >= pos {
				continue
			}
			ok := false
			switch e.kind {
			case entBody, entUnnamedBody, entProper:
				ok = true
			case entGroup:
				ok = w == "they"
			}
			if ok && (best == nil || e.salient > best.salient) {
				best = e
			}
		}
		return best
	}
	return nil
}

// spokeAt records that e is credited with words at pos.
func (e *entity) spokeAt(pos int) {
	if pos > e.spoke {
		e.spoke = pos
	}
	if pos > e.salient {
		e.salient = pos
	}
	if pos > e.mentioned {
		e.mentioned = pos
	}
}
