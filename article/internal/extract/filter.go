package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// Limits of the rules that judge a paragraph by its text.
const (
	// maxLinkShare is the largest share of a paragraph's text that links
	// may hold: above it the paragraph is a link to elsewhere ("read
	// more", related stories), not prose that cites a source.
	maxLinkShare = 0.6
	// maxLabelWords is the most words a lead-in such as "Read more:" has.
	maxLabelWords = 6
	// maxNoteWords is the most words a credit line or an author's note has.
	maxNoteWords = 60
	// maxTeaserWords is the most words a labelled link to other content
	// ("Video: …") has.
	maxTeaserWords = 20
	// tailNotes is how many paragraphs from the end credit lines and
	// author notes are looked for.
	tailNotes = 6
)

// boilerplate matches the whole text of a paragraph that pages put between
// the paragraphs of an article: advertising labels, prompts to read on,
// subscribe or share, and media placeholders.
var boilerplate = regexp.MustCompile(`(?i)^(advertisement|advertising|ad|sponsored( content)?|` +
	`story continues below( advertisement)?|continue reading( the main story)?|` +
	`(image|photo|video|gallery|graphic)( \d+ of \d+)?|` +
	`(share|share this( article| story)?|share on \w+|tweet|email|print|copy link)|` +
	`(sign up|subscribe)( now| here| today)?|` +
	`(read|see) (more|also)|related( stories| articles| coverage)?|more (stories|coverage)|` +
	`(click|tap) (here|to) .*)[.:!…]*$`)

// teaser matches the label that opens a link to other content: "Gallery:
// …", "Video: …", "Read more: …".
var teaser = regexp.MustCompile(`(?i)^(gallery|video|watch|photos?|pictures|slideshow|listen|podcast|` +
	`related|more|read more|read|see also|also read|recommended|trending|most read|editor'?s picks?)\s*[:|]`)

// printNote matches the note on where an article appeared in print.
var printNote = regexp.MustCompile(`(?i)^an? (version|edition) of this (article|story|report) (appears|appeared|was published)\b`)

// prompt matches a prompt to the reader, which no report needs.
var prompt = regexp.MustCompile(`(?i)\b(click|tap) here\b`)

// creditLine matches a line that credits reporters rather than reporting:
// "Jane Roe contributed to this report", "John Doe and Jane Roe
// contributed.", "Reporting by John Doe; editing by Jane Roe".
var creditLine = regexp.MustCompile(`(?i:\bcontributed (reporting|to this (report|article|story))\b|` +
	`^(additional )?(reporting|writing|editing|research) by\b)|` +
	`^(\p{Lu}[\p{L}.'’-]*(\s+|,\s*|\s+and\s+))+contributed\.?$`)

// keep returns the text of the blocks that are the article's paragraphs.
func keep(bs []block, meta pageMeta) []string {
	title := fold(meta.title)
	drop := make([]bool, len(bs))
	seen := map[string]bool{}
	for i, b := range bs {
		f := fold(b.text)
		switch {
		case f == "" || f == title || !hasWord(b.text):
			drop[i] = true
		case seen[f] && wordCount(b.text) > maxLabelWords:
			// A pull quote, or a block the page shows twice; a short
			// paragraph such as "Yes." may well come twice.
			drop[i] = true
		case b.linkShare() > maxLinkShare && !b.heading():
			// A heading in the article may link to what it names, as a
			// list of products or places does.
			drop[i] = true
		case bracketed(b.text), boilerplate.MatchString(b.text), isDate(b.text), printNote.MatchString(b.text):
			drop[i] = true
		case teaser.MatchString(b.text) && wordCount(b.text) <= maxTeaserWords:
			drop[i] = true
		case prompt.MatchString(b.text) && wordCount(b.text) <= maxLabelWords*3:
			drop[i] = true
		case creditLine.MatchString(b.text) && wordCount(b.text) <= maxNoteWords:
			drop[i] = true
		case i >= len(bs)-tailNotes && isAuthorNote(b.text, meta.authors):
			drop[i] = true
		case i >= len(bs)-tailNotes && b.emphasized && b.links > 0:
			// A closing note in bold or italics with a link: a promotion
			// or a pointer elsewhere, not reporting.
			drop[i] = true
		}
		seen[f] = true
	}
	// A lead-in such as "More on this story:" goes with the links it
	// introduces.
	for i, b := range bs {
		if !drop[i] && strings.HasSuffix(b.text, ":") && wordCount(b.text) <= maxLabelWords &&
			(i+1 == len(bs) || drop[i+1]) {
			drop[i] = true
		}
	}
	var out []string
	for i, b := range bs {
		if !drop[i] {
			out = append(out, b.text)
		}
	}
	return out
}

// bracketed reports whether text is wholly inside square brackets, as the
// links to other stories that some pages set between paragraphs are.
func bracketed(text string) bool {
	return strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") && strings.Count(text, "[") == 1
}

// isAuthorNote reports whether text is a note about one of the authors
// rather than the article's text: an author's name alone, a line about
// where they reported from, or a short note about who they are.
func isAuthorNote(text string, authors []string) bool {
	f := fold(text)
	for _, a := range authors {
		name := fold(a)
		if name == "" {
			continue
		}
		if f == name {
			return true
		}
		if rest, ok := strings.CutPrefix(f, name+" "); ok && wordCount(text) <= maxNoteWords {
			for _, verb := range []string{"reported ", "is ", "was ", "writes ", "covers ", "contributed"} {
				if strings.HasPrefix(rest, verb) {
					return true
				}
			}
		}
	}
	return false
}

// dateLine matches a paragraph that is only a date, such as "Feb. 21, 2019"
// or "Updated 21 February 2019 10:30am", perhaps with a byline after it.
var dateLine = regexp.MustCompile(`(?i)^(((last )?updated|(first )?published|posted)( on| at)?:? )?((mon|tue|wed|thu|fri|sat|sun)\w*\.?,? )?` +
	`((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.? \d{1,2},? \d{4}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})` +
	`([ ,•|·-]+\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [a-z]{2,4})?)?( by [^.!?]{1,60})?$`)

// isDate reports whether text is only a date.
func isDate(text string) bool {
	return dateLine.MatchString(strings.TrimSpace(text))
}

// fold returns text in the form paragraphs are compared in: lower case,
// with curly quotes straightened and white space collapsed.
func fold(text string) string {
	return collapse(strings.ToLower(quoteFolder.Replace(text)))
}

var quoteFolder = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00ad", "", "\u200b", "")

// hasWord reports whether text has a letter or a digit.
func hasWord(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// wordCount returns the number of words in text.
func wordCount(text string) int {
	return len(strings.FieldsFunc(text, unicode.IsSpace))
}
