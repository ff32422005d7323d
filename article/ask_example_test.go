package article_test

import (
	"errors"
	"fmt"

	"github.com/articlebot/articlebot/article"
)

func ExampleArticle_Ask() {
	a := article.Default()

	ans, err := a.Ask("who said Assad has to go?")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ans.Kind, "->", ans.Speaker.Name)
	for _, s := range ans.Sentences {
		fmt.Printf("¶%d %s\n", s.Paragraph, s.Text)
	}

	ans, _ = a.Ask("how many fighters were trained?")
	fmt.Printf("¶%d %s\n", ans.Sentences[0].Paragraph, ans.Sentences[0].Text)

	ans, _ = a.Ask("what is the capital of France?")
	fmt.Println("found:", ans.Found(), "missing:", ans.Missing)

	_, err = a.Ask("what is it?")
	var qe *article.InputError
	if errors.As(err, &qe) {
		fmt.Println(qe.Reason)
	}
	// Output:
	// who -> John Kerry
	// ¶2 Speaking after talks with British Foreign Secretary Philip Hammond in London on Saturday, US Secretary of State John Kerry said that Assad has to go but the timing of his removal should be decided through negotiation, Reuters reported.
	// ¶8 "For the last year and a half we have said Assad has to go, but how long and what the modality is ...that's a decision that has to be made in the context of the Geneva process and negotiation," the top US diplomat stated.
	// ¶14 “There was an almost panic in the Senate this week, as the administration testified that after spending tens of millions of dollars to train forces in Syria, they have trained precisely four or five fighters,” he added.
	// found: false missing: [capital france]
	// The question does not say what it is about. Name a person, a place, a thing or an event from the article, as in "who said …?" or "how many … were there?"
}
