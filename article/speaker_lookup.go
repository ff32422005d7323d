package article

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// speakerKey is a folded form under which a speaker can be found.
type speakerKey struct {
	key  string
	tier uint8 // keyWhole, keyNamePart or keyWord
}

// How well a key names its speaker; a query matching a better key wins.
const (
	keyWord     uint8 = 1 + iota // a word of an alias or description ("secretary")
	keyNamePart                  // a word of the name ("kerry", "pentagon")
	keyWhole                     // a whole alias ("kerry", "the analyst")
	keyName                      // the canonical name ("john kerry")
)

// lookupKeys computes the keys of a speaker or a person once, at parse
// time: the name and each alias whole, then their words and those of the
// description.
func lookupKeys(name string, aliases []string, description string, named bool) []speakerKey {
	var keys []speakerKey
	add := func(k string, tier uint8) {
		if k == "" {
			return
		}
		for i := range keys {
			if keys[i].key == k {
				keys[i].tier = max(keys[i].tier, tier)
				return
			}
		}
		keys = append(keys, speakerKey{k, tier})
	}
	addWords := func(s string, tier uint8) {
		for _, w := range strings.Fields(normalizeName(s)) {
			if len(w) < 3 && !(tier == keyNamePart && named) || lexicon.NameStopWords[w] {
				continue
			}
			add(w, tier)
			if p, rest, ok := strings.Cut(w, "-"); ok && lexicon.NameParticles[p] {
				add(rest, tier)
			}
		}
	}
	add(normalizeName(name), keyName)
	for _, a := range aliases {
		add(normalizeName(a), keyWhole)
	}
	addWords(name, keyNamePart)
	for _, a := range aliases {
		addWords(a, keyWord)
	}
	addWords(description, keyWord)
	return keys
}

// normalizeName folds a name or a query for lookup: lower case, no
// diacritics, straight apostrophes, single spaces, no punctuation, no
// leading article and no possessive ending.
func normalizeName(s string) string {
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ',', ';', ':', '"', '“', '”', '(', ')', '!', '?', ' ', '\t', '\n', '\r':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	for _, art := range []string{"the ", "a ", "an "} {
		if rest, ok := strings.CutPrefix(out, art); ok && rest != "" {
			out = rest
			break
		}
	}
	return text.TrimPossessive(out)
}

// Speaker finds a speaker by any form of the name: the full name, the
// surname, the first name, a title with the surname ("Mr Kerry"), an alias
// or a description ("the analyst"), or a query with more words than the
// article uses ("Angela Merkel" finds a speaker the article calls only
// "Merkel"), ignoring case and diacritics and forgiving a small typo
// ("kery" finds John Kerry). A name that matches nobody gives an
// *[InputError] listing the speakers, with a suggestion when one is close;
// a name that matches several speakers equally well (a surname two people
// share) gives an *[InputError] listing them in Ambiguous. [Article.Person]
// finds people the article names without quoting them.
func (a *Article) Speaker(name string) (*Speaker, error) {
	if normalizeName(name) == "" {
		return nil, a.speakerError(name, "Say whose words you want: type the name of someone the article quotes.", nil, "")
	}
	entries := a.names().speakers
	i, amb, closest := lookupName(name, len(entries), func(i int) *nameEntry { return &entries[i] })
	switch {
	case i >= 0:
		return a.speakers[i], nil
	case len(amb) > 1:
		names := make([]string, len(amb))
		for k, j := range amb {
			names[k] = a.speakers[j].Name
		}
		return nil, a.speakerError(name, "Type more of the name: "+quoted(name)+" names more than one person the article quotes.", names, "")
	}
	suggestion := ""
	if closest >= 0 {
		suggestion = a.speakers[closest].Name
	}
	reason := "The article quotes nobody called " + quoted(name) + "."
	if len(a.speakers) == 0 {
		reason = "The article quotes nobody called " + quoted(name) + ": it quotes nobody at all."
	}
	return nil, a.speakerError(name, reason, nil, suggestion)
}

// typoAllowance is the edit distance forgiven in a query of n bytes.
func typoAllowance(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	}
	return 3
}

// speakerError returns the error for a name that names no one speaker,
// with the speakers the article quotes.
func (a *Article) speakerError(query, reason string, ambiguous []string, suggestion string) *InputError {
	known := make([]string, len(a.speakers))
	for i, sp := range a.speakers {
		known[i] = sp.Name
	}
	return &InputError{Input: query, Reason: reason, Ambiguous: ambiguous, Suggestion: suggestion, Speakers: known}
}
