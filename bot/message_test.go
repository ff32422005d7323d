package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

func TestMessageQuery(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"plain", "did Russia deploy tanks?", "did Russia deploy tanks"},
		{"mentions", "<@123> <@!456> <@&789> <#1011> hey Kerry", "hey Kerry"},
		{"everyone and here", "@everyone @here Latakia", "Latakia"},
		{"custom emoji", "<:pepe:1234567890> <a:wave:987654321> Assad", "Assad"},
		{"timestamp and slash command", "<t:1700000000:R> </find:123456> Geneva", "Geneva"},
		{"links", "see https://example.com/a?b=c and <https://x.org/y> for Hammond", "see and for Hammond"},
		{"masked link", "[the story](https://example.com/story) about Kerry", "the story about Kerry"},
		{"markdown", "**bold** __under__ ~~gone~~ `code` ||spoiler|| > quote", "bold under gone code spoiler quote"},
		{"heading and list", "# Title\n- item one\n1. item two", "Title item one 1 item two"},
		{"code block", "```go\nfmt.Println(\"Syria\")\n```", "fmt.Println Syria"},
		{"quotation marks", `"dead end" and “policy”`, "dead end and policy"},
		{"punctuation only words", "?! ... -- Kerry's !!!", "Kerry's"},
		{"empty", "", ""},
		{"nothing meaningful", "<@1> https://a.b :) !!", ""},
		{"line breaks", "Russia\n\nIran\tTurkey", "Russia Iran Turkey"},
		{"long", strings.Repeat("negotiation ", 20), strings.TrimSpace(strings.Repeat("negotiation ", 8))},
		{"one huge word", strings.Repeat("a", 150), strings.Repeat("a", findQueryMax)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := messageQuery(tt.text)
			if got != tt.want {
				t.Errorf("messageQuery(%q) = %q, want %q", tt.text, got, tt.want)
			}
			if runeLen(got) > findQueryMax {
				t.Errorf("messageQuery(%q) is %d characters, more than %d", tt.text, runeLen(got), findQueryMax)
			}
		})
	}
}

// messageCommand returns the interaction Discord sends when "Find in
// article" is used on msg.
func messageCommand(msg *discordgo.Message) *discordgo.Interaction {
	data := discordgo.ApplicationCommandInteractionData{
		Name:        findInArticleName,
		CommandType: discordgo.MessageApplicationCommand,
	}
	if msg != nil {
		data.TargetID = msg.ID
		data.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{
			Messages: map[string]*discordgo.Message{msg.ID: msg},
		}
	}
	return &discordgo.Interaction{ID: "7", Type: discordgo.InteractionApplicationCommand, Data: data, Token: "secret"}
}

func TestFindInArticle(t *testing.T) {
	b := mustNew(article.Default())
	tests := []struct {
		name      string
		i         *discordgo.Interaction
		want      string
		ephemeral bool
	}{
		{"message", messageCommand(&discordgo.Message{ID: "10", Content: "<@1> what about **Latakia**?"}), "Find: what about Latakia", false},
		{"embed only", messageCommand(&discordgo.Message{ID: "11", Embeds: []*discordgo.MessageEmbed{{Title: "Pentagon", Description: "contacts"}}}), "Find: Pentagon contacts", false},
		{"no resolved message", messageCommand(nil), "didn't send me that message", true},
		{"another message resolved", func() *discordgo.Interaction {
			i := messageCommand(&discordgo.Message{ID: "12", Content: "Kerry"})
			d := i.Data.(discordgo.ApplicationCommandInteractionData)
			d.TargetID = "13"
			i.Data = d
			return i
		}(), "didn't send me that message", true},
		{"nothing to search", messageCommand(&discordgo.Message{ID: "14", Content: "<@1> https://example.com"}), "no words to search for", true},
		{"stop words only", messageCommand(&discordgo.Message{ID: "15", Content: "and the of"}), "too common", true},
		{"no match", messageCommand(&discordgo.Message{ID: "16", Content: "latakya"}), "latakia", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			b.cfg.observer = rec
			r := b.Respond(context.Background(), tt.i)
			if err := checkResponse(r); err != nil {
				t.Fatalf("the answer breaks Discord's rules: %v", err)
			}
			if got := r.Data.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("Find in article (%s) ephemeral = %v, want %v: %s", tt.name, got, tt.ephemeral, PlainText(r))
			}
			if text := PlainText(r); !strings.Contains(text, tt.want) {
				t.Errorf("Find in article (%s) = %s, want it to hold %q", tt.name, text, tt.want)
			}
			if got := rec.last(t); got.Command != findInArticleName || got.Result == resultInternal {
				t.Errorf("Find in article (%s) outcome = %+v, want the command named and no internal error", tt.name, got)
			}
		})
	}
}

// TestFindInArticlePages follows the Next buttons of a message command's
// answer to the last page, with /find's own pagination.
func TestFindInArticlePages(t *testing.T) {
	b := mustNew(article.Default())
	r := b.Respond(context.Background(), messageCommand(&discordgo.Message{ID: "20", Content: "Is Russia really in Syria?"}))
	seen := 1
	for {
		ids := buttonIDs(r)
		if len(ids) != 2 {
			t.Fatalf("page %d has buttons %q, want Previous and Next", seen, ids)
		}
		next := r.Data.Components[0].(discordgo.ActionsRow).Components[1].(discordgo.Button)
		if next.Disabled {
			break
		}
		r = b.Respond(context.Background(), click(next.CustomID))
		if err := checkResponse(r); err != nil {
			t.Fatalf("page %d breaks Discord's rules: %v", seen+1, err)
		}
		if r.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("turning to page %d answered type %d, want UPDATE_MESSAGE", seen+1, r.Type)
		}
		seen++
		if seen > 20 {
			t.Fatal("more than 20 pages")
		}
	}
	want, _ := article.Default().Search("Is Russia really in Syria", article.Page{})
	if pages := (len(want.Matches) + resultsPerPage - 1) / resultsPerPage; seen != pages {
		t.Errorf("turned %d pages, want %d", seen, pages)
	}
}

// TestFindInArticleDefinition checks the message command's definition:
// type 3, a name Discord shows in the Apps menu, and no description.
func TestFindInArticleDefinition(t *testing.T) {
	b := mustNew(article.Default())
	c := b.reg.lookup(discordgo.MessageApplicationCommand, findInArticleName)
	if c == nil {
		t.Fatalf("the registry has no message command %q", findInArticleName)
	}
	if c.def.Description != "" || len(c.def.Options) != 0 {
		t.Errorf("%q has description %q and %d options, want neither", c.def.Name, c.def.Description, len(c.def.Options))
	}
	if b.reg.lookup(discordgo.ChatApplicationCommand, findInArticleName) != nil {
		t.Errorf("%q is also a slash command", findInArticleName)
	}
	if b.reg.lookup(discordgo.ChatApplicationCommand, "ask") == nil {
		t.Error("the registry has no /ask")
	}
}
