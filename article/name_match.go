package article

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// nameEntry is what lookup by name knows of a speaker or a person: the
// whole names and words of [lookupKeys], and the content words of the name,
// of the aliases and of the description, by which a query of several words
// is matched.
type nameEntry struct {
	keys              []speakerKey
	core, alias, desc []string
	named             bool
}

func newNameEntry(keys []speakerKey, name string, aliases []string, description string, named bool) nameEntry {
	e := nameEntry{keys: keys, named: named}
	e.core = contentWords(name)
	for _, a := range aliases {
		e.alias = append(e.alias, contentWords(a)...)
	}
	e.desc = contentWords(description)
	return e
}

// lookupStopWords are left out of the words a query and a name are
// matched by: "someone at the meeting" and "someone at a meeting" are one.
var lookupStopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "from": true, "by": true, "with": true, "who": true, "whom": true, "whose": true,
	"which": true, "that": true, "and": true, "or": true, "during": true, "into": true, "is": true,
	"was": true, "were": true, "be": true, "been": true, "not": true, "has": true, "had": true,
}

// contentWords returns the folded words of a name or a query that lookup
// matches, without punctuation, possessive endings or lookupStopWords.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(normalizeName(s)) {
		w = text.TrimPossessive(strings.Trim(w, ".-'’"))
		if w != "" && !lookupStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// queryWord is a content word of a query, and whether it is part of the
// name the query opens with rather than of what follows "of", "at", "from"
// or "for": in "Karl Brenner of the Free Democrats", Karl Brenner is who is
// meant.
type queryWord struct {
	w    string
	head bool
}

// queryWords returns the content words of a query, marking those before
// its first "of", "at", "from" or "for" (after its first word) as its head.
func queryWords(query string) []queryWord {
	var out []queryWord
	head := true
	for i, w := range strings.Fields(normalizeName(query)) {
		if i > 0 && (w == "of" || w == "at" || w == "from" || w == "for") {
			head = false
		}
		for _, c := range contentWords(w) {
			out = append(out, queryWord{c, head})
		}
	}
	return out
}

// lookupName finds the entry that a query names among n entries: the index
// of the one it names best, or -1 with the entries it names equally well
// when there are several. It tries, in order: a whole name or alias; the
// same without the query's titles ("Mr Kerry"); the words of the query
// against those of each entry (wordScore); a prefix of a name's word; and
// a name within a small typo. closest is the entry nearest the query when
// none matches, or -1.
func lookupName(query string, n int, entry func(int) *nameEntry) (found int, ambiguous []int, closest int) {
	q := normalizeName(query)
	if q == "" {
		return -1, nil, -1
	}
	one := func(ix []int) (int, []int, int, bool) {
		switch len(ix) {
		case 0:
			return -1, nil, -1, false
		case 1:
			return ix[0], nil, -1, true
		}
		return -1, ix, -1, true
	}
	if f, amb, c, ok := one(bestByTier(n, entry, func(k speakerKey) bool { return k.key == q })); ok {
		return f, amb, c
	}
	// "mr kerry", "secretary kerry": drop the title words.
	words := strings.Fields(q)
	if len(words) > 1 {
		var rest []string
		for _, w := range words {
			if !lexicon.Honorifics[w] && !lexicon.RoleWords[w] {
				rest = append(rest, w)
			}
		}
		if len(rest) > 0 && len(rest) < len(words) {
			r := strings.Join(rest, " ")
			if f, amb, c, ok := one(bestByTier(n, entry, func(k speakerKey) bool { return k.key == r && k.tier >= keyNamePart })); ok {
				return f, amb, c
			}
		}
	}
	if f, amb, c, ok := one(bestByWords(n, entry, queryWords(query))); ok {
		return f, amb, c
	}
	if len(q) >= 3 {
		if f, amb, c, ok := one(bestByTier(n, entry, func(k speakerKey) bool { return k.tier >= keyNamePart && strings.HasPrefix(k.key, q) })); ok {
			return f, amb, c
		}
	}
	return nearest(q, n, entry)
}

// bestByTier returns the entries with the best key that match accepts.
func bestByTier(n int, entry func(int) *nameEntry, match func(speakerKey) bool) []int {
	var best []int
	var bestTier uint8
	for i := range n {
		var tier uint8
		for _, k := range entry(i).keys {
			if k.tier > tier && match(k) {
				tier = k.tier
			}
		}
		switch {
		case tier == 0:
		case tier > bestTier:
			best, bestTier = []int{i}, tier
		case tier == bestTier:
			best = append(best, i)
		}
	}
	return best
}

// bestByWords returns the entries that the query's words q name best by
// wordScore.
func bestByWords(n int, entry func(int) *nameEntry, q []queryWord) []int {
	if len(q) == 0 {
		return nil
	}
	var best []int
	bestScore := 0
	for i := range n {
		s := wordScore(entry(i), q)
		switch {
		case s == 0 || s < bestScore:
		case s > bestScore:
			best, bestScore = []int{i}, s
		default:
			best = append(best, i)
		}
	}
	return best
}

// wordScore scores how well the query's words q name an entry, or 0 when
// they do not. They name it when every word of the query is a word of its
// name, aliases or description ("vice-chancellor who asked not to be named"
// for one the article describes so), or when the query holds every word
// of its name ("Angela Merkel" for "Merkel", "one person during public
// comment" for "one person"); a one-word name of an unnamed source is too
// common to count that way. Each word of the query that matches scores
// most in the name, less in an alias and least in the description, and a
// little less when only its singular matches ("official" and "officials");
// the words of the query's head count double.
func wordScore(e *nameEntry, q []queryWord) int {
	score, all := 0, true
	for _, w := range q {
		s := max(fieldScore(e.core, w.w, 6), fieldScore(e.alias, w.w, 4), fieldScore(e.desc, w.w, 2))
		if s == 0 {
			all = false
		}
		if w.head {
			s *= 2
		}
		score += s
	}
	if all {
		return score
	}
	if len(e.core) == 0 || !e.named && len(e.core) < 2 {
		return 0
	}
	words := make([]string, len(q))
	for i, w := range q {
		words[i] = w.w
	}
	for _, c := range e.core {
		if fieldScore(words, c, 1) == 0 {
			return 0
		}
	}
	return score
}

// fieldScore returns weight when the words of a field hold w, weight-1 when
// they hold it only in the singular or the plural, and 0 otherwise.
func fieldScore(field []string, w string, weight int) int {
	sw, _ := lexicon.Singular(w)
	best := 0
	for _, f := range field {
		if f == w {
			return weight
		}
		if sf, _ := lexicon.Singular(f); sf == sw {
			best = max(weight-1, 1)
		}
	}
	return best
}

// nearest returns the entries within a small typo of the query, by the
// closest key, and the entry nearest it at all when that is close enough
// to suggest.
func nearest(q string, n int, entry func(int) *nameEntry) (found int, ambiguous []int, closest int) {
	allowed := typoAllowance(len(q))
	var best []int
	bestD := 1 << 30
	closest, closestD := -1, 1<<30
	for i := range n {
		d, typoD := 1<<30, 1<<30 // the nearest key, and the nearest a typo away
		for _, k := range entry(i).keys {
			if k.tier < keyNamePart {
				continue
			}
			diff := len(k.key) - len(q)
			if diff < 0 {
				diff = -diff
			}
			if diff > max(allowed, len(q)/2) || diff >= typoD {
				continue
			}
			kd := text.EditDistance(q, k.key)
			d = min(d, kd)
			if kd <= allowed && wordsWithinTypo(q, k.key) {
				typoD = min(typoD, kd)
			}
		}
		if d < closestD {
			closest, closestD = i, d
		}
		switch {
		case typoD > allowed:
			continue
		case typoD < bestD:
			best, bestD = []int{i}, typoD
		case typoD == bestD:
			best = append(best, i)
		}
	}
	switch len(best) {
	case 1:
		return best[0], nil, -1
	case 0:
		if closest >= 0 && closestD <= max(2, len(q)/3) {
			return -1, nil, closest
		}
		return -1, nil, -1
	}
	return -1, best, -1
}

// wordsWithinTypo reports whether each word of the query q is within a
// typo of the key's word in its place, when both have several: "lena
// kovacs" is no misspelling of "dan kovacs", though the whole differs by
// as little as a typo of its length allows.
func wordsWithinTypo(q, key string) bool {
	qw, kw := strings.Fields(q), strings.Fields(key)
	if len(qw) < 2 || len(qw) != len(kw) {
		return true
	}
	for i := range qw {
		if text.EditDistance(qw[i], kw[i]) > max(1, typoAllowance(len(qw[i]))) {
			return false
		}
	}
	return true
}
