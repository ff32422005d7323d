package article

import (
	"errors"

	"github.com/articlebot/articlebot/article/internal/qa"
)

// unquoted returns, for a question about what someone said ("what did X
// say?"), the people it names whom the article names but never quotes:
// the one person the name means, or each person it may mean when none of
// them is quoted. It returns nil when the question asks something else,
// names a speaker, or names no one of the cast.
func (a *Article) unquoted(q *question) []*Person {
	if !q.Speech || q.Kind == qa.Who || len(q.named) > 0 || len(a.cast) == 0 {
		return nil
	}
	// The name stands before the verb of speech: "what did X say about
	// Y?" asks about X's words, not Y's.
	end := len(q.Words)
	for i, w := range q.Words {
		if w.Role == qa.Speech || w.SpeechVerb {
			end = i
			break
		}
	}
	for i := 0; i < end; {
		if q.termAt[i] < 0 {
			i++
			continue
		}
		j := i + 1
		for j < end && q.termAt[j] >= 0 && q.Words[j].Adjacent {
			j++
		}
		if people := a.unquotedNamed(q.Text[q.Words[i].Span.Start:q.Words[j-1].Span.End]); people != nil {
			return people
		}
		i = j
	}
	return nil
}

// unquotedNamed returns the people the name may mean, when the article
// names them and quotes none of them, or nil.
func (a *Article) unquotedNamed(name string) []*Person {
	p, err := a.Person(name)
	if err == nil {
		if p.Speaker != nil || !p.Named || !holdsNameWords(lookupKeys(p.Name, p.Aliases, p.Description, p.Named), name) {
			return nil // "Lena Kovacs" is not the Dan Kovacs the article names
		}
		return []*Person{p}
	}
	var ie *InputError
	if !errors.As(err, &ie) || len(ie.Ambiguous) == 0 {
		return nil
	}
	var out []*Person
	for _, n := range ie.Ambiguous {
		p, err := a.Person(n)
		if err != nil || p.Speaker != nil || !p.Named {
			return nil
		}
		out = append(out, p)
	}
	return out
}
