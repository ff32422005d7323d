package bot

import (
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestPlainText(t *testing.T) {
	tests := []struct {
		name string
		r    *discordgo.InteractionResponse
		want string
	}{
		{"nil", nil, ""},
		{"pong", &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, "PONG"},
		{"no data", &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource}, ""},
		{"ephemeral", ephemeral("Try **latakia**."), "(only you can see this)\n\nTry **latakia**."},
		{"embed", message([]*discordgo.MessageEmbed{{
			Author:      &discordgo.MessageEmbedAuthor{Name: "Press TV"},
			Title:       "Find: russia",
			URL:         "https://news.example/a",
			Description: "7 paragraphs match.",
			Fields:      []*discordgo.MessageEmbedField{{Name: "¶6", Value: "**Russia** has deployed"}, nil},
			Footer:      &discordgo.MessageEmbedFooter{Text: "Page 1 of 3"},
		}}, []discordgo.MessageComponent{
			discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{Label: "◀ Previous", CustomID: "a", Disabled: true},
				&discordgo.Button{Label: "Next ▶", CustomID: "b"},
				discordgo.Button{Label: "Read it", Style: discordgo.LinkButton, URL: "https://news.example/a"},
			}},
		}),
			"Press TV\nFind: russia\n════════════\nhttps://news.example/a\n\n7 paragraphs match.\n\n¶6\n──\n**Russia** has deployed\n\n" +
				"— Page 1 of 3\n\n[◀ Previous (disabled)] [Next ▶] [Read it → https://news.example/a]"},
		{"update", update([]*discordgo.MessageEmbed{{Title: "T"}}, nil), "(replaces the message)\n\nT\n═"},
		{"no choices", choices(nil), "Suggestions: none"},
		{"choices", choices([]*discordgo.ApplicationCommandOptionChoice{
			{Name: "John Kerry — 4 quotes", Value: "John Kerry"},
			{Name: "Jatras", Value: "Jatras"},
		}), "Suggestions:\n  John Kerry — 4 quotes  (John Kerry)\n  Jatras"},
		{"unknown type", &discordgo.InteractionResponse{Type: 9, Data: &discordgo.InteractionResponseData{Content: "x"}}, "(response of type 9)\n\nx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.r); got != tt.want {
				t.Errorf("PlainText(%s) =\n%q\nwant\n%q", tt.name, got, tt.want)
			}
		})
	}
}
