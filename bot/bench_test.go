package bot

import (
	"context"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// BenchmarkRespond measures whole answers, rendering and the limits check
// included, on the seed article.
func BenchmarkRespond(b *testing.B) {
	bot := mustNew(article.Default())
	focused := opt("speaker", discordgo.ApplicationCommandOptionString, "ja")
	focused.Focused = true
	cases := []struct {
		name string
		i    *discordgo.Interaction
	}{
		{"summary", slash("summary")},
		{"quote", slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, "kerry"))},
		{"autocomplete", autocomplete("quote", focused)},
		{"find", slash("find", opt("query", discordgo.ApplicationCommandOptionString, "russia"))},
		{"find-page", click(stamped(bot, findID(2, "russia")))},
		{"about", slash("about")},
	}
	for _, c := range cases {
		if r := bot.Respond(context.Background(), c.i); r.Data != nil && r.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
			b.Fatalf("%s answers with a private message, as to a mistake: %s", c.name, PlainText(r))
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bot.Respond(context.Background(), c.i)
			}
		})
	}
}
