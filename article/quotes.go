package article

import (
	"fmt"
	"strings"

	"github.com/articlebot/articlebot/article/internal/quote"
	"github.com/articlebot/articlebot/article/internal/text"
)

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
	// For a quotation its attribution splits, it runs from the first part
	// to the end of the last.
	Span Span
	// Text is the quoted words, or the reported clause. For a quotation
	// its attribution splits (`"A," she said. "B."`), it is the parts
	// joined by " … ": one utterance, counted once.
	Text string
	// Parts holds the text of each part of a quotation its attribution
	// splits, in order; it is nil for a quotation in one piece.
	Parts []string
	// Partial marks words quoted inside a sentence of the article's own,
	// such as reported speech (US officials claim that Russia is engaged in
	// "an imminent enhanced Russian military buildup"), rather than a
	// statement quoted whole.
	Partial bool
	// Continued marks a quotation running on from the previous paragraph.
	Continued bool
}

// Speaker is someone, or some body, the article quotes or reports.
type Speaker struct {
	// Name is the canonical name: the fullest form of a person's name in
	// the text ("John Kerry", "James George Jatras"), the name of a body as
	// written ("the Pentagon", "Reuters"), or for an unnamed source its
	// description without an indefinite article ("US military official",
	// "US officials").
	Name string
	// Aliases are the ways the text refers to the speaker, the Name first:
	// a person's full name ("John Kerry") and surname ("Kerry"), other
	// forms of the name, titles ("US Secretary of State", "Mrs Pike") and the
	// descriptions that refer to the speaker ("the top US diplomat", "the
	// analyst").
	Aliases []string
	// Description is a short description from the title before the name
	// ("US Secretary of State") or else from an appositive beside it
	// ("former US diplomat and adviser to the Senate Republican
	// leadership"); it may be empty.
	Description string
	// Named reports whether the speaker is named: a person, or a body
	// named by a proper name such as "the Pentagon" or "Reuters". It is
	// false for unnamed sources ("US officials", "a spokesman for the
	// company", "the ministry").
	Named bool
	// SpeaksFor is the body the speaker speaks for, when the article
	// says so: "Brightwater Energy" for "a Brightwater spokesman" in an
	// article that names Brightwater Energy, "Hull City Council" for "a
	// spokeswoman for Hull City Council". It is the name of a member of
	// the cast ([Article.Cast]) when one goes by the words the article
	// uses, else those words; "" for everyone else.
	SpeaksFor string
	// Quotes holds the speaker's direct quotes in document order.
	Quotes []Quote
	// Reported holds the speaker's reported statements in document order.
	Reported []Quote

	keys []speakerKey // folded names for lookup, computed once
}

// splitMark joins the parts of a quotation its attribution splits.
const splitMark = " … "

// Quotes returns every direct quote and reported statement in document order.
func (a *Article) Quotes() []Quote { return a.quotes }

// Unattributed returns the direct quotations whose speaker the engine
// cannot tell, in document order, each with a nil Speaker: someone's
// words, in quotation marks and read as speech, but neither their sentence
// nor the text around them makes clear whose. They are in no speaker's
// list and not in [Article.Quotes]: a quotation is shown under a speaker
// only when the engine is sure it is theirs.
func (a *Article) Unattributed() []Quote { return a.unattributed }

// Utterances returns how many utterances the quotes make: a quotation that
// runs on over several paragraphs is one utterance, though it gives one
// Quote per paragraph.
func Utterances(qs []Quote) int {
	n := 0
	for _, q := range qs {
		if !q.Continued {
			n++
		}
	}
	return n
}

// Speakers returns the article's speakers, most quoted first: by number of
// direct quotes, then of reported statements, then by first appearance.
func (a *Article) Speakers() []*Speaker { return a.speakers }

// extractQuotes finds the quotations and reported speech of the article,
// attributes them to speakers (see the quote package), and makes the cast
// of everyone the text names.
func (a *Article) extractQuotes(paras []text.Paragraph) {
	res := quote.Attribute(paras)
	a.speakers = make([]*Speaker, len(res.Speakers))
	for i, sp := range res.Speakers {
		a.speakers[i] = &Speaker{
			Name:        sp.Name,
			Aliases:     sp.Aliases,
			Description: sp.Description,
			Named:       sp.Named,
			Quotes:      make([]Quote, 0, sp.Direct),
			Reported:    make([]Quote, 0, sp.Reported),
		}
	}
	a.quotes = make([]Quote, len(res.Quotes))
	for i, q := range res.Quotes {
		sp := a.speakers[q.Speaker]
		text := a.Paragraphs[q.Para].Text
		a.quotes[i] = Quote{
			Kind:      Direct,
			Speaker:   sp,
			Paragraph: q.Para + 1,
			Span:      q.Span,
			Text:      text[q.Span.Start:q.Span.End],
			Partial:   q.Partial,
			Continued: q.Continued,
		}
		if len(q.Parts) > 1 {
			parts := make([]string, len(q.Parts))
			for k, p := range q.Parts {
				parts[k] = text[p.Span.Start:p.Span.End]
			}
			a.quotes[i].Parts = parts
			a.quotes[i].Text = strings.Join(parts, splitMark)
		}
		if q.Unmarked {
			// An interview's answer in no quotation marks: its sentences
			// are the interviewee's words, as those in quotation marks are.
			for k := range a.Paragraphs[q.Para].Sentences {
				s := &a.Paragraphs[q.Para].Sentences[k]
				s.InQuote = s.InQuote || s.Span.End > q.Span.Start && s.Span.Start < q.Span.End
			}
		}
		if q.Kind == quote.Reported {
			a.quotes[i].Kind = Reported
			sp.Reported = append(sp.Reported, a.quotes[i])
		} else {
			sp.Quotes = append(sp.Quotes, a.quotes[i])
		}
	}
	a.unattributed = make([]Quote, len(res.Unattributed))
	for i, q := range res.Unattributed {
		a.unattributed[i] = Quote{
			Kind:      Direct,
			Paragraph: q.Para + 1,
			Span:      q.Span,
			Text:      a.Paragraphs[q.Para].Text[q.Span.Start:q.Span.End],
			Continued: q.Continued,
		}
	}
	for _, sp := range a.speakers {
		sp.keys = lookupKeys(sp.Name, sp.Aliases, sp.Description, sp.Named)
	}
	a.buildCast(res.Cast)
	a.linkSpokespeople()
}
