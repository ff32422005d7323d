package article

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/quote"
	"github.com/articlebot/articlebot/article/internal/text"
)

// Person is someone, or some body, the article names or quotes: one member
// of its cast. A person the article quotes has a Speaker; a person it only
// mentions has none, and Mentions says where it names them.
type Person struct {
	// Name is the fullest form of the name the text gives ("John Kerry"),
	// or for an unnamed source its description ("US military official").
	Name string
	// Aliases are the other ways the text refers to the person, the Name
	// first, as for a Speaker.
	Aliases []string
	// Description is how the text describes the person beside the name
	// ("US Secretary of State"); it may be empty.
	Description string
	// Named reports whether the text names the person or body.
	Named bool
	// Mentions holds where the text names the person outside quotations,
	// in document order. An unnamed source has none.
	Mentions []Mention
	// Speaker holds what the person said, or is nil when the article
	// quotes nothing of theirs.
	Speaker *Speaker

	human bool // the text names a person, not a body or a name that may be either
}

// Mention is a place where the text names a person.
type Mention struct {
	// Paragraph is the number of the paragraph.
	Paragraph int
	// Span locates the name in the paragraph's text, with any title
	// before it ("Mayor Jo Park").
	Span Span
}

// Paragraphs returns the numbers of the paragraphs that name the person,
// each once, in order.
func (p *Person) Paragraphs() []int {
	var out []int
	for _, m := range p.Mentions {
		if len(out) == 0 || out[len(out)-1] != m.Paragraph {
			out = append(out, m.Paragraph)
		}
	}
	return out
}

// Cast returns everyone, and every body, the article names or quotes, in
// the order the text first names them; unnamed sources that say something
// come last.
func (a *Article) Cast() []*Person { return a.cast }

// Person finds a member of the cast by any form of the name, as [Article.Speaker]
// finds a speaker, among everyone the article names as well as those it
// quotes. It is the lookup for "what did X say?": the Person's Speaker
// holds what X said, and when it is nil, the Person's Mentions say where
// the article names X without quoting them. A name that matches no one, or
// several people equally well, gives an *[InputError].
func (a *Article) Person(name string) (*Person, error) {
	cast := a.names().cast
	i, amb, suggestion := lookupName(name, len(cast), func(i int) *nameEntry { return &cast[i] })
	names := func(ix []int) []string {
		out := make([]string, len(ix))
		for k, j := range ix {
			out[k] = a.cast[j].Name
		}
		return out
	}
	switch {
	case i >= 0:
		return a.cast[i], nil
	case len(amb) > 1:
		return nil, &InputError{Input: name, Reason: "Type more of the name: " + quoted(name) + " names more than one person in the article.", Ambiguous: names(amb)}
	case normalizeName(name) == "":
		return nil, &InputError{Input: name, Reason: "Say whom you mean: type the name of someone the article names."}
	}
	e := &InputError{Input: name, Reason: "The article names nobody called " + quoted(name) + "."}
	if suggestion >= 0 {
		e.Suggestion = a.cast[suggestion].Name
	}
	return nil, e
}

// buildCast makes the article's cast from what attribution found, linking
// each member the article quotes to their speaker.
func (a *Article) buildCast(members []quote.Member) {
	a.cast = make([]*Person, len(members))
	for i, m := range members {
		p := &Person{Name: m.Name, Aliases: m.Aliases, Description: m.Description, Named: m.Named, human: m.Person}
		for _, mn := range m.Mentions {
			p.Mentions = append(p.Mentions, Mention{Paragraph: mn.At.Para() + 1, Span: Span{Start: mn.At.Offset(), End: mn.End}})
		}
		if m.Speaker >= 0 {
			p.Speaker = a.speakers[m.Speaker]
		}
		a.cast[i] = p
	}
}

// nameIndex holds what lookup by name reads of the speakers and of the
// cast, in their order. It is built on the first lookup, which most
// articles loaded never need.
type nameIndex struct {
	once           sync.Once
	speakers, cast []nameEntry
}

// names returns the article's name index, building it once.
func (a *Article) names() *nameIndex {
	a.lookup.once.Do(func() {
		a.lookup.speakers = make([]nameEntry, len(a.speakers))
		for i, sp := range a.speakers {
			a.lookup.speakers[i] = newNameEntry(sp.keys, sp.Name, sp.Aliases, sp.Description, sp.Named)
		}
		a.lookup.cast = make([]nameEntry, len(a.cast))
		for i, p := range a.cast {
			keys := lookupKeys(p.Name, p.Aliases, p.Description, p.Named)
			a.lookup.cast[i] = newNameEntry(keys, p.Name, p.Aliases, p.Description, p.Named)
		}
	})
	return &a.lookup
}

// peopleNamed returns, for each paragraph, the byte offsets in ascending
// order where the text names a person of the cast, by any form of the name.
// A name after a word that counts ("some Republicans") names a group, not
// the person.
func (a *Article) peopleNamed() [][]int {
	out := make([][]int, len(a.Paragraphs))
	for _, p := range a.cast {
		if !p.human {
			continue
		}
		for _, m := range p.Mentions {
			para := a.Paragraphs[m.Paragraph-1].Text
			if lexicon.Quantifiers[text.Fold(lastWord(para[:m.Span.Start]))] {
				continue
			}
			out[m.Paragraph-1] = append(out[m.Paragraph-1], m.Span.Start)
		}
	}
	for _, offsets := range out {
		slices.Sort(offsets)
	}
	return out
}

// lastWord returns the last word of s, without the spaces after it.
func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return s[strings.LastIndexFunc(s, unicode.IsSpace)+1:]
}
