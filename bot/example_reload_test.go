package bot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
)

// A reload replaces the article the bot answers from; one that fails
// leaves the bot answering from the article it had.
func ExampleBot_Reload() {
	parse := func(text string) func(context.Context) (*article.Article, error) {
		return func(context.Context) (*article.Article, error) { return article.Parse(strings.NewReader(text)) }
	}
	first, err := article.Parse(strings.NewReader("---\ntitle: Pool to open in May\n---\nThe town pool opens on 1 May.\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := bot.New(first)
	if err != nil {
		fmt.Println(err)
		return
	}

	r, err := b.Reload(context.Background(), parse("---\ntitle: Pool to open in June\n---\nThe town pool opens on 1 June.\nTickets go on sale in May.\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q, %d paragraph(s) -> %q, %d paragraph(s); same article: %v\n",
		r.Before.Meta.Title, len(r.Before.Paragraphs), r.After.Meta.Title, len(r.After.Paragraphs), r.Same())

	_, err = b.Reload(context.Background(), func(context.Context) (*article.Article, error) {
		return nil, errors.New("the article file is empty")
	})
	fmt.Println("refused:", err)
	fmt.Printf("answering from %q; fingerprint unchanged: %v\n", b.Article().Meta.Title, b.Fingerprint() == r.AfterFingerprint)
	// Output:
	// "Pool to open in May", 1 paragraph(s) -> "Pool to open in June", 2 paragraph(s); same article: false
	// refused: the article file is empty
	// answering from "Pool to open in June"; fingerprint unchanged: true
}
