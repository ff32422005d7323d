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
// mistake: a *userError, or an *article.InputError about what the user
// typed. It reports false for any other error, which is the bot's own
// failure.
func userMessage(err error) (string, bool) {
	var ue *userError
	if errors.As(err, &ue) {
		return ue.msg, true
	}
	var ie *article.InputError
	if errors.As(err, &ie) {
		return inputErrorMessage(ie), true
	}
	return "", false
}

// inputErrorMessage explains why the engine cannot take what the user
// typed, in the engine's words, which say what to type instead; then the
// speakers the input could mean, the closest name, and the speakers the
// article quotes, when the engine gives them. The reason may quote what the
// user typed, so it loses its format characters as echoed text does.
func inputErrorMessage(e *article.InputError) string {
	reason := capitalize(oneLine(withoutFormatChars(e.Reason)))
	if reason == "" {
		reason = "I can't use that: try words from the article"
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(reason, "\"”’)")); r != '.' && r != '?' && r != '!' {
		reason += "."
	}
	var b strings.Builder
	b.WriteString(escapeWithin(reason, limitContent/2))
	if len(e.Ambiguous) > 0 {
		fmt.Fprintf(&b, " It could mean %s.", orList(e.Ambiguous, 10, 100))
	}
	if e.Suggestion != "" {
		fmt.Fprintf(&b, " Did you mean **%s**?", escapeWithin(oneLine(e.Suggestion), 100))
	}
	if len(e.Speakers) > 0 {
		b.WriteString("\nIt quotes: ")
		known := make([]string, len(e.Speakers))
		for i, k := range e.Speakers {
			known[i] = escapeWithin(oneLine(k), 100)
		}
		room := limitContent - runeLen(b.String())
		b.WriteString(joinWithin(known, ", ", room, func(n int) string {
			return fmt.Sprintf("and %d more", n)
		}))
	}
	return b.String()
}

// capitalize returns s with its first letter in upper case.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
