package quote

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// registerPersons creates a person for every full name ("John Kerry"),
// every titled surname ("Mr Kerry") and every single name described as a
// person ("Dan, a student,") among the mentions, merging the forms of one
// name: the fullest becomes the canonical name.
func (r *resolver) registerPersons(mentions []mention) {
	// A name the text only ever gives after a preposition of place, with no
	// title or description, is a place's: "in Staten Island".
	person := map[personID]bool{}
	for _, m := range mentions {
		if !m.place || m.title != "" || m.appos != "" {
			person[personKey(m.lows)] = true
		}
	}
	// The fullest names first, so that a shorter form given earlier
	// ("Tama Rewi" before "Tama Rewi Parata") joins the person they name.
	full := make([]mention, 0, len(mentions))
	for _, m := range mentions {
		if len(m.lows) >= 2 && !lexicon.NameParticles[m.lows[0]] && person[personKey(m.lows)] {
			full = append(full, m)
		}
	}
	slices.SortStableFunc(full, func(a, b mention) int { return len(b.lows) - len(a.lows) })
	for _, m := range full {
		if e := r.personFor(m); m.pos < e.introduced {
			e.introduced = m.pos
		}
	}
	for _, m := range mentions {
		if len(m.lows) == 1 && (m.role || m.appos != "" || m.nick) && len(r.personsNamed(m.lows[0], 0)) == 0 {
			// "Mr Kerry", or "Dan, a 19-year-old student,": a person known
			// by one name.
			r.personFor(m)
		}
	}
}

// personsNamed returns the persons with the folded surname or given name
// w and a gender compatible with g, in the order they were introduced.
func (r *resolver) personsNamed(w string, g byte) []*entity {
	fits := func(p *entity) bool { return g == 0 || p.gender == 0 || p.gender == g }
	surname := func(p *entity) bool { return fits(p) && slices.Contains(p.surnames, w) }
	out := r.persons4(r.namesakes(r.bySurname[w], surname), surname)
	if len(out) == 0 {
		given := func(p *entity) bool { return fits(p) && len(p.lows) > 1 && p.lows[0] == w }
		out = r.persons4(r.namesakes(r.byGiven[w], given), given)
	}
	if len(out) == 0 && !lexicon.NameParticles[w] {
		// A middle name the person is known by: "Lula" of "Luiz Inácio
		// Lula da Silva".
		middle := func(p *entity) bool { return fits(p) && slices.Contains(p.lows[1:max(1, len(p.lows)-1)], w) }
		out = r.persons4(r.namesakes(r.byMiddle[w], middle), middle)
	}
	return out
}

// maxNamesakes bounds the people a name or a description is looked up
// among when the article gives it to many: the first ones introduced with
// it, and as many of those mentioned last. News never names so many people
// alike; the bound keeps a lookup as cheap in a long list of namesakes as
// in an article.
const maxNamesakes = 64

// namesakes returns the entities among all, those given a name or a word,
// that a lookup considers: all of them, or when they are many, the first
// maxNamesakes and the latest maxNamesakes mentioned that has accepts.
func (r *resolver) namesakes(all []*entity, has func(*entity) bool) []*entity {
	if len(all) <= 2*maxNamesakes {
		return all
	}
	out := slices.Clip(all[:maxNamesakes])
	r.mention.latest(func(e *entity) bool {
		if has(e) {
			out = append(out, e)
		}
		return len(out) < 2*maxNamesakes
	})
	return out
}

// persons4 returns the persons among candidates that ok accepts, each
// once, in the order they were introduced.
func (r *resolver) persons4(candidates []*entity, ok func(*entity) bool) []*entity {
	var out []*entity
	for _, p := range candidates {
		if p.kind == entPerson && ok(p) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *entity) int { return a.order - b.order })
	return slices.Compact(out)
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
	h := text.Fold(title)
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

// namesake returns the person at pos that a short form of a name means,
// among ps, the persons it can mean: the only one; or, when several share
// the name, the only one of them named in full (or told apart by an
// honorific or a gender) in the paragraph at pos, or else in that paragraph
// and the one before. It returns nil when it cannot tell which: a reader
// would not know either.
func namesake(ps []*entity, pos int) *entity {
	if len(ps) > 1 {
		// Those the text has introduced by pos, if any: a name given in
		// full only later is no namesake yet.
		var known []*entity
		for _, p := range ps {
			if p.introduced <= pos {
				known = append(known, p)
			}
		}
		if len(known) > 0 {
			ps = known
		}
	}
	if len(ps) == 1 {
		return ps[0]
	}
	// Named in this paragraph, else in this one or the one before.
	for reach := 0; reach <= 1; reach++ {
		var found *entity
		for _, p := range ps {
			if p.distinct >= 0 && p.distinct <= pos && paraOf(pos)-paraOf(p.distinct) <= reach {
				if found != nil {
					return nil
				}
				found = p
			}
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// shortForm returns the person a short form of a name (a surname, a
// given name, "Mrs Alden") means at pos, and whether the form told that
// person apart from the others who share the name by itself. ps are the
// persons the name can mean; narrowed are those its honorific and gender
// leave.
func shortForm(ps, narrowed []*entity, pos int) (*entity, bool) {
	if len(narrowed) == 1 {
		return narrowed[0], len(ps) > 1
	}
	return namesake(narrowed, pos), false
}

// sawInFull notes that the text names e at pos in a form that tells e
// apart from everyone else the article names.
func (e *entity) sawInFull(pos int) {
	if pos > e.distinct {
		e.distinct = pos
	}
}

// noteMention records a name seen in the text: it makes a person the most
// recently mentioned of those sharing a surname, and gives a gender from an
// honorific.
func (r *resolver) noteMention(m mention) {
	var e *entity
	if len(m.lows) >= 2 && !lexicon.NameParticles[m.lows[0]] {
		e = r.byPerson[personKey(m.lows)]
		if e != nil {
			e.sawInFull(m.pos)
		}
	} else {
		ps := r.personsNamed(strings.Join(m.lows, " "), m.gender)
		var apart bool
		e, apart = shortForm(ps, byGender(byHonorific(ps, m.title), m.gender), m.pos)
		if apart {
			e.sawInFull(m.pos)
		}
		if e == nil && len(ps) == 0 {
			e = r.byKey[text.Fold(m.name)]
		}
	}
	if e == nil {
		return
	}
	e.mentionedAt(m.pos)
	if n := len(e.mentionsAt); n == 0 || e.mentionsAt[n-1] < m.pos {
		e.mentionsAt = append(e.mentionsAt, m.pos)
		e.mentionEnd = append(e.mentionEnd, m.end)
	}
	if !m.object && m.pos > e.named {
		e.named = m.pos
	}
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
		if p := r.surnameLikeTitle(np, pos); p != nil {
			p.mentionedAt(pos)
			return p
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
	case npOneOf:
		e = r.oneOf(pos)
	}
	if e != nil && appos != "" {
		if e.desc == "" {
			e.desc = appos
		}
		words := strings.Fields(text.Fold(appos))
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
			return text.TrimPossessive(words[i-1])
		}
	}
	if len(words) == 0 {
		return ""
	}
	return text.TrimPossessive(words[len(words)-1])
}

// named resolves a name: a full name to its person, a lone surname to the
// most recently mentioned person bearing it, and a lone unknown name to a
// proper entity that may be a person or a body.
func (r *resolver) named(np nounPhrase, pos int) *entity {
	m := mention{pos: pos, title: np.title, name: np.name, lows: np.names, gender: np.gender}
	for _, w := range strings.Fields(text.Fold(np.title)) {
		if lexicon.IsRoleWord(w) {
			m.role = true
		}
	}
	surname := len(np.names) == 1 || len(np.names) > 1 && lexicon.NameParticles[np.names[0]] // "Kerry", "Ten Hag"
	if len(np.names) >= 2 && !surname {
		e := r.personFor(m)
		e.mentionedAt(pos)
		e.sawInFull(pos)
		return e
	}
	if len(np.names) == 0 {
		return nil
	}
	ps := r.personsNamed(strings.Join(np.names, " "), np.gender)
	if e, apart := shortForm(ps, byGender(byHonorific(ps, np.title), np.gender), pos); e != nil {
		if apart {
			e.sawInFull(pos)
		}
		e.mentionedAt(pos)
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
	if len(ps) > 0 {
		return nil // namesakes the text does not tell apart here
	}
	if m.role {
		e := r.personFor(m)
		e.mentionedAt(pos)
		return e
	}
	return r.keyed(np.name, entProper, np, pos)
}

// surnameLikeTitle returns the person a lone capitalised word stands for
// when the word is a title or a party as well as a surname the article has
// given someone ("King" of "Wayne King", "Green" of "David Green"), or
// nil.
func (r *resolver) surnameLikeTitle(np nounPhrase, pos int) *entity {
	if np.det != "" || np.title != "" || strings.ContainsAny(np.text, " -") || !text.StartsUpper(np.text) {
		return nil
	}
	return namesake(r.personsNamed(text.Fold(text.TrimPossessive(np.text)), np.gender), pos)
}

// personTitled returns the one person the text gives the title ("Finance
// Minister"), or nil when no one or several people have it.
func (r *resolver) personTitled(title string) *entity {
	return r.personTitledAs(title, false)
}

// personTitledAs is personTitled; with suffix, a title that ends with the
// given one counts too ("Finance Minister" for "Minister").
func (r *resolver) personTitledAs(title string, suffix bool) *entity {
	key := text.Fold(title)
	var found *entity
	check := func(p *entity) bool {
		for _, ft := range p.ftitles {
			if ft == key || suffix && len(ft) > len(key) && ft[len(ft)-len(key)-1] == ' ' && strings.HasSuffix(ft, key) {
				if found != nil && found != p {
					return false
				}
				found = p
			}
		}
		return true
	}
	candidates := r.byTitle[key]
	if suffix {
		candidates = r.persons // a title's end is no key of the map
	}
	for _, p := range candidates {
		if !check(p) {
			return nil
		}
	}
	return found
}

// keyed returns the entity with the canonical name, creating it.
func (r *resolver) keyed(name string, kind entityKind, np nounPhrase, pos int) *entity {
	key := text.Fold(name)
	if e := r.byKey[key]; e != nil {
		return e
	}
	e := r.add(&entity{kind: kind, name: name, key: key, plural: np.plural, head: np.head, introduced: pos})
	e.addWords(np.words)
	return e
}

// definite resolves "the analyst", "the top US diplomat": a named person
// introduced earlier whose titles or descriptions share the head noun; else
// an unnamed source with that head who spoke last; else, for an epithet
// ("the Scot"), the named person who spoke, or was a sentence's subject,
// last; else the one person the article gave a role of the same line. It
// never prefers an unnamed source that merely stands nearer, and otherwise
// makes the description an unnamed source of its own: "the director" is
// not the actor just written about.
func (r *resolver) definite(np nounPhrase, pos int) *entity {
	if lexicon.DocumentNouns[np.head] && !np.plural {
		// "the statement said": whoever just made one.
		last := r.speech.latestBefore(pos, spokePos, func(*entity) bool { return true })
		if last != nil && paraOf(pos)-paraOf(last.spoke) <= 1 {
			return last
		}
	}
	if lexicon.OrgWords[np.head] || !lexicon.IsRoleWord(np.head) && !hasRoleWord(np.words) && !lexicon.IsDemonym(np.head) {
		// "the operator" after "the national rail operator".
		if e := r.byKey[text.Fold("the "+np.text)]; e != nil {
			return e
		}
		if e := r.latestWithHead(np.head, entUnnamedBody, entBody); e != nil && np.head != "" {
			e.addAlias("the " + np.text)
			return e
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
	if best := r.describedAs(np, pos); best != nil {
		best.addAlias(alias)
		return best
	}
	last := r.speech.latestBefore(1<<62, spokePos, func(*entity) bool { return true })
	if last != nil && last.kind == entUnnamed && last.head == np.head {
		return last
	}
	// An epithet ("the Scot", "the 76-year-old", "the Portuguese
	// midfielder") is the named person who spoke or was the subject last,
	// in this paragraph or the one before. A role alone ("the director")
	// is no one the article has not described that way.
	if epithet(np) {
		if p := r.salience.latestBefore(pos, salientPos, func(e *entity) bool { return e.kind == entPerson }); p != nil && paraOf(pos)-paraOf(p.salient) <= 1 {
			p.addAlias(alias)
			p.addWords(np.words)
			return p
		}
	}
	if p := r.sameRoleLine(np.head, pos); p != nil {
		p.addAlias(alias)
		p.addWords(np.words)
		return p
	}
	if e := r.latestWithHead(np.head, entUnnamed); e != nil {
		return e
	}
	return r.keyed(alias, entUnnamed, np, pos)
}

// sameRoleLine returns the one named person who has spoken or been a
// sentence's subject before pos and whom the article gave a role of the
// same line as the folded role word head ("the top US diplomat" after "US
// Secretary of State John Kerry"), or nil when there is none or more than
// one.
func (r *resolver) sameRoleLine(head string, pos int) *entity {
	return r.salience.only(func(*entity) bool { return false }, func(e *entity) bool {
		return e.kind == entPerson && e.salient >= 0 && e.salient < pos && e.hasRoleLine(head)
	})
}

// hasRoleLine reports whether a title or a description of e is of the
// same line of work as the folded role word w.
func (e *entity) hasRoleLine(w string) bool {
	for _, t := range e.ftitles {
		if lexicon.SameRoleLine(w, t) {
			return true
		}
	}
	return e.desc != "" && lexicon.SameRoleLine(w, text.Fold(e.desc))
}

// epithet reports whether a definite description names a person by
// nationality or by age, as news does to avoid repeating a name: "the
// Scot", "the Portuguese midfielder", "the 76-year-old".
func epithet(np nounPhrase) bool {
	for _, w := range np.words {
		if lexicon.IsDemonym(w) || strings.HasSuffix(w, "-year-old") {
			return true
		}
	}
	return lexicon.IsDemonym(np.head)
}

// describedAs returns the person introduced before pos whose titles or
// descriptions hold the description's head noun and most of its words, the
// most recently mentioned when several tie.
func (r *resolver) describedAs(np nounPhrase, pos int) *entity {
	has := func(p *entity) bool { return p.hasWord(np.head) }
	candidates := r.namesakes(r.byWord[np.head], has)
	if s, ok := lexicon.Singular(np.head); ok {
		candidates = append(slices.Clip(candidates), r.namesakes(r.byWord[s], has)...)
	}
	var best *entity
	bestScore := 0
	for _, p := range r.persons4(candidates, func(p *entity) bool { return p.introduced < pos && has(p) }) {
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
	return best
}

// latestWithHead returns the entity of one of the kinds described by the
// head noun that was created last, or nil.
func (r *resolver) latestWithHead(head string, kinds ...entityKind) *entity {
	ents := r.byHead[head]
	for i := len(ents) - 1; i >= 0; i-- {
		if slices.Contains(kinds, ents[i].kind) {
			return ents[i]
		}
	}
	return nil
}

// groupWithHead returns the latest group of unnamed people described by
// the plural head noun, such as "US officials" for "officials".
func (r *resolver) groupWithHead(head string) *entity {
	return r.latestWithHead(head, entGroup)
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

// oneOf resolves "one" or "another" standing alone as a subject ("One,
// who asked not to be named, said"): an unnamed member of the group of
// people the text wrote about last, in this paragraph or the one before,
// or nil when there is none.
func (r *resolver) oneOf(pos int) *entity {
	g := r.salience.latestBefore(pos, salientPos, func(e *entity) bool {
		return e.kind == entGroup && lexicon.IsRoleWord(e.head)
	})
	if g == nil || paraOf(pos)-paraOf(g.salient) > 1 {
		return nil
	}
	head, _ := lexicon.Singular(g.head)
	name := "one of the " + strings.ToLower(g.name[:1]) + g.name[1:]
	if e := r.byKey[text.Fold(name)]; e != nil {
		return e
	}
	return r.add(&entity{kind: entUnnamed, name: name, key: text.Fold(name), head: head, introduced: pos})
}

// bare resolves a description without an article: "US officials",
// "officials" (the latest group of officials), "Pentagon spokesman".
func (r *resolver) bare(np nounPhrase, pos int) *entity {
	if np.plural {
		if e := r.byKey[text.Fold(np.text)]; e != nil {
			return e
		}
		if text.Fold(np.text) == np.head {
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
	switch w {
	case "he", "she":
		g := byte('m')
		if w == "she" {
			g = 'f'
		}
		return r.personalPronoun(g, pos)
	case "they", "it":
		e := r.salience.latestBefore(pos, salientPos, func(e *entity) bool {
			switch e.kind {
			case entBody, entUnnamedBody, entProper:
				return true
			case entGroup:
				return w == "they"
			}
			return false
		})
		if w == "it" && e != nil && r.thingAt > e.salient && r.thingAt < pos {
			return nil // "The plane disappeared. It had asked to climb": the plane
		}
		return e
	}
	return nil
}

// namedBetween returns the one person the text names between from and pos
// whom the pronoun w ("he", "she") can mean, or nil when there is none or
// more than one.
func (r *resolver) namedBetween(from, pos int, w string) *entity {
	g := byte('m')
	switch w {
	case "she":
		g = 'f'
	case "he":
	default:
		return nil
	}
	found := r.mention.only(func(e *entity) bool { return e.mentioned < from }, func(e *entity) bool {
		n := len(e.mentionsAt)
		return e.kind == entPerson && n > 0 && e.mentionsAt[n-1] >= from && e.mentionsAt[n-1] < pos && (e.gender == 0 || e.gender == g)
	})
	if found != nil && found.gender == 0 {
		found.gender = g
	}
	return found
}

// pronounParas is how many paragraphs back he or she reaches for a person
// who spoke or was a sentence's subject: a reader no longer connects a
// pronoun to someone last written about further back.
const pronounParas = 3

// personalPronoun resolves he (gender 'm') or she ('f') at pos.
func (r *resolver) personalPronoun(g byte, pos int) *entity {
	var best, nearestPerson *entity
	unknown := 0 // salient persons of unknown gender
	// Every person within reach counts, to know whether best is the only
	// one of unknown gender.
	r.salience.latest(func(e *entity) bool {
		if e.salient < 0 || e.salient >= pos || paraOf(pos)-paraOf(e.salient) > pronounParas {
			return true
		}
		switch e.kind {
		case entPerson:
		case entUnnamed:
			if paraOf(pos)-paraOf(e.spoke) > 1 || e.spoke < 0 {
				return true
			}
		default:
			return true
		}
		if nearestPerson == nil || e.salient > nearestPerson.salient {
			nearestPerson = e
		}
		if e.gender != 0 && e.gender != g {
			return true
		}
		if e.gender == 0 {
			unknown++
		}
		if best == nil || e.salient > best.salient {
			best = e
		}
		return true
	})
	if best == nil {
		// No one the text has made a subject lately: the person it named
		// last, in this paragraph or the one before, other than after a
		// preposition ("… that Wayne King did not learn of it. He said …",
		// but not "a film by Dev Patel").
		r.mention.latest(func(e *entity) bool {
			if e.mentioned >= 0 && paraOf(pos)-paraOf(e.mentioned) > 1 {
				return false // the log is in the order of mentions: all the rest are older
			}
			at := e.named
			if e.kind == entPerson && (e.gender == 0 || e.gender == g) && at >= 0 && at < pos &&
				paraOf(pos)-paraOf(at) <= 1 && (best == nil || at > best.named) {
				best = e
			}
			return true
		})
	}
	if best == nil {
		best = r.salience.latestBefore(pos, salientPos, func(e *entity) bool {
			return e.kind == entProper && paraOf(pos)-paraOf(e.salient) <= 1
		})
		if best != nil {
			best.kind = entPerson
			best.lows = strings.Fields(best.key)
			best.surnames = surnameKeys(best.lows)
			r.addPerson(best)
		}
	}
	if best != nil && best.gender == 0 && (nearestPerson == nil || nearestPerson == best || unknown == 1) {
		// The nearest person, or the only one the pronoun can mean.
		best.gender = g
	}
	return best
}

// lookup returns the entity a sentence's subject refers to. It creates no
// person, only the bodies that a later "it" or "they" may refer to ("The
// rail workers' union blamed …").
func (r *resolver) lookup(np nounPhrase, pos int) *entity {
	switch np.kind {
	case npPronoun:
		return r.pronoun(np.text, pos)
	case npName:
		if len(np.names) >= 2 && !lexicon.NameParticles[np.names[0]] {
			e := r.byPerson[personKey(np.names)]
			if e != nil && e.gender == 0 {
				e.gender = np.gender
			}
			if e != nil && np.title != "" {
				e.addTitle(np.title, np.name)
			}
			return e
		}
		if len(np.names) > 0 {
			if ps := r.personsNamed(strings.Join(np.names, " "), np.gender); len(ps) > 0 {
				e, _ := shortForm(ps, byGender(byHonorific(ps, np.title), np.gender), pos)
				return e
			}
			return r.byKey[text.Fold(np.name)]
		}
	case npBody:
		if p := r.surnameLikeTitle(np, pos); p != nil {
			return p
		}
		return r.keyed(np.text, entBody, np, pos)
	case npDefinite:
		return r.definite(np, pos)
	case npBare:
		if np.plural && lexicon.IsRoleWord(np.head) {
			return r.bare(np, pos) // "Officers from three forces closed roads. They …"
		}
	}
	return nil
}
