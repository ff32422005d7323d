package article

import (
	"fmt"
	"strings"
)

// InputError reports something a person typed that the article cannot
// take as it is: a search query ([Article.Search]), a question
// ([Article.Ask]) or a speaker's name ([Article.Speaker]). Its Reason is
// written to be shown to that person. The package returns no other error
// for what is typed.
type InputError struct {
	// Input is what was typed, as given.
	Input string
	// Reason is one or two sentences written for the person who typed
	// Input: what is wrong with it and what to type instead. Where it
	// quotes Input, or a word of it, it uses curly quotation marks.
	Reason string
	// Suggestion is the closest thing the article has to Input, such as a
	// speaker's name, or "" when nothing is close.
	Suggestion string
	// Ambiguous lists the speakers Input names equally well, such as two
	// people who share a surname, if any.
	Ambiguous []string
	// Speakers lists every speaker the article quotes, most quoted first,
	// when Input was to name one of them; it is empty otherwise.
	Speakers []string
}

// Error returns the reason, with the speakers Input could mean or the
// suggestion, if any.
func (e *InputError) Error() string {
	msg := e.Reason
	if len(e.Ambiguous) > 0 {
		msg += " It could mean " + joinList(e.Ambiguous, "or") + "."
	}
	if e.Suggestion != "" {
		msg += " Did you mean " + e.Suggestion + "?"
	}
	return msg
}

// joinList joins items as "A", "A or B" or "A, B or C", with conj ("or",
// "and") before the last.
func joinList(items []string, conj string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// quoted returns s between curly double quotation marks.
func quoted(s string) string { return fmt.Sprintf("“%s”", s) }
