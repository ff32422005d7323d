package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

// The lexicons below are general English: they describe how news prose names
// people and bodies, never the words of one article. Every entry is folded
// (lower case, straight apostrophes, no dots).

// isAcronym reports whether a word is written in capitals, like "US",
// "U.S." or "NATO".
func isAcronym(raw string) bool {
	letters := 0
	for _, r := range raw {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}

// isNameTok reports whether a capitalised token can be part of a person's
// name: not a role, portfolio, organisation, nationality or day word, not a
// function word and not an acronym.
func isNameTok(t qtok, text string) bool {
	return t.Upper && t.Class&(lexicon.Role|lexicon.RolePlural|lexicon.Portfolio|lexicon.Org|lexicon.Nationality|lexicon.Day|lexicon.NameStop|lexicon.BodyTitle) == 0 &&
		!isAcronym(text[t.Span.Start:t.Span.End])
}

// splitTitle splits a run of words that ends with a name into the title
// before the name and the name itself, returning the index in ph where the
// name starts (len(ph) when there is no name). Lower-case particles inside
// the name ("al-Assad", "von der Leyen"), initials and suffixes such as "Jr"
// belong to the name.
func splitTitle(ph []qtok, text string) int {
	n := len(ph)
	start := n
	last := n - 1 // the surname's position
	if last > 0 && ph[last].Has(lexicon.Suffix) {
		last--
	}
	for i := n - 1; i >= 0; i-- {
		t := ph[i]
		switch {
		case i > last:
			start = i
		case isNameTok(t, text) || hyphenName(text[t.Span.Start:t.Span.End]):
			start = i
		case i == last && i > 0 && t.Upper && t.Has(lexicon.Role|lexicon.Portfolio) && !t.Has(lexicon.Honorific) && isNameTok(ph[i-1], text):
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

// hyphenName reports whether a word is a particle joined to a name by a
// hyphen, such as "al-Assad".
func hyphenName(raw string) bool {
	i := strings.IndexByte(raw, '-')
	if i <= 0 || i+1 >= len(raw) || raw[0] < 'a' || raw[0] > 'z' {
		return false
	}
	return lexicon.NameParticles[raw[:i]] && startsUpper(raw[i+1:])
}

// startsUpper reports whether s starts with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
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
