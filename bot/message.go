package bot

import (
	"context"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"
)

// findInArticleName is the message command's name, as Discord shows it in
// the Apps menu of a message.
const findInArticleName = "Find in article"

// findInArticleCommand is the message command "Find in article": it runs
// /find on the words of the message it is used on. Its pages turn with
// /find's own buttons.
func (b *Bot) findInArticleCommand() *command {
	installs := append([]discordgo.ApplicationIntegrationType(nil), everyInstall...)
	contexts := append([]discordgo.InteractionContextType(nil), everyContext...)
	return &command{
		def: &discordgo.ApplicationCommand{
			Type:             discordgo.MessageApplicationCommand,
			Name:             findInArticleName,
			IntegrationTypes: &installs,
			Contexts:         &contexts,
			Options:          []*discordgo.ApplicationCommandOption{},
		},
		run:     b.findInArticle,
		example: "a message's menu (right-click it, or press and hold) › Apps › " + findInArticleName,
		help:    "Search the article for the words of a message, as /find does, and show the paragraphs (¶N) that match.",
	}
}

func (b *Bot) findInArticle(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	data, _ := commandData(i)
	var msg *discordgo.Message
	if data.Resolved != nil {
		msg = data.Resolved.Messages[data.TargetID]
	}
	if msg == nil {
		return nil, userErrorf("Discord didn't send me that message, so I can't search for its words. Try again, or use %s.", "`/find`")
	}
	query := messageQuery(messageText(msg))
	if query == "" {
		return nil, userErrorf("That message has no words to search for: only mentions, links, emoji or formatting. Use %s with words of your own.", "`/find query:`")
	}
	return b.findPage(query, 1, false)
}

// messageText returns the text of a message: its content, or when it has
// none (a bot's embed, say), the titles and descriptions of its embeds.
func messageText(m *discordgo.Message) string {
	if strings.TrimSpace(m.Content) != "" {
		return m.Content
	}
	var parts []string
	for _, e := range m.Embeds {
		if e != nil {
			parts = append(parts, e.Title, e.Description)
		}
	}
	return strings.Join(parts, " ")
}

// messageQuery turns a message's text into a /find query: without
// mentions, links, custom emoji, markdown and quotation marks, its first
// words up to findQueryMax characters, cut between words. It returns ""
// when no word is left.
func messageQuery(text string) string {
	text = strings.Map(func(r rune) rune {
		if isDoubleQuote(r) || r == '«' || r == '»' {
			return ' '
		}
		return r
	}, plainText(text))

	var words []string
	n := 0
	for _, w := range strings.Fields(text) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if w == "" {
			continue
		}
		add := runeLen(w)
		if len(words) > 0 {
			add++
		}
		if n+add > findQueryMax {
			if len(words) == 0 {
				words = append(words, string([]rune(w)[:findQueryMax]))
			}
			break
		}
		words = append(words, w)
		n += add
	}
	return strings.Join(words, " ")
}
