package article_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/article"
)

func ExampleParse() {
	text := `---
title: Library extends its hours
date: 2026-05-01
---
The city library will stay open until midnight during the exam season, the
board decided on Thursday.

"Students have nowhere quiet to work late," said Tomas Berg, who organized
a petition. "This changes that."
`
	a, err := article.Parse(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Meta.Title, a.Meta.Date)
	for _, p := range a.Paragraphs {
		fmt.Printf("¶%d has %d sentence(s): %s\n", p.N, len(p.Sentences), p.Text)
	}
	// Output:
	// Library extends its hours 2026-05-01
	// ¶1 has 1 sentence(s): The city library will stay open until midnight during the exam season, the board decided on Thursday.
	// ¶2 has 2 sentence(s): "Students have nowhere quiet to work late," said Tomas Berg, who organized a petition. "This changes that."
}

// Bad input gives an error that says what is wrong, wrapping one of the
// package's errors.
func ExampleParse_error() {
	_, err := article.Parse(strings.NewReader("---\ntitel: A misspelt key\n---\nText.\n"))
	fmt.Println(errors.Is(err, article.ErrFrontMatter))
	fmt.Println(err)

	_, err = article.Parse(strings.NewReader("Caf\xe9 society"))
	fmt.Println(errors.Is(err, article.ErrNotUTF8))
	fmt.Println(err)
	// Output:
	// true
	// the article's metadata is not valid in the front matter: line 2: unknown key titel (the keys are title, byline, publication, url, date and summary; a summary point has text and paragraphs)
	// true
	// the article is not UTF-8 text: the byte 0xe9 at offset 3 (line 1) is not valid UTF-8; if the file is in Windows-1252 or Latin-1, convert it to UTF-8 with "iconv -f WINDOWS-1252 -t UTF-8 article.txt > article-utf8.txt"
}

// Load reads the metadata of an article without front matter from the
// .yaml file beside it.
func ExampleLoad() {
	a, err := article.Load("testdata/load/sidecar.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q from %s, %d paragraphs\n", a.Meta.Title, a.Meta.Publication, len(a.Paragraphs))
	for _, p := range a.Summary().Points {
		fmt.Println(p.Text, p.Paragraphs)
	}
	// Output:
	// "Town cinema to close" from The Example Courier, 2 paragraphs
	// The town's cinema closes this month because too few tickets sell. [1 2]
}

// An article without an editor's summary gets an extractive one: some of
// its own sentences, in order, each citing its paragraph.
func ExampleArticle_Summary() {
	text := `Dock workers at the port of Westhaven extended their strike into a second week on Monday, leaving hundreds of containers waiting to be unloaded.
"We are not going back until the company talks to us," said Ana Lima, a union organizer.
They want a 9 percent raise over two years and limits on night shifts.
The port's operator said it had offered 5 percent and was ready to resume talks on Wednesday.
Retailers warned that some shops could run short of imported goods before the end of the month.
Will the government step in? Ministers have so far declined to comment.
`
	a, err := article.Parse(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	sum := a.Summary()
	fmt.Println("extractive:", sum.Extractive)
	for _, p := range sum.Points {
		fmt.Printf("¶%d %s\n", p.Paragraphs[0], p.Text)
	}
	// Output:
	// extractive: true
	// ¶1 Dock workers at the port of Westhaven extended their strike into a second week on Monday, leaving hundreds of containers waiting to be unloaded.
	// ¶4 The port's operator said it had offered 5 percent and was ready to resume talks on Wednesday.
	// ¶5 Retailers warned that some shops could run short of imported goods before the end of the month.
}

// The embedded article comes with an editor's summary.
func ExampleDefault() {
	a := article.Default()
	fmt.Println(len(a.Paragraphs), "paragraphs")
	p, _ := a.Paragraph(10)
	fmt.Println(p.Text)
	sum := a.Summary()
	fmt.Println(sum.Extractive, len(sum.Points), "points; the first cites", sum.Points[0].Paragraphs)
	// Output:
	// 15 paragraphs
	// 'US policy in Syria hits dead end'
	// false 5 points; the first cites [1 2 8 9]
}

func ExampleFold() {
	fmt.Println(article.Fold("Zürich’s U.S. Office"))
	// Output: zurich's us office
}
