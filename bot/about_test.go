package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

func TestAbout(t *testing.T) {
	a := article.Default()
	b := mustNew(a)
	r := b.Respond(context.Background(), slash("about"))
	if err := checkResponse(r); err != nil {
		t.Fatalf("/about breaks Discord's rules: %v", err)
	}
	e := r.Data.Embeds[0]
	art := e.Fields[0].Value
	for _, want := range []string{
		escape(a.Meta.Title), a.Meta.Publication, a.Meta.Date,
		fmt.Sprintf("%d paragraphs", len(a.Paragraphs)),
		plural(len(a.Speakers()), "speaker", "speakers") + " · ",
	} {
		if !strings.Contains(art, want) {
			t.Errorf("/about article field = %q, want it to hold %q", art, want)
		}
	}
	if got, want := len(e.Fields)-1, len(b.Commands()); got != want {
		t.Errorf("/about describes %d commands, want %d", got, want)
	}
	for k, c := range b.reg.cmds {
		f := e.Fields[k+1]
		name := c.def.Name
		if c.def.Type == discordgo.ChatApplicationCommand {
			name = "/" + name
		}
		if f.Name != name || !strings.Contains(f.Value, "Example: `"+c.example+"`") {
			t.Errorf("/about field %q = %q, want %s with its example %q", f.Name, f.Value, name, c.example)
		}
	}
}

// TestAboutListsNewCommands checks that /about is built from the registry:
// a command added to it appears without any change to /about.
func TestAboutListsNewCommands(t *testing.T) {
	b := mustNew(article.Default())
	run := func(context.Context, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		return ephemeral("ok"), nil
	}
	msgCmd := &command{
		def:     &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: "Quote this"},
		run:     run,
		example: "Apps → Quote this, on any message",
	}
	ask := &command{def: slashCommand("define", "Define a word of the article."), run: run, example: "/define word:who is `x`?"}
	if err := b.register(append(b.builtins(), ask, msgCmd)...); err != nil {
		t.Fatal(err)
	}
	r := b.Respond(context.Background(), slash("about"))
	if err := checkResponse(r); err != nil {
		t.Fatalf("/about breaks Discord's rules: %v", err)
	}
	text := PlainText(r)
	for _, want := range []string{"/define\n", "Define a word of the article.", "Example: `/define word:who is 'x'?`",
		"Quote this\n", "Example: `Apps → Quote this, on any message`"} {
		if !strings.Contains(text, want) {
			t.Errorf("/about = %s\nwant it to hold %q", text, want)
		}
	}
}
