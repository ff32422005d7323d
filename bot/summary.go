package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// summaryCommand is /summary: the article's summary, each point citing the
// paragraphs it rests on.
func (b *Bot) summaryCommand() *command {
	def := slashCommand("summary", "Summarise the article in a few points, each citing its paragraphs (¶N).")
	help := def.Description + " The points are sentences chosen from the article."
	if !b.art.Summary().Extractive {
		help = def.Description + " Its points were written by an editor, not taken from the article."
	}
	return &command{
		def:     def,
		run:     b.summary,
		example: "/summary",
		help:    help,
	}
}

// fallbackTitle names an article whose metadata has no title.
const fallbackTitle = "Summary of the article"

func (b *Bot) summary(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	s := b.art.Summary()
	e := &discordgo.MessageEmbed{
		Title: escapeWithin(oneLine(b.art.Meta.Title), limitEmbedTitle),
		URL:   webURL(b.art.Meta.URL),
		Color: embedColor,
	}
	if e.Title == "" {
		e.Title = fallbackTitle
	}
	if by := byline(b.art.Meta.Byline); by != "" {
		// An author's name shows as plain text: no markdown to escape.
		e.Author = &discordgo.MessageEmbedAuthor{Name: truncate(by, limitAuthorName)}
	}

	points := make([]string, 0, len(s.Points))
	for _, p := range s.Points {
		text := strings.TrimSpace(oneLine(p.Text))
		if text == "" {
			continue
		}
		suffix := ""
		if len(p.Paragraphs) > 0 {
			suffix = " (" + citeList(p.Paragraphs) + ")"
		}
		const pointRoom = 600
		points = append(points, "• "+escapeWithin(text, pointRoom-runeLen(suffix))+suffix)
	}
	footer := []string{}
	if src := source(b.art.Meta.Publication, b.art.Meta.Date); src != "" {
		footer = append(footer, src)
	}
	footer = append(footer,
		plural(len(b.art.Paragraphs), "paragraph", "paragraphs"),
		plural(b.art.WordCount(), "word", "words"))
	if len(points) > 0 {
		if s.Extractive {
			footer = append(footer, "sentences chosen from the article")
		} else {
			footer = append(footer, "summary written by an editor")
		}
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(strings.Join(footer, " · "), limitFooterText)}

	if len(points) == 0 {
		e.Description = "The article is too short to summarise. Use /find to search it."
	} else {
		room := min(limitEmbedDesc, limitEmbedTotal-embedLen(e))
		e.Description = joinWithin(points, "\n", room, func(n int) string {
			return "…and " + plural(n, "more point", "more points")
		})
	}
	return message([]*discordgo.MessageEmbed{e}, nil), nil
}

// byline is the article's byline as shown, "By Jane Roe and John Doe", or
// "" when it has none.
func byline(names string) string {
	if names = oneLine(names); names == "" {
		return ""
	}
	return "By " + truncate(names, 200)
}

// source describes where an article comes from, "Press TV, 2015-09-19", as
// plain text for a footer (footers show no markdown). Either part may be
// missing.
func source(publication, date string) string {
	var parts []string
	for _, p := range []string{publication, date} {
		if p = oneLine(p); p != "" {
			parts = append(parts, truncate(p, 100))
		}
	}
	return strings.Join(parts, ", ")
}
