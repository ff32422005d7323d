package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/articlebot/articlebot/article"
)

const articleDetails = `Needs no token and no network, except to fetch an article given by URL.
Reads the article as run and serve would (from --article, ARTICLE_FILE or
ARTICLE_URL, else the embedded one) and prints its metadata and its numbered
paragraphs, the ¶N that answers cite, so that an extraction from a web page
can be checked before going live:
  articlebot article --article page.html
  articlebot article --article https://example.com/news/story.html --json
`

// articleJSON is what "articlebot article --json" prints.
type articleJSON struct {
	Title string `json:"title"`
	// Source is the publication, as the bot's footers name it.
	Source string `json:"source"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Byline string `json:"byline"`
	// ReadFrom is the file or URL the article was read from, or "" for
	// the embedded one.
	ReadFrom   string   `json:"read_from"`
	Paragraphs []string `json:"paragraphs"`
}

func articleFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, true)
	asJSON := fs.Bool("json", false, "print the article as a JSON object with title, source, url, date, byline and paragraphs")
	return func(ctx context.Context, args []string) error {
		if err := noArgs("article", args); err != nil {
			return err
		}
		cfg, a, err := c.setup(ctx, e, configNeeds{})
		if err != nil {
			return err
		}
		from := cfg.articleFile
		if cfg.articleURL != "" {
			from = redactURL(cfg.articleURL)
		}
		if *asJSON {
			out := articleJSON{
				Title: a.Meta.Title, Source: a.Meta.Publication, URL: a.Meta.URL, Date: a.Meta.Date,
				Byline: a.Meta.Byline, ReadFrom: from, Paragraphs: make([]string, len(a.Paragraphs)),
			}
			for i, p := range a.Paragraphs {
				out.Paragraphs[i] = p.Text
			}
			return writeJSON(e.stdout, out)
		}
		return writeArticle(e.stdout, a, from)
	}
}

// writeArticle prints the article's metadata, one field a line, then its
// paragraphs numbered as the bot cites them.
func writeArticle(w io.Writer, a *article.Article, from string) error {
	if from == "" {
		from = "the embedded article"
	}
	var b strings.Builder
	for _, f := range []struct{ name, value string }{
		{"Title", a.Meta.Title}, {"By", a.Meta.Byline}, {"Publication", a.Meta.Publication},
		{"Date", a.Meta.Date}, {"URL", a.Meta.URL}, {"Read from", from},
	} {
		if f.value != "" {
			fmt.Fprintf(&b, "%-12s %s\n", f.name+":", f.value)
		}
	}
	fmt.Fprintf(&b, "%d paragraphs, %d words\n", len(a.Paragraphs), a.WordCount())
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "\n¶%d %s\n", p.N, p.Text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
