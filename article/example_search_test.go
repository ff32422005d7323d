package article_test

import (
	"errors"
	"fmt"

	"github.com/articlebot/articlebot/article"
)

func ExampleArticle_Search() {
	a := article.Default()

	res, err := a.Search(`negotiation "Geneva process"`, article.Page{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range res.Matches {
		p, _ := a.Paragraph(m.Paragraph)
		fmt.Printf("¶%d (%d of 2 terms):", m.Paragraph, m.Terms)
		for _, s := range m.Spans {
			fmt.Printf(" %q", p.Text[s.Start:s.End])
		}
		fmt.Println()
	}

	res, _ = a.Search("latakya", article.Page{})
	fmt.Println("no match; did you mean", res.Suggestions)

	_, err = a.Search("the", article.Page{})
	var qe *article.InputError
	if errors.As(err, &qe) {
		fmt.Println(qe.Reason)
	}
	// Output:
	// ¶8 (2 of 2 terms): "Geneva process" "negotiation"
	// ¶5 (1 of 2 terms): "negotiate" "negotiate" "negotiate"
	// ¶2 (1 of 2 terms): "negotiation"
	// ¶4 (1 of 2 terms): "negotiation"
	// no match; did you mean [latakia]
	// "the" is too common to search for on its own. Add a more specific word, such as a name, a place or a topic, or put an exact phrase in double quotes.
}
