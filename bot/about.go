package bot

import (
	"context"
	"strings"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// aboutCommand is /about: what the bot is, which article it answers from,
// and each of its commands with an example, taken from the registry so that
// every command registered appears.
func (b *Bot) aboutCommand() *command {
	return &command{
		def:     slashCommand("about", "What this bot is, the article it answers from, and how to use each command."),
		run:     b.about,
		example: "/about",
	}
}

func (b *Bot) about(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	m := b.art.Meta
	e := &discordgo.MessageEmbed{
		Title: "About articlebot",
		Color: embedColor,
		Description: "I answer questions about one news article with its own words, " +
			"citing the paragraph (¶N) each answer comes from.",
	}
	if b.art.Summary().Extractive {
		e.Description += " I add nothing that isn't in the article."
	} else {
		e.Description += " The one exception is /summary, which shows a summary an editor wrote," +
			" each point citing the paragraphs it rests on."
	}

	title := escapeWithin(oneLine(m.Title), 300)
	if title == "" {
		title = "Untitled article"
	}
	art := []string{"**" + title + "**"}
	if by := byline(m.Byline); by != "" {
		art = append(art, escape(by))
	}
	if src := source(m.Publication, m.Date); src != "" {
		art = append(art, escape(src))
	}
	if u := webURL(m.URL); u != "" {
		art = append(art, truncate(u, 500))
	}
	counts := plural(len(b.art.Paragraphs), "paragraph", "paragraphs") + " · " +
		plural(len(b.art.Speakers()), "speaker", "speakers")
	if n := article.Utterances(b.art.Unattributed()); n > 0 {
		// Words in quotation marks whose speaker the article does not make
		// clear: shown under no one.
		counts += " · " + plural(n, "quotation", "quotations") + " whose speaker is unclear"
	}
	art = append(art, counts+" · "+plural(b.art.WordCount(), "word", "words"))
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
		Name:  "The article",
		Value: truncate(strings.Join(art, "\n"), limitFieldValue),
	})

	for _, c := range b.reg.cmds {
		if len(e.Fields) == limitEmbedFields {
			break
		}
		name := c.def.Name
		if c.def.Type == 0 || c.def.Type == discordgo.ChatApplicationCommand {
			name = "/" + name
		}
		help := c.help
		if help == "" {
			help = c.def.Description
		}
		value := escapeWithin(oneLine(help), 300)
		if ex := strings.ReplaceAll(oneLine(c.example), "`", "'"); ex != "" {
			if value != "" {
				value += "\n"
			}
			if strings.HasPrefix(name, "/") {
				value += "Example: `" + truncate(ex, 200) + "`"
			} else {
				value += "Where: " + escapeWithin(ex, 200)
			}
		}
		if value == "" {
			value = "No description."
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  truncate(name, limitFieldName),
			Value: value,
		})
	}
	for embedLen(e) > limitEmbedTotal && len(e.Fields) > 1 {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	return message([]*discordgo.MessageEmbed{e}, nil), nil
}
