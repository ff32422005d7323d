package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

func mustParse(t *testing.T, text string) *article.Article {
	t.Helper()
	a, err := article.Parse(strings.NewReader(text))
	if err != nil {
		t.Fatalf("article.Parse() = %v", err)
	}
	return a
}

func summaryOf(t *testing.T, a *article.Article) *discordgo.MessageEmbed {
	t.Helper()
	r := mustNew(a).Respond(context.Background(), slash("summary"))
	if err := checkResponse(r); err != nil {
		t.Fatalf("/summary breaks Discord's rules: %v", err)
	}
	if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags != 0 || len(r.Data.Embeds) != 1 {
		t.Fatalf("/summary = %s, want one public embed", PlainText(r))
	}
	return r.Data.Embeds[0]
}

func TestSummarySeed(t *testing.T) {
	a := article.Default()
	e := summaryOf(t, a)
	if e.Title != escape(a.Meta.Title) {
		t.Errorf("title = %q, want %q", e.Title, a.Meta.Title)
	}
	lines := strings.Split(e.Description, "\n")
	if len(lines) != len(a.Summary().Points) {
		t.Fatalf("description has %d lines, want one per point (%d): %q", len(lines), len(a.Summary().Points), e.Description)
	}
	for k, p := range a.Summary().Points {
		if want := "(" + citeList(p.Paragraphs) + ")"; !strings.HasSuffix(lines[k], want) {
			t.Errorf("point %d = %q, want it to end with %q", k+1, lines[k], want)
		}
	}
	want := fmt.Sprintf("%s, %s · %d paragraphs · %d words · summary written by an editor", a.Meta.Publication, a.Meta.Date, len(a.Paragraphs), a.WordCount())
	if e.Footer.Text != want {
		t.Errorf("footer = %q, want %q", e.Footer.Text, want)
	}
}

func TestSummaryMetadata(t *testing.T) {
	const body = "Officials met in Geneva on Monday to discuss the water treaty.\n\n" +
		"The talks ended without an agreement, the delegates said.\n"
	tests := []struct {
		name      string
		front     string
		title     string
		url       string
		footerHas string
	}{
		{"no metadata", "", fallbackTitle, "", "2 paragraphs"},
		{"markdown and mentions in the title", "title: \"**Talks** fail @everyone <@1>\"\nurl: https://news.example/talks\npublication: The *Daily*\n",
			`\*\*Talks\*\* fail @` + "\u200b" + `everyone \<@1\>`, "https://news.example/talks", "The *Daily*"},
		{"a URL Discord would reject", "title: Talks\nurl: not-a-url\n", "Talks", "", "2 paragraphs"},
		{"an editor's summary", "title: Talks\nsummary:\n  - text: The talks failed.\n    paragraphs: [2]\n", "Talks", "", "words · summary written by an editor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := body
			if tt.front != "" {
				text = "---\n" + tt.front + "---\n" + body
			}
			a := mustParse(t, text)
			e := summaryOf(t, a)
			if e.Title != tt.title {
				t.Errorf("title = %q, want %q", e.Title, tt.title)
			}
			if e.URL != tt.url {
				t.Errorf("url = %q, want %q", e.URL, tt.url)
			}
			if !strings.Contains(e.Footer.Text, tt.footerHas) {
				t.Errorf("footer = %q, want it to hold %q", e.Footer.Text, tt.footerHas)
			}
			if e.Description == "" {
				t.Error("the description is empty")
			}
		})
	}
}

// TestSummaryExtractive checks that a summary the engine wrote says so.
func TestSummaryExtractive(t *testing.T) {
	a := mustParse(t, strings.Repeat("The council approved the new budget after a long debate on Tuesday.\n\n", 1)+
		"Critics said the plan cut funding for libraries and parks across the city.\n\n"+
		"The mayor defended the budget as the only way to close a large deficit.\n\n"+
		"A final vote on the details is expected next month, officials said.\n")
	if !a.Summary().Extractive || len(a.Summary().Points) == 0 {
		t.Fatalf("Summary() = %+v, want an extractive summary", a.Summary())
	}
	e := summaryOf(t, a)
	if !strings.Contains(e.Footer.Text, "sentences chosen from the article") || strings.Contains(e.Footer.Text, "editor") {
		t.Errorf("footer = %q, want it to say the points are the article's sentences", e.Footer.Text)
	}
}

// TestBylineShown checks that the article's byline is shown by /summary, as
// the embed's author, and by /about, where markdown in it is escaped.
func TestBylineShown(t *testing.T) {
	a := mustParse(t, "---\ntitle: Talks fail\nbyline: Jane *Roe* and John Doe\n---\n"+
		"Officials met in Geneva on Monday to discuss the water treaty.\n")
	if e := summaryOf(t, a); e.Author == nil || e.Author.Name != "By Jane *Roe* and John Doe" {
		t.Errorf("/summary author = %+v, want By Jane *Roe* and John Doe", e.Author)
	}
	r := mustNew(a).Respond(context.Background(), slash("about"))
	if err := checkResponse(r); err != nil {
		t.Fatalf("/about breaks Discord's rules: %v", err)
	}
	if art, want := r.Data.Embeds[0].Fields[0].Value, `By Jane \*Roe\* and John Doe`; !strings.Contains(art, want) {
		t.Errorf("/about article field = %q, want it to hold %q", art, want)
	}

	if e := summaryOf(t, mustParse(t, "No byline here.\n")); e.Author != nil {
		t.Errorf("/summary author = %+v for an article with no byline, want none", e.Author)
	}
}
