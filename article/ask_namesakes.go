package article

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/qa"
)

// namesSomeoneElse reports whether the words of the question that name
// the speaker sp (covered) stand inside a fuller name that is not sp's: a
// name word right before or after them that none of sp's names, aliases or
// description holds, as "Dan" in "what did Dan Kovacs say?" when the
// speaker is Marta Kovacs. A title or a role word beside the name ("Dr
// Kovacs", "baker Kovacs") extends nothing.
func (a *Article) namesSomeoneElse(q *question, sp *Speaker, covered []bool) bool {
	for i := range covered {
		if !covered[i] {
			continue
		}
		if i > 0 && !covered[i-1] && q.Words[i].Adjacent && a.extendsName(q, sp, i-1) {
			return true
		}
		if i+1 < len(covered) && !covered[i+1] && q.Words[i+1].Adjacent && a.extendsName(q, sp, i+1) {
			return true
		}
	}
	return false
}

// extendsName reports whether the question's i-th word reads as a word of
// a person's name that is not one of the speaker sp's words: written with
// a capital, or a word of the name of someone the article names.
func (a *Article) extendsName(q *question, sp *Speaker, i int) bool {
	w := q.Words[i]
	if q.termAt[i] < 0 || w.SpeechVerb || w.Verb || w.Light || w.Role == qa.Speech {
		return false
	}
	f := normalizeName(w.Fold)
	if f == "" || lexicon.IsRoleWord(f) || lexicon.Honorifics[f] || lexicon.IsDemonym(f) {
		return false
	}
	if holdsNameWords(sp.keys, f) {
		return false
	}
	return w.Name || a.castNameWord(f)
}

// castNameWord reports whether the folded word f is a word of the name of
// a person the article names.
func (a *Article) castNameWord(f string) bool {
	for _, p := range a.cast {
		if p.Named && slices.Contains(strings.Fields(normalizeName(p.Name)), f) {
			return true
		}
	}
	return false
}

// holdsNameWords reports whether every word of name, but for titles and
// role words, is a word of one of keys: "Ms Kovacs" and "Dan Kovacs" fit
// Dan Kovacs, "Lena Kovacs" does not.
func holdsNameWords(keys []speakerKey, name string) bool {
	for _, w := range strings.Fields(normalizeName(name)) {
		if lexicon.IsRoleWord(w) || lexicon.Honorifics[w] || lexicon.NameStopWords[w] {
			continue
		}
		if !slices.ContainsFunc(keys, func(k speakerKey) bool { return slices.Contains(strings.Fields(k.key), w) }) {
			return false
		}
	}
	return true
}
