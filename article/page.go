package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/articlebot/articlebot/article/internal/extract"
)

// MaxPageSize is the largest web page, markup included, that [ParseHTML]
// and [Load] accept, in bytes. The article's text must still fit in
// [MaxSize].
const MaxPageSize = 8 << 20

// ErrPageTooLarge is the error for a web page larger than [MaxPageSize].
var ErrPageTooLarge = fmt.Errorf("the web page is larger than 8 MiB (%d bytes)", MaxPageSize)

// Format is how an article is written.
type Format int

// The formats [Load] reads.
const (
	// FormatText is plain text, as [Parse] reads it.
	FormatText Format = iota + 1
	// FormatMarkdown is Markdown, as [ParseMarkdown] reads it.
	FormatMarkdown
	// FormatHTML is a web page, as [ParseHTML] reads it.
	FormatHTML
)

func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatMarkdown:
		return "Markdown"
	case FormatHTML:
		return "HTML"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// DetectFormat tells how body, the content of the file named name, is
// written. It is HTML when it opens as a web page does, whatever its name;
// Markdown when its name ends in ".md" or ".markdown"; HTML when its name
// ends in ".html" or ".htm", or it opens with an HTML tag; Markdown when it
// has signs only Markdown has (a "# " heading, a "[link](https://…)", a
// fenced code block); and plain text otherwise. YAML front matter is looked
// past; HTML after front matter counts as Markdown, which may hold HTML.
func DetectFormat(body []byte, name string) Format {
	if extract.IsHTMLDocument(body) {
		return FormatHTML
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	}
	text := normalizeNewlines(string(body))
	if hasFrontMatter(text) {
		if _, rest, err := splitFrontMatter(text); err == nil {
			if extract.IsHTMLFragment([]byte(rest)) || extract.LooksLikeMarkdown([]byte(rest)) {
				return FormatMarkdown
			}
		}
		return FormatText
	}
	if extract.IsHTMLFragment(body) {
		return FormatHTML
	}
	if extract.LooksLikeMarkdown(body) {
		return FormatMarkdown
	}
	return FormatText
}

// ParseHTML reads an article from a web page of at most [MaxPageSize]
// bytes. It finds the part of the page that holds the article and makes
// each block element (paragraph, heading, list item) a paragraph, with
// links read as their text; captions, bylines, navigation, share widgets,
// related links and the like are left out. The page's metadata (JSON-LD,
// Open Graph, <title>, <time>, <link rel="canonical">) gives the title,
// byline, publication, date and URL.
//
// pageURL is where the page was found, or "" when it was read from a file:
// it is the article's URL when the page names no canonical one. contentType
// is the Content-Type the page was served with, or "": a charset it names
// decides how the page is decoded; otherwise a byte order mark or the page's
// <meta charset> does, and UTF-8 is assumed.
func ParseHTML(r io.Reader, pageURL, contentType string) (*Article, error) {
	page, err := io.ReadAll(io.LimitReader(r, MaxPageSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	return parseHTML(page, pageURL, contentType, nil, "")
}

// ParseMarkdown reads an article written in Markdown, with optional YAML
// front matter as [Parse] reads it. Headings, list items, block quotes and
// code blocks are paragraphs like the others; emphasis, code spans and links
// become their text, and images are left out. A level-one heading that
// opens the text is the headline, not a paragraph: it is the title unless the
// front matter gives one. The input must be UTF-8 and at most [MaxSize]
// bytes.
func ParseMarkdown(r io.Reader) (*Article, error) {
	body, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the article: %w", err)
	}
	return parseMarkdown(body, nil, "")
}

// parseFormat parses body, written in format f, with the metadata in
// sidecar, read from the file sidecarName.
func parseFormat(f Format, body, sidecar []byte, sidecarName string) (*Article, error) {
	switch f {
	case FormatHTML:
		return parseHTML(body, "", "", sidecar, sidecarName)
	case FormatMarkdown:
		return parseMarkdown(body, sidecar, sidecarName)
	}
	return parse(body, sidecar, sidecarName)
}

func parseMarkdown(body, sidecar []byte, sidecarName string) (*Article, error) {
	var title string
	var extractErr error
	a, err := parseWith(body, sidecar, sidecarName, func(text string) []string {
		d, err := extract.Markdown(text)
		extractErr = err
		title = d.Title
		return d.Paragraphs
	})
	if extractErr != nil {
		return nil, extractErr
	}
	if err != nil {
		return nil, err
	}
	if a.Meta.Title == "" {
		a.Meta.Title = title
	}
	return a, nil
}

func parseHTML(page []byte, pageURL, contentType string, sidecar []byte, sidecarName string) (*Article, error) {
	if len(page) > MaxPageSize {
		return nil, ErrPageTooLarge
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, ErrEmpty
	}
	d, err := extract.HTML(page, contentType, pageURL)
	if err != nil {
		return nil, err
	}
	a := &Article{Meta: Meta{
		Title:       d.Title,
		Byline:      d.Byline,
		Publication: d.SiteName,
		URL:         d.URL,
		Date:        d.Date,
	}}
	if len(sidecar) > 0 {
		var m Meta
		if len(sidecar) > MaxSize {
			return nil, fmt.Errorf("the metadata in %s: %w", sidecarName, ErrTooLarge)
		}
		if err := decodeMeta(string(sidecar), 1, "in "+sidecarName, &m); err != nil {
			return nil, err
		}
		a.Meta.override(m)
	}
	size := 0
	for _, p := range d.Paragraphs {
		size += len(p) + 1
	}
	if size > MaxSize {
		return nil, fmt.Errorf("%w: the text found in the page is %d bytes", ErrTooLarge, size)
	}
	err = a.build(d.Paragraphs)
	if errors.Is(err, ErrNoParagraphs) {
		return nil, fmt.Errorf("%w: no article text was found in the page", ErrNoParagraphs)
	}
	if err != nil {
		return nil, err
	}
	return a, nil
}

// override sets each field of m that o gives to o's value.
func (m *Meta) override(o Meta) {
	for _, f := range []struct{ dst, src *string }{
		{&m.Title, &o.Title}, {&m.Byline, &o.Byline}, {&m.Publication, &o.Publication},
		{&m.URL, &o.URL}, {&m.Date, &o.Date},
	} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
	if len(o.Summary) > 0 {
		m.Summary = o.Summary
	}
}
