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

// lookupKeys computes the keys of a speaker once, at parse time.
func lookupKeys(sp *Speaker) []speakerKey {
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
			if len(w) < 3 && !(tier == keyNamePart && sp.Named) || lexicon.NameStopWords[w] {
				continue
			}
			add(w, tier)
			if p, rest, ok := strings.Cut(w, "-"); ok && lexicon.NameParticles[p] {
				add(rest, tier)
			}
		}
	}
	add(normalizeName(sp.Name), keyName)
	for _, a := range sp.Aliases {
		add(normalizeName(a), keyWhole)
	}
	addWords(sp.Name, keyNamePart)
	for _, a := range sp.Aliases {
		addWords(a, keyWord)
	}
	addWords(sp.Description, keyWord)
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

// Speaker finds a speaker by name, alias or part of a name, ignoring case
// and diacritics and forgiving a small typo ("kery" finds John Kerry). A
// name that matches nobody gives an *[InputError] listing the speakers, with
// a suggestion when one is close; a name that matches several speakers
// equally well (a surname two people share) gives an *[InputError] listing
// them in Ambiguous.
func (a *Article) Speaker(name string) (*Speaker, error) {
	q := normalizeName(name)
	if q == "" {
		return nil, a.speakerError(name, "Say whose words you want: type the name of someone the article quotes.", nil, "")
	}
	if sp, amb := a.bestByTier(func(k speakerKey) bool { return k.key == q }); sp != nil || amb != nil {
		return sp, a.ambiguity(name, amb)
	}
	// "mr kerry", "secretary kerry": drop the title words.
	if words := strings.Fields(q); len(words) > 1 {
		var rest []string
		for _, w := range words {
			if !lexicon.Honorifics[w] && !lexicon.RoleWords[w] {
				rest = append(rest, w)
			}
		}
		if len(rest) > 0 && len(rest) < len(words) {
			r := strings.Join(rest, " ")
			if sp, amb := a.bestByTier(func(k speakerKey) bool { return k.key == r && k.tier >= keyNamePart }); sp != nil || amb != nil {
				return sp, a.ambiguity(name, amb)
			}
		}
		// Every word of the query is a word of one speaker's names.
		var found []*Speaker
		for _, sp := range a.speakers {
			all := true
			for _, w := range words {
				if lexicon.NameStopWords[w] {
					continue
				}
				has := false
				for _, k := range sp.keys {
					if k.key == w {
						has = true
						break
					}
				}
				all = all && has
			}
			if all {
				found = append(found, sp)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
	}
	if len(q) >= 3 {
		if sp, amb := a.bestByTier(func(k speakerKey) bool { return k.tier >= keyNamePart && strings.HasPrefix(k.key, q) }); sp != nil || amb != nil {
			return sp, a.ambiguity(name, amb)
		}
	}
	// A small typo: the closest key within a distance that grows with the
	// query's length.
	allowed := typoAllowance(len(q))
	best, bestD := []*Speaker(nil), 1<<30
	var closest *Speaker
	closestD := 1 << 30
	for _, sp := range a.speakers {
		d := 1 << 30
		for _, k := range sp.keys {
			if k.tier < keyNamePart {
				continue
			}
			diff := len(k.key) - len(q)
			if diff < 0 {
				diff = -diff
			}
			if diff > max(allowed, len(q)/2) || diff >= d {
				continue
			}
			d = min(d, text.EditDistance(q, k.key))
		}
		if d < closestD {
			closest, closestD = sp, d
		}
		if d > allowed {
			continue
		}
		switch {
		case d < bestD:
			best, bestD = []*Speaker{sp}, d
		case d == bestD:
			best = append(best, sp)
		}
	}
	switch {
	case len(best) == 1:
		return best[0], nil
	case len(best) > 1:
		return nil, a.ambiguity(name, best)
	}
	suggestion := ""
	if closest != nil && closestD <= max(2, len(q)/2) {
		suggestion = closest.Name
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

// bestByTier returns the one speaker with the best key that match accepts,
// or the speakers that tie for it.
func (a *Article) bestByTier(match func(speakerKey) bool) (*Speaker, []*Speaker) {
	var best []*Speaker
	var bestTier uint8
	for _, sp := range a.speakers {
		var tier uint8
		for _, k := range sp.keys {
			if k.tier > tier && match(k) {
				tier = k.tier
			}
		}
		switch {
		case tier == 0:
		case tier > bestTier:
			best, bestTier = []*Speaker{sp}, tier
		case tier == bestTier:
			best = append(best, sp)
		}
	}
	switch len(best) {
	case 0:
		return nil, nil
	case 1:
		return best[0], nil
	}
	return nil, best
}

// ambiguity returns the error for a query that several speakers match, or
// nil when they are fewer than two.
func (a *Article) ambiguity(query string, sps []*Speaker) error {
	if len(sps) < 2 {
		return nil
	}
	names := make([]string, len(sps))
	for i, sp := range sps {
		names[i] = sp.Name
	}
	return a.speakerError(query, "Type more of the name: "+quoted(query)+" names more than one person the article quotes.", names, "")
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
