package bot

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article"
)

// userError is a mistake the user can fix, such as a missing option or a
// name the article does not know. Its message is markdown shown to the
// user, privately; any text the user typed in it is already escaped.
type userError struct {
	msg string
	err error // the cause, if any, for the log
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }

// userErrorf returns a *userError whose message is the formatted text.
// Escape user text with echo before passing it.
func userErrorf(format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...)}
}

// userMessage returns the message to show for err when err is the user's
// mistake: a *userError, or an engine error about what the user asked for
// (*article.QueryError, *article.SpeakerError). It reports false for any
// other error, which is the bot's own failure.
func userMessage(err error) (string, bool) {
	var ue *userError
	if errors.As(err, &ue) {
		return ue.msg, true
	}
	var qe *article.QueryError
	if errors.As(err, &qe) {
		return queryErrorMessage(qe), true
	}
	var se *article.SpeakerError
	if errors.As(err, &se) {
		return speakerErrorMessage(se), true
	}
	return "", false
}

// queryErrorMessage explains why a query cannot be searched, in the engine's
// words, which say what to type instead.
func queryErrorMessage(e *article.QueryError) string {
	reason := oneLine(e.Reason)
	if reason == "" {
		reason = "I can't search for that: try one or more words from the article"
	}
	reason = capitalize(reason)
	if !strings.HasSuffix(reason, ".") && !strings.HasSuffix(reason, "?") && !strings.HasSuffix(reason, "!") {
		reason += "."
	}
	return escapeWithin(reason, limitContent)
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// speakerErrorMessage tells the user that a name matched nobody, or several
// people, and lists who the article does quote.
func speakerErrorMessage(e *article.SpeakerError) string {
	var b strings.Builder
	name := echo(e.Query, 100)
	switch {
	case strings.TrimSpace(e.Query) == "":
		b.WriteString("Tell me whose words you want, for example `/quote speaker:` followed by a name.")
	case len(e.Ambiguous) > 0:
		fmt.Fprintf(&b, "“%s” could mean %s. Type more of the name.", name, orList(e.Ambiguous, 10, 100))
	default:
		fmt.Fprintf(&b, "The article quotes nobody called “%s”.", name)
		if e.Suggestion != "" {
			fmt.Fprintf(&b, " Did you mean **%s**?", escapeWithin(oneLine(e.Suggestion), 100))
		}
	}
	if len(e.Known) == 0 {
		b.WriteString(" The article quotes nobody at all.")
		return b.String()
	}
	b.WriteString("\nIt quotes: ")
	known := make([]string, len(e.Known))
	for i, k := range e.Known {
		known[i] = escapeWithin(oneLine(k), 100)
	}
	room := limitContent - runeLen(b.String())
	b.WriteString(joinWithin(known, ", ", room, func(n int) string {
		return fmt.Sprintf("and %d more", n)
	}))
	return b.String()
}
