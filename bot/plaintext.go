package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// PlainText renders a response as readable plain text for a terminal: the
// content, then each embed's title, link, author, description, fields and
// footer, then the buttons, one line per row, and for autocomplete the
// choices offered. Markdown is left as Discord receives it (**bold**,
// > quotes). A private answer is marked "(only you can see this)" and a page
// turn "(replaces the message)". It returns "" for a nil response.
func PlainText(r *discordgo.InteractionResponse) string {
	if r == nil {
		return ""
	}
	var blocks []string
	switch r.Type {
	case discordgo.InteractionResponsePong:
		return "PONG"
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		return plainChoices(r.Data)
	case discordgo.InteractionResponseUpdateMessage:
		blocks = append(blocks, "(replaces the message)")
	case discordgo.InteractionResponseChannelMessageWithSource:
	default:
		blocks = append(blocks, fmt.Sprintf("(response of type %d)", int(r.Type)))
	}
	d := r.Data
	if d == nil {
		return strings.Join(blocks, "\n\n")
	}
	if d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		blocks = append(blocks, "(only you can see this)")
	}
	if d.Content != "" {
		blocks = append(blocks, d.Content)
	}
	for _, e := range d.Embeds {
		if e != nil {
			blocks = append(blocks, plainEmbed(e)...)
		}
	}
	for _, c := range d.Components {
		if row := plainRow(c); row != "" {
			blocks = append(blocks, row)
		}
	}
	return strings.Join(blocks, "\n\n")
}

func plainEmbed(e *discordgo.MessageEmbed) []string {
	var blocks []string
	var head []string
	if e.Author != nil && e.Author.Name != "" {
		head = append(head, e.Author.Name)
	}
	if e.Title != "" {
		head = append(head, e.Title, strings.Repeat("═", min(runeLen(e.Title), 72)))
	}
	if e.URL != "" {
		head = append(head, e.URL)
	}
	if len(head) > 0 {
		blocks = append(blocks, strings.Join(head, "\n"))
	}
	if e.Description != "" {
		blocks = append(blocks, e.Description)
	}
	for _, f := range e.Fields {
		if f == nil {
			continue
		}
		blocks = append(blocks, f.Name+"\n"+strings.Repeat("─", min(runeLen(f.Name), 72))+"\n"+f.Value)
	}
	if e.Footer != nil && e.Footer.Text != "" {
		blocks = append(blocks, "— "+e.Footer.Text)
	}
	return blocks
}

// plainRow renders an action row of buttons as "[◀ Previous] [Next ▶]".
func plainRow(c discordgo.MessageComponent) string {
	var comps []discordgo.MessageComponent
	switch row := c.(type) {
	case discordgo.ActionsRow:
		comps = row.Components
	case *discordgo.ActionsRow:
		if row != nil {
			comps = row.Components
		}
	}
	var out []string
	for _, c := range comps {
		var b discordgo.Button
		switch v := c.(type) {
		case discordgo.Button:
			b = v
		case *discordgo.Button:
			if v == nil {
				continue
			}
			b = *v
		default:
			continue
		}
		label := b.Label
		if b.Disabled {
			label += " (disabled)"
		}
		if b.URL != "" {
			label += " → " + b.URL
		}
		out = append(out, "["+label+"]")
	}
	return strings.Join(out, " ")
}

func plainChoices(d *discordgo.InteractionResponseData) string {
	if d == nil || len(d.Choices) == 0 {
		return "Suggestions: none"
	}
	lines := []string{"Suggestions:"}
	for _, c := range d.Choices {
		if c == nil {
			continue
		}
		line := "  " + c.Name
		if v := fmt.Sprint(c.Value); v != c.Name {
			line += "  (" + v + ")"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
