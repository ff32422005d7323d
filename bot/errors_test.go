package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
)

// TestInputErrorMessage checks the one message the bot writes for
// whatever the engine cannot take from the user: a query, a question or a
// speaker's name, each as the engine reports it.
func TestInputErrorMessage(t *testing.T) {
	a := article.Default()
	_, queryErr := a.Search("the", article.Page{})
	_, questionErr := a.Ask("what is it?")
	_, speakerErr := a.Speaker("kery jones")
	_, emptyErr := a.Speaker("")
	tests := []struct {
		name string
		err  error
		want []string
		not  []string
	}{
		{"query", queryErr, []string{`"the" is too common`}, []string{"It quotes"}},
		{"question", questionErr, []string{"The question does not say what it is about"}, []string{"It quotes"}},
		{"speaker", speakerErr, []string{"quotes nobody called “kery jones”", "\nIt quotes: John Kerry, "}, nil},
		{"empty speaker", emptyErr, []string{"whose words", "\nIt quotes: John Kerry, "}, nil},
		{"ambiguous", &article.InputError{Input: "novak", Reason: "Type more of the name.", Ambiguous: []string{"Elena Novak", "Luka *Novak*"}},
			[]string{"Type more of the name. It could mean **Elena Novak** or **Luka \\*Novak\\***."}, nil},
		{"suggestion", &article.InputError{Input: "jtrs", Reason: "no one called “jtrs”", Suggestion: "James Jatras"},
			[]string{"No one called “jtrs”. Did you mean **James Jatras**?"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, ok := userMessage(fmt.Errorf("wrapped: %w", tt.err))
			if !ok {
				t.Fatalf("userMessage(%v) reports no user error", tt.err)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("userMessage(%v) = %q, want it to hold %q", tt.err, msg, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(msg, w) {
					t.Errorf("userMessage(%v) = %q, want no %q", tt.err, msg, w)
				}
			}
			if runeLen(msg) > limitContent {
				t.Errorf("userMessage(%v) is %d characters, over Discord's %d", tt.err, runeLen(msg), limitContent)
			}
		})
	}
}
