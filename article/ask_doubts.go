package article

import (
	"slices"
	"strings"
	"unicode"

	"github.com/articlebot/articlebot/article/internal/qa"
	"github.com/articlebot/articlebot/article/internal/text"
)

// The checks below find sentences that hold a question's words without
// answering it; scoreCandidate lowers their confidence.

// namesOnly reports whether the candidate holds the one name a question
// gives and none of the words of weight it says of it: "Kestrel Foods,
// one of the country's largest bakers, …" for "when was Kestrel Foods
// founded?", "Sir Alan Fothergill said the board …" for "what will Sir
// Alan Fothergill be paid?". A question of names alone ("who is Jo
// Park?", "what happened to Jo Park?") says nothing of them to hold; a
// sentence that names two people or places the question names together
// ("talks with Hammond … Kerry" for "where did Kerry meet Hammond?")
// most often tells of what it asks; and a person, a body or a place it
// asks for stands beside the name it is tied to ("Fraser Amos, a student
// at Brook University" for "which university does Fraser Amos attend?").
func namesOnly(q *question, c *askCand) bool {
	said, held := false, false
	for ti, t := range q.terms {
		if t.name || t.preface || t.light {
			continue
		}
		said = true
		held = held || c.held[ti] > 0
	}
	return said && !held && namesGiven(q) < 2 && !tiedToName(q.Want)
}

// describes reports whether one of the stems given is the stem of a word
// of the speaker's name, aliases or description.
func describes(sp *Speaker, stems []string) bool {
	if sp == nil {
		return false
	}
	for _, s := range append(append([]string{sp.Name, sp.Description}, sp.Aliases...), sp.SpeaksFor) {
		for _, w := range strings.FieldsFunc(text.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' }) {
			if slices.Contains(stems, text.Stem(text.TrimPossessive(w))) {
				return true
			}
		}
	}
	return false
}

// lacksDeed reports whether the candidate lacks the verb of a yes-or-no
// question, which is what it asks about: "A fishing crew discovered the
// wreck" does not say whether anyone was injured in it.
func lacksDeed(q *question, c *askCand) bool {
	if !q.YesNo {
		return false
	}
	for ti, t := range q.terms {
		if t.verbish && !t.light && !t.preface && !t.name && c.held[ti] == 0 {
			return true
		}
	}
	return false
}

// tiedToName reports whether an answer of type want stands beside the
// name it is tied to: a person, a body, a place, or a reason.
func tiedToName(want qa.Type) bool {
	switch want {
	case qa.Person, qa.Org, qa.Place, qa.Reason:
		return true
	}
	return false
}

// namesGiven counts the names a question gives: runs of words written as
// names, one after another, with the small words a name may hold between
// them ("University of Northmoor").
func namesGiven(q *question) int {
	n := 0
	for i, w := range q.Words {
		if t := q.termAt[i]; t < 0 || !q.terms[t].name {
			continue
		}
		if i > 0 && w.Adjacent && q.Words[i-1].Name {
			continue
		}
		if i > 1 && nameJoiners[q.Words[i-1].Fold] && q.Words[i-2].Name {
			continue
		}
		n++
	}
	return n
}

// nameJoiners are the small words a name may hold between its words.
var nameJoiners = map[string]bool{"of": true, "and": true, "for": true, "the": true, "de": true}
