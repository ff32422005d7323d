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
		example := "Example: `" + c.example + "`"
		if c.def.Type == discordgo.MessageApplicationCommand {
			// Where to find a message command is no text to type.
			example = "Where: " + escape(c.example)
		}
		if f.Name != name || !strings.Contains(f.Value, example) {
			t.Errorf("/about field %q = %q, want %s with %q", f.Name, f.Value, name, example)
		}
		if strings.HasPrefix(f.Value, "Example:") || strings.HasPrefix(f.Value, "Where:") {
			t.Errorf("/about field %q = %q, want a description before the example", f.Name, f.Value)
		}
	}
}

// TestAboutSaysWhoseWordsTheSummaryIs checks that /about promises only the
// article's words when the summary is made of them, and names an editor's
// summary as such.
func TestAboutSaysWhoseWordsTheSummaryIs(t *testing.T) {
	const body = "The council approved the new budget after a long debate on Tuesday.\n\n" +
		"Critics said the plan cut funding for libraries and parks across the city.\n\n" +
		"The mayor defended the budget as the only way to close a large deficit.\n"
	tests := []struct {
		name        string
		text        string
		want        []string
		wantMissing string
	}{
		{"extractive summary", body,
			[]string{"I add nothing that isn't in the article.", "The points are sentences chosen from the article."}, "editor"},
		{"editor's summary", "---\nsummary:\n  - text: The budget passed.\n    paragraphs: [1]\n---\n" + body,
			[]string{"/summary, which shows a summary an editor wrote", "Its points were written by an editor"}, "I add nothing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := mustNew(mustParse(t, tc.text)).Respond(context.Background(), slash("about"))
			if err := checkResponse(r); err != nil {
				t.Fatalf("/about breaks Discord's rules: %v", err)
			}
			text := PlainText(r)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("/about = %s\nwant it to hold %q", text, w)
				}
			}
			if strings.Contains(text, tc.wantMissing) {
				t.Errorf("/about = %s\nwant it not to hold %q", text, tc.wantMissing)
			}
		})
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
		"Quote this\n", "Where: Apps → Quote this, on any message"} {
		if !strings.Contains(text, want) {
			t.Errorf("/about = %s\nwant it to hold %q", text, want)
		}
	}
}

// TestAboutCountsUnattributedQuotations checks that /about says how many
// quotations the engine could give no speaker, and says nothing of them in
// an article where every quotation has one.
func TestAboutCountsUnattributedQuotations(t *testing.T) {
	const body = "The square filled up long before noon on Saturday.\n\n" +
		"\"We are not going home until they listen to us.\"\n\n" +
		"\"The bridge will open in May,\" said Mayor Jo Park.\n"
	a := mustParse(t, body)
	if n := len(a.Unattributed()); n != 1 {
		t.Fatalf("the test article has %d unattributed quotations, want 1", n)
	}
	art := mustNew(a).Respond(context.Background(), slash("about")).Data.Embeds[0].Fields[0].Value
	if want := "1 quotation whose speaker is unclear"; !strings.Contains(art, want) {
		t.Errorf("/about article field = %q, want it to hold %q", art, want)
	}
	seed := mustNew(article.Default()).Respond(context.Background(), slash("about")).Data.Embeds[0].Fields[0].Value
	if strings.Contains(seed, "unclear") {
		t.Errorf("/about of the seed = %q, which attributes every quotation", seed)
	}
}

// TestAboutCountsAnUnattributedQuotationOnce checks that /about counts a
// quotation with no clear speaker once when it runs on over two
// paragraphs, as the gauge and the start-up log do.
func TestAboutCountsAnUnattributedQuotationOnce(t *testing.T) {
	const body = "The square filled up long before noon on Saturday.\n\n" +
		"\"We are not going home until they listen to us.\n\n" +
		"\"And they will listen, sooner or later.\"\n\n" +
		"\"The bridge will open in May,\" said Mayor Jo Park.\n"
	a := mustParse(t, body)
	if n := len(a.Unattributed()); n != 2 {
		t.Fatalf("the test article has %d unattributed quotes, want 2 (one quotation over two paragraphs)", n)
	}
	if n := article.Utterances(a.Unattributed()); n != 1 {
		t.Fatalf("article.Utterances(unattributed) = %d, want 1", n)
	}
	art := mustNew(a).Respond(context.Background(), slash("about")).Data.Embeds[0].Fields[0].Value
	if want := "1 quotation whose speaker is unclear"; !strings.Contains(art, want) {
		t.Errorf("/about article field = %q, want it to hold %q", art, want)
	}
}
