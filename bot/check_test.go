package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// validEmbed returns a small embed that Discord accepts.
func validEmbed() *discordgo.MessageEmbed {
	return &discordgo.MessageEmbed{
		Title:       "Title",
		Description: "Description",
		Fields:      []*discordgo.MessageEmbedField{{Name: "¶1", Value: "text"}},
		Footer:      &discordgo.MessageEmbedFooter{Text: "footer"},
	}
}

func button(id string) discordgo.Button {
	return discordgo.Button{Label: "Next", Style: discordgo.PrimaryButton, CustomID: id}
}

func TestCheckResponseAccepts(t *testing.T) {
	tests := []struct {
		name string
		r    *discordgo.InteractionResponse
	}{
		{"pong", &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}},
		{"ephemeral", ephemeral("hello")},
		{"embed with buttons", message([]*discordgo.MessageEmbed{validEmbed()},
			[]discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{button("a"), button("b")}}})},
		{"update", update([]*discordgo.MessageEmbed{validEmbed()}, nil)},
		{"empty choices", choices(nil)},
		{"choices", choices([]*discordgo.ApplicationCommandOptionChoice{{Name: "John Kerry — 4 quotes", Value: "John Kerry"}})},
		{"content at the limit", ephemeral(strings.Repeat("x", limitContent))},
		{"link button", message([]*discordgo.MessageEmbed{validEmbed()}, []discordgo.MessageComponent{discordgo.ActionsRow{
			Components: []discordgo.MessageComponent{discordgo.Button{Label: "Read it", Style: discordgo.LinkButton, URL: "https://news.example/a"}},
		}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := checkResponse(tt.r); err != nil {
				t.Errorf("checkResponse(%s) = %v, want nil", tt.name, err)
			}
		})
	}
}

func TestCheckResponseRejects(t *testing.T) {
	withEmbed := func(f func(e *discordgo.MessageEmbed)) *discordgo.InteractionResponse {
		e := validEmbed()
		f(e)
		return message([]*discordgo.MessageEmbed{e}, nil)
	}
	withData := func(f func(d *discordgo.InteractionResponseData)) *discordgo.InteractionResponse {
		r := message([]*discordgo.MessageEmbed{validEmbed()}, nil)
		f(r.Data)
		return r
	}
	row := func(cs ...discordgo.MessageComponent) discordgo.ActionsRow {
		return discordgo.ActionsRow{Components: cs}
	}
	manyChoices := make([]*discordgo.ApplicationCommandOptionChoice, limitChoices+1)
	for k := range manyChoices {
		manyChoices[k] = &discordgo.ApplicationCommandOptionChoice{Name: "n", Value: "v"}
	}
	tests := []struct {
		name string
		r    *discordgo.InteractionResponse
		want string // part of the error
	}{
		{"nil", nil, "no response"},
		{"unknown type", &discordgo.InteractionResponse{Type: 42}, "type 42"},
		{"message without data", &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource}, "no data"},
		{"no allowed mentions", withData(func(d *discordgo.InteractionResponseData) { d.AllowedMentions = nil }), "allowed_mentions"},
		{"mentions allowed", withData(func(d *discordgo.InteractionResponseData) {
			d.AllowedMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeEveryone}}
		}), "allowed_mentions"},
		{"users allowed", withData(func(d *discordgo.InteractionResponseData) {
			d.AllowedMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, Users: []string{"1"}}
		}), "allowed_mentions"},
		{"content too long", withData(func(d *discordgo.InteractionResponseData) { d.Content = strings.Repeat("x", limitContent+1) }), "content"},
		{"empty message", message(nil, nil), "content or an embed"},
		{"too many embeds", message(make11Embeds(), nil), "embeds"},
		{"title too long", withEmbed(func(e *discordgo.MessageEmbed) { e.Title = strings.Repeat("t", limitEmbedTitle+1) }), "title"},
		{"description too long", withEmbed(func(e *discordgo.MessageEmbed) { e.Description = strings.Repeat("d", limitEmbedDesc+1) }), "description"},
		{"empty field value", withEmbed(func(e *discordgo.MessageEmbed) { e.Fields[0].Value = "" }), "field 0 value"},
		{"field value too long", withEmbed(func(e *discordgo.MessageEmbed) { e.Fields[0].Value = strings.Repeat("v", limitFieldValue+1) }), "field 0 value"},
		{"field name too long", withEmbed(func(e *discordgo.MessageEmbed) { e.Fields[0].Name = strings.Repeat("n", limitFieldName+1) }), "field 0 name"},
		{"too many fields", withEmbed(func(e *discordgo.MessageEmbed) {
			for len(e.Fields) <= limitEmbedFields {
				e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "n", Value: "v"})
			}
		}), "fields"},
		{"footer too long", withEmbed(func(e *discordgo.MessageEmbed) { e.Footer.Text = strings.Repeat("f", limitFooterText+1) }), "footer"},
		{"author too long", withEmbed(func(e *discordgo.MessageEmbed) {
			e.Author = &discordgo.MessageEmbedAuthor{Name: strings.Repeat("a", limitAuthorName+1)}
		}), "author"},
		{"bad url", withEmbed(func(e *discordgo.MessageEmbed) { e.URL = "not a url" }), "url"},
		{"over 6000 in all", withEmbed(func(e *discordgo.MessageEmbed) {
			e.Description = strings.Repeat("d", limitEmbedDesc)
			for k := 0; k < 3; k++ {
				e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "n", Value: strings.Repeat("v", limitFieldValue)})
			}
		}), "6000"},
		{"counted in characters", withEmbed(func(e *discordgo.MessageEmbed) { e.Title = strings.Repeat("¶", limitEmbedTitle+1) }), "title"},
		{"custom_id too long", withData(func(d *discordgo.InteractionResponseData) {
			d.Components = []discordgo.MessageComponent{row(button(strings.Repeat("c", limitCustomID+1)))}
		}), "custom_id"},
		{"empty custom_id", withData(func(d *discordgo.InteractionResponseData) {
			d.Components = []discordgo.MessageComponent{row(button(""))}
		}), "custom_id"},
		{"repeated custom_id", withData(func(d *discordgo.InteractionResponseData) {
			d.Components = []discordgo.MessageComponent{row(button("x"), button("x"))}
		}), "repeats"},
		{"six buttons in a row", withData(func(d *discordgo.InteractionResponseData) {
			d.Components = []discordgo.MessageComponent{row(button("1"), button("2"), button("3"), button("4"), button("5"), button("6"))}
		}), "row 0"},
		{"label too long", withData(func(d *discordgo.InteractionResponseData) {
			b := button("x")
			b.Label = strings.Repeat("l", limitButtonLabel+1)
			d.Components = []discordgo.MessageComponent{row(b)}
		}), "label"},
		{"link button url too long", withData(func(d *discordgo.InteractionResponseData) {
			link := discordgo.Button{Label: "Read it", Style: discordgo.LinkButton, URL: "https://news.example/" + strings.Repeat("a", limitButtonURL)}
			d.Components = []discordgo.MessageComponent{row(link)}
		}), "url"},
		{"embed url too long", withEmbed(func(e *discordgo.MessageEmbed) {
			e.URL = "https://news.example/" + strings.Repeat("a", limitEmbedURL)
		}), "url"},
		{"a button outside a row", withData(func(d *discordgo.InteractionResponseData) {
			d.Components = []discordgo.MessageComponent{button("x")}
		}), "not an action row"},
		{"choices missing", &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{},
		}, "missing"},
		{"too many choices", choices(manyChoices), "choices"},
		{"choice name too long", choices([]*discordgo.ApplicationCommandOptionChoice{{Name: strings.Repeat("n", limitChoiceName+1), Value: "v"}}), "choice 0 name"},
		{"empty choice value", choices([]*discordgo.ApplicationCommandOptionChoice{{Name: "n", Value: ""}}), "choice 0 value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkResponse(tt.r)
			if err == nil {
				t.Fatalf("checkResponse(%s) = nil, want an error mentioning %q", tt.name, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("checkResponse(%s) = %v, want an error mentioning %q", tt.name, err, tt.want)
			}
		})
	}
}

func make11Embeds() []*discordgo.MessageEmbed {
	es := make([]*discordgo.MessageEmbed, limitEmbeds+1)
	for k := range es {
		es[k] = &discordgo.MessageEmbed{Title: "t"}
	}
	return es
}
