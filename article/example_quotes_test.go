package article_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/article"
)

func ExampleArticle_Speaker() {
	a := article.Default()

	// Lookup ignores case and forgives a small typo.
	kerry, err := a.Speaker("kery")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, %s\n", kerry.Name, kerry.Description)
	for _, q := range kerry.Quotes {
		fmt.Printf("¶%d %s: %.45s…\n", q.Paragraph, q.Kind, q.Text)
	}
	for _, q := range kerry.Reported {
		fmt.Printf("¶%d %s: %.45s…\n", q.Paragraph, q.Kind, q.Text)
	}

	// A partial quote inside reported speech, by an unnamed source.
	officials, _ := a.Speaker("US officials")
	q := officials.Quotes[0]
	fmt.Printf("¶%d %s (partial %v, named source %v): %q\n", q.Paragraph, officials.Name, q.Partial, officials.Named, q.Text)

	// A name nobody in the article has: the error says so, and lists the
	// speakers there are.
	_, err = a.Speaker("Lavrov")
	var ie *article.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Reason)
		fmt.Println("speakers:", strings.Join(ie.Speakers, "; "))
	}
	// Output:
	// John Kerry, US Secretary of State
	// ¶4 direct: We need to get to the negotiation. That is wh…
	// ¶5 direct: We're prepared to negotiate. Is Assad prepare…
	// ¶8 direct: For the last year and a half we have said Ass…
	// ¶9 direct: It doesn't have to be on day one or month one…
	// ¶2 reported: Assad has to go but the timing of his removal…
	// ¶3 reported: called on Russia and Iran to use their influe…
	// ¶6 US officials (partial true, named source false): "an imminent enhanced Russian military buildup"
	// The article quotes nobody called “Lavrov”.
	// speakers: John Kerry; James George Jatras; US officials; the United States; US military official; the Pentagon; American foreign policy analyst
}

func ExampleArticle_Person() {
	a := article.Default()

	// Someone the article quotes: the person has a Speaker.
	p, err := a.Person("Secretary Kerry")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d direct quotes, named in ¶%v\n", p.Name, len(p.Speaker.Quotes), p.Paragraphs())

	// Someone it names but never quotes: no Speaker, and where it names
	// them. This is how "what did Hammond say?" is answered honestly.
	p, _ = a.Person("Philip Hammond")
	if p.Speaker == nil {
		m := p.Mentions[0]
		text := a.Paragraphs[m.Paragraph-1].Text
		fmt.Printf("%s is not quoted; ¶%d names %q\n", p.Name, m.Paragraph, text[m.Span.Start:m.Span.End])
	}
	// Output:
	// John Kerry: 4 direct quotes, named in ¶[2 3]
	// Philip Hammond is not quoted; ¶2 names "British Foreign Secretary Philip Hammond"
}
