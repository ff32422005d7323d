package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// hugeArticle returns a synthetic article built to overflow every part of
// an answer: a headline far over the embed title limit, a long editor's
// summary, dozens of speakers with long names and many long quotations
// full of markdown and mentions, a quotation running over several
// paragraphs, and one enormous paragraph.
func hugeArticle(t testing.TB) *article.Article {
	t.Helper()
	first := []string{"Alexandra", "Bartholomew", "Constance", "Dmitri", "Eleanor", "Florian", "Gwendolyn", "Hiroshi"}
	last := []string{"Vasquez-Montgomery", "Okonkwo", "Lindqvist", "Haddad", "Fitzgerald", "Nakamura"}
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", strings.Repeat("Ceasefire *talks* <@1> stall again as envoys trade blame ", 12))
	b.WriteString("publication: \"The **Daily** Chronicle of Exceptionally Long Names\"\ndate: \"2024-02-30\"\n")
	b.WriteString("url: https://news.example/very/long/path\nsummary:\n")
	for k := 0; k < 30; k++ {
		fmt.Fprintf(&b, "  - text: %q\n    paragraphs: [%d, %d, %d]\n",
			strings.Repeat("Envoys said the talks would resume @everyone and __soon__. ", 5), k+1, k+2, k+3)
	}
	b.WriteString("---\n")
	quote := strings.Repeat("We will not accept *any* proposal that ignores <@&42> the people of the valley, ", 8)
	n := 0
	for _, f := range first {
		for _, l := range last {
			title := "Deputy Minister for Exceptionally Long Portfolio Titles and Regional Cooperation"
			fmt.Fprintf(&b, "%s %s %s said on Monday that the ceasefire talks in Geneva had stalled.\n\n", title, f, l)
			for q := 0; q < 3; q++ {
				fmt.Fprintf(&b, "\"%s%d,\" %s said.\n\n", quote, q, l)
			}
			n++
		}
	}
	// One speaker quoted in many paragraphs, and a quotation running on.
	fmt.Fprintf(&b, "Spokeswoman Marguerite Delacroix-Oyelaran said the delegates would meet again.\n\n")
	for q := 0; q < 120; q++ {
		fmt.Fprintf(&b, "\"%s%d,\" Delacroix-Oyelaran said.\n\n", quote, q)
	}
	fmt.Fprintf(&b, "\"%s\n\n\"%s\n\n\"%s,\" Delacroix-Oyelaran added.\n\n", quote, quote, quote)
	b.WriteString(strings.Repeat("The ceasefire talks in Geneva continued through the night without agreement. ", 2500))
	b.WriteString("\n")
	a, err := article.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("article.Parse(huge article of %d bytes) = %v", b.Len(), err)
	}
	return a
}

// TestHugeArticle answers every command about the huge article, /quote for
// every speaker and /find over every page, and checks each answer against
// Discord's limits.
func TestHugeArticle(t *testing.T) {
	t.Parallel()
	a := hugeArticle(t)
	b := mustNew(a)
	ctx := context.Background()
	check := func(what string, r *discordgo.InteractionResponse) {
		t.Helper()
		if err := checkResponse(r); err != nil {
			t.Errorf("%s breaks Discord's rules: %v", what, err)
		}
	}
	for _, name := range []string{"summary", "about"} {
		r := b.Respond(ctx, slash(name))
		check("/"+name, r)
		if len(r.Data.Embeds) != 1 {
			t.Errorf("/%s = %s, want an embed", name, PlainText(r))
		}
	}

	if len(a.Speakers()) < 10 {
		t.Errorf("the huge article has %d speakers, want dozens", len(a.Speakers()))
	}
	for _, s := range a.Speakers() {
		r := b.Respond(ctx, slash("quote", opt("speaker", discordgo.ApplicationCommandOptionString, s.Name)))
		check("/quote "+s.Name, r)
		if r.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
			t.Errorf("/quote %q = %s, want the speaker", s.Name, PlainText(r))
		}
		prefix := string([]rune(s.Name)[:min(3, len([]rune(s.Name)))])
		check("autocomplete "+prefix, b.Respond(ctx, autocomplete("quote", &discordgo.ApplicationCommandInteractionDataOption{
			Name: "speaker", Type: discordgo.ApplicationCommandOptionString, Value: prefix, Focused: true,
		})))
	}
	ac := b.Respond(ctx, autocomplete("quote", &discordgo.ApplicationCommandInteractionDataOption{
		Name: "speaker", Type: discordgo.ApplicationCommandOptionString, Value: "", Focused: true,
	}))
	check("autocomplete of nothing", ac)
	if len(ac.Data.Choices) != min(limitChoices, len(a.Speakers())) {
		t.Errorf("autocomplete of nothing gave %d choices, want %d", len(ac.Data.Choices), min(limitChoices, len(a.Speakers())))
	}

	for _, q := range []string{"ceasefire", "proposal valley", `"talks in Geneva"`, "people"} {
		pages := findAll(t, b, q)
		res, _ := a.Search(q, article.Page{})
		if want := (len(res.Matches) + resultsPerPage - 1) / resultsPerPage; len(pages) != want {
			t.Errorf("/find %q has %d pages, want %d", q, len(pages), want)
		}
	}
}
