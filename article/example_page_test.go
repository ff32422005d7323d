package article_test

import (
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/article"
)

func ExampleParseHTML() {
	page := `<html><head>
<meta property="og:title" content="Library opens on Sundays">
<meta property="og:site_name" content="Northfield Gazette">
<meta name="author" content="Ada Lindqvist">
<meta property="article:published_time" content="2024-11-02T07:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<h1>Library opens on Sundays</h1>
<p>The central library will open on Sundays from December, the county said.</p>
<figure><img src="library.jpg"><figcaption>The reading room.</figcaption></figure>
<p>"Sunday is when families are free," said the head librarian, Grace Mbeki.</p>
<p>Read more: <a href="/hours">All opening hours</a></p>
</body></html>`
	a, err := article.ParseHTML(strings.NewReader(page), "https://gazette.example/library", "text/html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, by %s (%s, %s)\n%s\n", a.Meta.Title, a.Meta.Byline, a.Meta.Publication, a.Meta.Date, a.Meta.URL)
	for _, p := range a.Paragraphs {
		fmt.Printf("¶%d %s\n", p.N, p.Text)
	}
	// Output:
	// Library opens on Sundays, by Ada Lindqvist (Northfield Gazette, 2024-11-02)
	// https://gazette.example/library
	// ¶1 The central library will open on Sundays from December, the county said.
	// ¶2 "Sunday is when families are free," said the head librarian, Grace Mbeki.
}

func ExampleParseMarkdown() {
	md := `---
publication: Transit Weekly
---
# Tram line opens to the airport

The **new tram line** opened on *Monday*, [the authority said](https://transport.example/news).

- Trams run every ten minutes.
`
	a, err := article.ParseMarkdown(strings.NewReader(md))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Meta.Title, "·", a.Meta.Publication)
	for _, p := range a.Paragraphs {
		fmt.Printf("¶%d %s\n", p.N, p.Text)
	}
	// Output:
	// Tram line opens to the airport · Transit Weekly
	// ¶1 The new tram line opened on Monday, the authority said.
	// ¶2 Trams run every ten minutes.
}
