// Package extract turns an article as operators have it, a web page or a
// Markdown file, into plain paragraphs and the metadata that goes with them.
//
// For a web page, a readability library finds the part of the page that holds
// the article; this package then reads its paragraphs from the block
// elements, with links as their text, and leaves out what is not the
// article's text: captions, bylines, navigation, share widgets, "read more"
// links and the like. The rules hold for news pages in general; none is
// written for one site.
package extract

// Document is an article's text and metadata as extracted. Every metadata
// field may be empty.
type Document struct {
	// Title is the headline.
	Title string
	// Byline names the authors, as in "Jane Roe and John Doe".
	Byline string
	// SiteName names the publication.
	SiteName string
	// Date is the publication date, as YYYY-MM-DD when it could be read as
	// a date, and as written otherwise.
	Date string
	// URL is the article's canonical address.
	URL string
	// Description is the page's own summary of the article (its standfirst).
	Description string
	// Paragraphs holds the article's paragraphs in order, each on one line
	// with its white space collapsed.
	Paragraphs []string
}
