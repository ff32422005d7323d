package quote

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
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

	introduced int   // position of the first mention
	mentioned  int   // position of the latest mention, or -1
	salient    int   // position of the latest attribution or sentence-subject mention, or -1
	spoke      int   // position of the latest attribution, or -1
	distinct   int   // position of the latest mention that tells a person apart from namesakes, or -1
	named      int   // position of the latest mention by name other than after a preposition, or -1
	sp         int   // 1 + the index of its speaker once it has quotes, else 0
	mentionsAt []int // where the text names it outside quotations, in document order
	mentionEnd []int // where each of those names ends in its paragraph

	r        *resolver // the resolver that keeps it
	order    int       // its index in the resolver's persons, for a person
	salience int       // its index in the resolver's salience log, or -1
	speech   int       // its index in the resolver's speech log, or -1
	mentions int       // its index in the resolver's mention log, or -1
}

// position packs a paragraph index and a byte offset into one ordered int.
func position[T int | int32](para int, offset T) int { return para<<21 | int(offset) }

func paraOf(pos int) int { return pos >> 21 }

// resolver keeps the entities of an article and resolves references to
// them in document order. Its maps find entities by what a reference gives
// (a name, a title, a word of a description), so that resolving one costs
// the same however many people the article names.
type resolver struct {
	ents     []*entity
	byKey    map[string]*entity   // unnamed sources and bodies by folded name
	byPerson map[personID]*entity // persons by given name and surname
	persons  []*entity

	bySurname map[string][]*entity // persons by surname key
	byGiven   map[string][]*entity // persons by given name
	byMiddle  map[string][]*entity // persons by a middle name they have had
	byTitle   map[string][]*entity // persons by folded title
	byWord    map[string][]*entity // entities by a word of their titles and descriptions
	byHead    map[string][]*entity // entities by the head noun of their description, in order of creation

	thingAt  int     // where a sentence last had a thing that cannot speak for its subject ("The plane"), or -1
	salience recency // entities by when they were last salient
	speech   recency // entities by when they last spoke
	mention  recency // entities by when they were last mentioned
}

func newResolver() *resolver {
	r := &resolver{
		byKey: make(map[string]*entity), byPerson: make(map[personID]*entity),
		bySurname: make(map[string][]*entity), byGiven: make(map[string][]*entity),
		byMiddle: make(map[string][]*entity), byTitle: make(map[string][]*entity),
		byWord: make(map[string][]*entity), byHead: make(map[string][]*entity),
	}
	r.thingAt = -1
	r.salience.slot = func(e *entity) *int { return &e.salience }
	r.speech.slot = func(e *entity) *int { return &e.speech }
	r.mention.slot = func(e *entity) *int { return &e.mentions }
	return r
}

func (r *resolver) add(e *entity) *entity {
	e.mentioned, e.salient, e.spoke, e.distinct, e.named = -1, -1, -1, -1, -1
	e.r, e.salience, e.speech, e.mentions = r, -1, -1, -1
	r.ents = append(r.ents, e)
	if e.key != "" {
		r.byKey[e.key] = e
	}
	if e.head != "" {
		r.byHead[e.head] = append(r.byHead[e.head], e)
	}
	if e.kind == entPerson {
		r.addPerson(e)
	}
	return e
}

// addPerson records e as a person, findable by the parts of its name.
func (r *resolver) addPerson(e *entity) {
	e.order = len(r.persons)
	r.persons = append(r.persons, e)
	for _, s := range e.surnames {
		r.bySurname[s] = append(r.bySurname[s], e)
	}
	if len(e.lows) > 1 {
		r.byGiven[e.lows[0]] = append(r.byGiven[e.lows[0]], e)
	}
	r.indexMiddleNames(e)
}

// indexMiddleNames makes e findable by the middle names it has now.
func (r *resolver) indexMiddleNames(e *entity) {
	for k := 1; k+1 < len(e.lows); k++ {
		if w := e.lows[k]; !slices.Contains(r.byMiddle[w], e) {
			r.byMiddle[w] = append(r.byMiddle[w], e)
		}
	}
}

// becameSalient notes that e's salience grew to pos.
func (e *entity) becameSalient(pos int) {
	if pos > e.salient {
		e.salient = pos
		e.r.salience.touch(e)
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
		if p := r.fullerName(m.lows); p != nil {
			// "Tama Rewi" of "Tama Rewi Parata": the same person by the
			// first of their names.
			r.byPerson[key] = p
			p.addAlias(m.name)
			return p
		}
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
		r.indexMiddleNames(e)
		e.aliases = slices.DeleteFunc(e.aliases, func(a string) bool { return a == m.name })
		e.folded = []string{text.Fold(e.name)}
		for _, a := range e.aliases {
			e.folded = append(e.folded, text.Fold(a))
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
	e.describe(m.appos)
	return e
}

// fullerName returns the one person whose name, given in full elsewhere,
// begins with the two or more words lows and is longer ("Tama Rewi Parata"
// for "Tama Rewi"), or nil when there is none or more than one.
func (r *resolver) fullerName(lows []string) *entity {
	if len(lows) < 2 {
		return nil
	}
	var found *entity
	for _, p := range r.byGiven[lows[0]] {
		if len(p.lows) > len(lows) && slices.Equal(p.lows[:len(lows)], lows) {
			if found != nil && found != p {
				return nil
			}
			found = p
		}
	}
	return found
}

// describe records a description the text gives a person beside the
// name: the first becomes the person's description, and every one lends
// its words and the gender of its head ("his wife, Jane Doe").
func (e *entity) describe(desc string) {
	if desc == "" {
		return
	}
	if e.desc == "" {
		e.desc = desc
	}
	words := strings.Fields(text.Fold(desc))
	e.addWords(words)
	if g := lexicon.Gender[descriptionHead(words)]; e.gender == 0 && e.kind == entPerson && g != 0 {
		e.gender = g
	}
}

// addTitle records a title seen before the person's name: a description
// the first time, an alias always ("US Secretary of State"), or for an
// honorific alone the honorific with the name ("Mr Kerry").
func (e *entity) addTitle(title, name string) {
	if slices.Contains(e.titles, title) {
		return
	}
	e.titles = append(e.titles, title)
	ft := text.Fold(title)
	e.ftitles = append(e.ftitles, ft)
	if e.kind == entPerson && !slices.Contains(e.r.byTitle[ft], e) {
		e.r.byTitle[ft] = append(e.r.byTitle[ft], e)
	}
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
	if cut := clauseBefore(lows); cut > 0 {
		// "The same jury found his deputy, Owen Baird,": the title is
		// the verb's object.
		title = strings.Join(strings.Fields(title)[cut:], " ")
		lows = lows[cut:]
	}
	if !hasRoleWord(lows) || len(lows) > 0 && lexicon.IsPluralNoun(lows[len(lows)-1]) && lexicon.IsRoleWord(lows[len(lows)-1]) && !lexicon.RoleWords[lows[len(lows)-1]] {
		return // no role, or a plural one: "Union leaders Gordon Reid and …"
	}
	if e.desc == "" || strings.HasSuffix(text.Fold(title), " "+text.Fold(e.desc)) {
		e.desc = stripArticle(title) // the fullest form: "White House press secretary"
	}
	e.addAlias(title)
	e.addWords(lows)
}

// clauseBefore returns where the object of a verb starts in the folded
// words of a title, when a verb in the past and a determiner or a
// possessive stand in it ("same jury found his deputy" gives 3), or 0.
func clauseBefore(lows []string) int {
	cut := 0
	for i := 0; i+1 < len(lows); i++ {
		w := lows[i]
		forms := lexicon.VerbForms(w)
		past := len(forms) > 1 && w == forms[1] || len(w) > 3 && strings.HasSuffix(w, "ed")
		if past && (lexicon.Determiners[lows[i+1]] || lexicon.Possessives[lows[i+1]]) {
			cut = i + 1
		}
	}
	return cut
}

func (e *entity) addAlias(alias string) {
	alias = strings.TrimSpace(alias)
	if alias == "" {
		return
	}
	if len(e.folded) == 0 {
		e.folded = append(e.folded, text.Fold(e.name))
	}
	f := text.Fold(alias)
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
			e.r.byWord[w] = append(e.r.byWord[w], e)
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

// spokeAt records that e is credited with words at pos.
func (e *entity) spokeAt(pos int) {
	if pos > e.spoke {
		e.spoke = pos
		e.r.speech.touch(e)
	}
	e.becameSalient(pos)
	if pos > e.mentioned {
		e.mentionedAt(pos)
	}
}

// mentionedAt notes that the text mentions e at pos.
func (e *entity) mentionedAt(pos int) {
	e.mentioned = pos
	e.r.mention.touch(e)
}
