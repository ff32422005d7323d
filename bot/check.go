package bot

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// checkResponse reports every way in which r breaks Discord's rules for an
// interaction response, or nil when Discord would accept it. Respond runs it
// on every answer, so a rendering mistake becomes a logged internal error
// instead of an interaction Discord rejects.
func checkResponse(r *discordgo.InteractionResponse) error {
	if r == nil {
		return errors.New("no response")
	}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	switch r.Type {
	case discordgo.InteractionResponsePong:
		if r.Data != nil {
			bad("a pong carries no data")
		}
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage:
		if r.Data == nil {
			bad("a message response has no data")
			break
		}
		checkMessage(r.Type, r.Data, bad)
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if r.Data == nil {
			bad("an autocomplete response has no data")
			break
		}
		checkChoices(r.Data.Choices, bad)
	default:
		bad("response type %d is not one the bot sends", r.Type)
	}
	return errors.Join(errs...)
}

// answerTypes lists, for each kind of interaction, the response types the
// bot may answer it with. A kind not listed is answered with a message.
var answerTypes = map[string][]discordgo.InteractionResponseType{
	kindPing:         {discordgo.InteractionResponsePong},
	kindCommand:      {discordgo.InteractionResponseChannelMessageWithSource},
	kindAutocomplete: {discordgo.InteractionApplicationCommandAutocompleteResult},
	kindComponent:    {discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage},
}

// checkAnswers reports an error when r cannot answer an interaction of the
// given kind, such as a list of choices for a command, which Discord
// rejects and so leaves the interaction unanswered.
func checkAnswers(kind string, r *discordgo.InteractionResponse) error {
	types, listed := answerTypes[kind]
	if !listed || r == nil || slices.Contains(types, r.Type) {
		return nil
	}
	return fmt.Errorf("a response of type %d cannot answer an interaction of kind %s", r.Type, kind)
}

func checkMessage(t discordgo.InteractionResponseType, d *discordgo.InteractionResponseData, bad func(string, ...any)) {
	if am := d.AllowedMentions; am == nil || am.Parse == nil || len(am.Parse) != 0 || len(am.Users) > 0 || len(am.Roles) > 0 {
		bad(`allowed_mentions must be {"parse": []}`)
	}
	if d.Flags&^(discordgo.MessageFlagsEphemeral|discordgo.MessageFlagsSuppressEmbeds) != 0 {
		bad("flags %d include flags a response cannot set", d.Flags)
	}
	checkText(place{format: "content"}, d.Content, 0, limitContent, bad)
	if t == discordgo.InteractionResponseChannelMessageWithSource && d.Content == "" && len(d.Embeds) == 0 {
		bad("a new message needs content or an embed")
	}
	if len(d.Embeds) > limitEmbeds {
		bad("%d embeds, more than %d", len(d.Embeds), limitEmbeds)
	}
	total := 0
	for i, e := range d.Embeds {
		if e == nil {
			bad("embed %d is nil", i)
			continue
		}
		total += embedLen(e)
		checkEmbed(i, e, bad)
	}
	if total > limitEmbedTotal {
		bad("embeds hold %d characters, more than %d", total, limitEmbedTotal)
	}
	checkComponents(d.Components, bad)
}

func checkEmbed(i int, e *discordgo.MessageEmbed, bad func(string, ...any)) {
	where := place{format: "embed %d", n: 1, a: i}
	checkText(where.with(" title"), e.Title, 0, limitEmbedTitle, bad)
	checkText(where.with(" description"), e.Description, 0, limitEmbedDesc, bad)
	if e.URL != "" && webURL(e.URL) != e.URL {
		bad("%s url %q is not an absolute http(s) URL", where, e.URL)
	}
	if e.Footer != nil {
		checkText(where.with(" footer"), e.Footer.Text, 1, limitFooterText, bad)
	}
	if e.Author != nil {
		checkText(where.with(" author"), e.Author.Name, 1, limitAuthorName, bad)
	}
	if len(e.Fields) > limitEmbedFields {
		bad("%s has %d fields, more than %d", where, len(e.Fields), limitEmbedFields)
	}
	for j, f := range e.Fields {
		if f == nil {
			bad("%s field %d is nil", where, j)
			continue
		}
		checkText(place{format: "embed %d field %d name", n: 2, a: i, b: j}, f.Name, 1, limitFieldName, bad)
		checkText(place{format: "embed %d field %d value", n: 2, a: i, b: j}, f.Value, 1, limitFieldValue, bad)
	}
	if e.Title == "" && e.Description == "" && len(e.Fields) == 0 && e.Footer == nil && e.Author == nil {
		bad("%s is empty", where)
	}
}

func checkComponents(rows []discordgo.MessageComponent, bad func(string, ...any)) {
	if len(rows) > limitActionRows {
		bad("%d action rows, more than %d", len(rows), limitActionRows)
	}
	seen := make(map[string]bool)
	for i, c := range rows {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			if p, isPtr := c.(*discordgo.ActionsRow); isPtr && p != nil {
				row, ok = *p, true
			}
		}
		if !ok {
			bad("component %d is not an action row", i)
			continue
		}
		if n := len(row.Components); n == 0 || n > limitRowComponents {
			bad("action row %d holds %d components, want 1 to %d", i, n, limitRowComponents)
		}
		for j, c := range row.Components {
			b, ok := c.(discordgo.Button)
			if !ok {
				if p, isPtr := c.(*discordgo.Button); isPtr && p != nil {
					b, ok = *p, true
				}
			}
			if !ok {
				bad("component %d of row %d is not a button", j, i)
				continue
			}
			where := place{format: "button %d of row %d", n: 2, a: j, b: i}
			if b.Label == "" && b.Emoji == nil {
				bad("%s has no label", where)
			}
			checkText(where.with(" label"), b.Label, 0, limitButtonLabel, bad)
			if b.Style == discordgo.LinkButton {
				if webURL(b.URL) == "" || b.CustomID != "" {
					bad("%s links nowhere", where)
				}
				checkText(where.with(" url"), b.URL, 0, limitButtonURL, bad)
				continue
			}
			checkText(where.with(" custom_id"), b.CustomID, 1, limitCustomID, bad)
			if seen[b.CustomID] {
				bad("%s repeats custom_id %q", where, b.CustomID)
			}
			seen[b.CustomID] = true
		}
	}
}

func checkChoices(cs []*discordgo.ApplicationCommandOptionChoice, bad func(string, ...any)) {
	if cs == nil {
		bad("autocomplete choices are missing")
	}
	if len(cs) > limitChoices {
		bad("%d choices, more than %d", len(cs), limitChoices)
	}
	for i, c := range cs {
		if c == nil {
			bad("choice %d is nil", i)
			continue
		}
		checkText(place{format: "choice %d name", n: 1, a: i}, c.Name, 1, limitChoiceName, bad)
		switch v := c.Value.(type) {
		case string:
			checkText(place{format: "choice %d value", n: 1, a: i}, v, 1, limitChoiceValue, bad)
		case int, int64, float64:
		default:
			bad("choice %d value has type %T", i, c.Value)
		}
	}
}

// place names the part of a response a problem is in, such as "embed 0
// title". Its words are put together only to describe a problem, so that
// checking a valid response allocates nothing for them.
type place struct {
	format string // with n %d verbs, for a and then b
	n      int
	a, b   int
	suffix string // follows the formatted words
}

// with returns p with suffix added to its name.
func (p place) with(suffix string) place {
	p.suffix = suffix
	return p
}

func (p place) String() string {
	switch p.n {
	case 0:
		return p.format + p.suffix
	case 1:
		return fmt.Sprintf(p.format, p.a) + p.suffix
	}
	return fmt.Sprintf(p.format, p.a, p.b) + p.suffix
}

// checkText reports text that is not UTF-8 or whose length in characters is
// outside [min, max].
func checkText(what place, s string, min, max int, bad func(string, ...any)) {
	if !utf8.ValidString(s) {
		bad("%s is not valid UTF-8", what)
	}
	if n := runeLen(s); n < min || n > max {
		bad("%s is %d characters long, want %d to %d", what, n, min, max)
	}
}
