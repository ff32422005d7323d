package bot

import (
	"context"
	"slices"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// askGoldenCases are the golden tests of /ask, its Show paragraph button and
// the "Find in article" message command, which TestGolden runs with
// goldenCases.
var askGoldenCases = []goldenCase{
	{"ask-who-said", "**John Kerry**, *US Secretary of State*"},
	{"ask-how-many", "— ¶14, James George Jatras"},
	{"ask-equipment", "— ¶6"},
	{"ask-where", "— ¶2"},
	{"ask-pentagon", "— ¶11"},
	{"ask-jatras", "**James George Jatras**"},
	{"ask-mentioned", "The article mentions Philip Hammond but does not quote them"},
	{"ask-no-answer", "It doesn't mention **capital** or **france**."},
	{"ask-stop-words", "(only you can see this)"},
	{"ask-mentions", `\<@123\>`},
	{"ask-show-paragraph", "¶14"},
	{"message-find", "Find: so did Russia really deploy tanks near Latakia spoiler"},
	{"message-find-page2", "Page 2 of"},
	{"message-empty", "no words to search for"},
}

// TestAskGoldenClicks checks that the button payloads click buttons of the
// answers they follow, and how those clicks are answered.
func TestAskGoldenClicks(t *testing.T) {
	b := mustNew(article.Default())
	tests := []struct {
		answer, click string
		label         string
		want          discordgo.InteractionResponseType
		ephemeral     bool
	}{
		{"ask-how-many", "ask-show-paragraph", "Show paragraph ¶14", discordgo.InteractionResponseChannelMessageWithSource, true},
		{"message-find", "message-find-page2", "Next ▶", discordgo.InteractionResponseUpdateMessage, false},
	}
	for _, tt := range tests {
		t.Run(tt.click, func(t *testing.T) {
			first := b.Respond(context.Background(), readInteraction(t, tt.answer))
			var ids []string
			for _, c := range first.Data.Components {
				for _, btn := range c.(discordgo.ActionsRow).Components {
					if btn := btn.(discordgo.Button); btn.Label == tt.label {
						ids = append(ids, btn.CustomID)
					}
				}
			}
			click := readInteraction(t, tt.click)
			data, ok := componentData(click)
			if !ok || !slices.Contains(ids, data.CustomID) {
				t.Fatalf("%s.json clicks %q, want the %q button of %s (%q)", tt.click, data.CustomID, tt.label, tt.answer, ids)
			}
			r := b.Respond(context.Background(), click)
			if r.Type != tt.want {
				t.Errorf("the click is answered with type %d, want %d", r.Type, tt.want)
			}
			if got := r.Data.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("the click's answer is ephemeral: %v, want %v", got, tt.ephemeral)
			}
		})
	}
}
