package extract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself, each field from the most
// reliable source that has it: JSON-LD first, then Open Graph and other
// <meta> tags, then the page's elements (<title>, <time>, a byline).
type pageMeta struct {
	title, byline, site, date, url, description string
	// authors are the byline's names, one by one, for telling credit lines
	// and author notes from the article's text.
	authors []string
}

// readMeta reads the metadata of the page doc, which was found at pageURL
// (empty for a file).
func readMeta(doc *html.Node, pageURL string) pageMeta {
	ld := readJSONLD(doc)
	tags := readMetaTags(doc)

	var m pageMeta
	m.title = first(ld.headline, tags["og:title"], tags["twitter:title"], tags["title"], tags["headline"])
	m.site = first(ld.publisher, tags["og:site_name"], tags["application-name"])
	m.description = first(ld.description, tags["og:description"], tags["description"], tags["twitter:description"])

	m.authors = ld.authors
	if len(m.authors) == 0 {
		for _, key := range []string{"author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"} {
			if names := splitByline(tags[key]); len(names) > 0 {
				m.authors = names
				break
			}
		}
	}
	if len(m.authors) == 0 {
		m.authors = splitByline(bylineElement(doc))
	}
	m.byline = joinNames(m.authors)

	m.date = normalizeDate(first(ld.published,
		tags["article:published_time"], tags["article:published"], tags["datepublished"],
		tags["og:published_time"], tags["publish-date"], tags["pubdate"], tags["date"],
		tags["dc.date.issued"], tags["dc.date"], tags["dcterms.created"], timeElement(doc)))

	base, _ := url.Parse(pageURL)
	for _, u := range []string{canonicalLink(doc), tags["og:url"], ld.url, pageURL} {
		if abs := absoluteURL(base, u); abs != "" {
			m.url = abs
			break
		}
	}

	if m.title == "" {
		m.title = titleElement(doc, m.site)
	}
	for _, s := range []*string{&m.title, &m.site, &m.description, &m.byline} {
		*s = collapse(*s)
	}
	return m
}

// first returns the first of values that is not blank.
func first(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// readMetaTags returns the content of the page's <meta> tags by their
// property, name or itemprop, lower-cased; the first tag of a name wins.
func readMetaTags(doc *html.Node) map[string]string {
	tags := map[string]string{}
	for n := range elements(doc) {
		if n.DataAtom != atom.Meta {
			continue
		}
		content := attr(n, "content")
		if strings.TrimSpace(content) == "" {
			continue
		}
		for _, key := range []string{"property", "name", "itemprop"} {
			// A property may hold several names separated by spaces (RDFa).
			for name := range strings.FieldsSeq(strings.ToLower(attr(n, key))) {
				if _, seen := tags[name]; !seen {
					tags[name] = content
				}
			}
		}
	}
	return tags
}

// ldArticle is what the page's JSON-LD says about the article.
type ldArticle struct {
	headline, description, published, publisher, url string
	authors                                          []string
}

// articleTypes are the schema.org types of an article, for finding the
// article among the things a page's JSON-LD describes.
var articleTypes = regexp.MustCompile(`^(\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$`)

// readJSONLD returns what the first article described in the page's JSON-LD
// scripts says.
func readJSONLD(doc *html.Node) ldArticle {
	for n := range elements(doc) {
		if n.DataAtom != atom.Script || !strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") || n.FirstChild == nil {
			continue
		}
		var v any
		if json.Unmarshal([]byte(n.FirstChild.Data), &v) != nil {
			continue
		}
		if obj := findArticle(v, 0); obj != nil {
			a := ldArticle{
				headline:    first(ldString(obj["headline"]), ldString(obj["name"])),
				description: ldString(obj["description"]),
				published:   first(ldString(obj["datePublished"]), ldString(obj["dateCreated"])),
				publisher:   ldName(obj["publisher"]),
				url:         first(ldString(obj["url"]), ldID(obj["mainEntityOfPage"])),
			}
			for _, au := range ldList(obj["author"]) {
				a.authors = append(a.authors, splitByline(ldName(au))...)
			}
			return a
		}
	}
	return ldArticle{}
}

// findArticle returns the first object in v, searched depth first through
// arrays and @graph, whose @type is an article's.
func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if a := findArticle(e, depth+1); a != nil {
				return a
			}
		}
	case map[string]any:
		for _, t := range ldList(v["@type"]) {
			if s, ok := t.(string); ok && articleTypes.MatchString(s) {
				return v
			}
		}
		if g, ok := v["@graph"]; ok {
			return findArticle(g, depth+1)
		}
	}
	return nil
}

// ldList returns v as a list: v itself when it is one, else a list of v.
func ldList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

// ldString returns v when it is a string, or the first string of a list.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok {
				return s
			}
		}
	}
	return ""
}

// ldName returns the name of a person or organization, given as a string or
// as an object with a name.
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		if isURL(v) {
			return ""
		}
		return v
	case map[string]any:
		return ldString(v["name"])
	case []any:
		for _, e := range v {
			if s := ldName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldID returns v when it is a string, or its @id when it is an object.
func ldID(v any) string {
	if m, ok := v.(map[string]any); ok {
		return ldString(m["@id"])
	}
	return ldString(v)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// bylinePrefix matches the "By" that opens a byline.
var bylinePrefix = regexp.MustCompile(`(?i)^\s*by\s+`)

// nameSeparator splits a byline into names: commas, "and", "&" and semicolons.
var nameSeparator = regexp.MustCompile(`\s*(?:,|;|&|\band\b)\s*`)

// splitByline returns the names of a byline such as "By Jane Roe and John
// Doe", leaving out a URL (which some pages give as the author) and text too
// long to be names.
func splitByline(s string) []string {
	s = collapse(bylinePrefix.ReplaceAllString(s, ""))
	if s == "" || isURL(s) || len(s) > 200 {
		return nil
	}
	var names []string
	for _, n := range nameSeparator.Split(s, -1) {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// joinNames writes names as a byline: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// bylineElement returns the text of the page's first element marked as its
// author: rel="author", itemprop="author", or a class naming a byline.
func bylineElement(doc *html.Node) string {
	for n := range elements(doc) {
		if attr(n, "rel") == "author" || strings.Contains(attr(n, "itemprop"), "author") ||
			hasToken(attr(n, "class"), "byline") {
			if t := textOf(n); t != "" && len(t) < 120 {
				return t
			}
		}
	}
	return ""
}

// canonicalLink returns the href of the page's <link rel="canonical">.
func canonicalLink(doc *html.Node) string {
	for n := range elements(doc) {
		if n.DataAtom == atom.Link && strings.EqualFold(attr(n, "rel"), "canonical") {
			return attr(n, "href")
		}
	}
	return ""
}

// timeElement returns the datetime of the page's first <time> element that
// has one, preferring one marked as the publication date.
func timeElement(doc *html.Node) string {
	var firstTime string
	for n := range elements(doc) {
		if n.DataAtom != atom.Time {
			continue
		}
		dt := attr(n, "datetime")
		if dt == "" {
			continue
		}
		if strings.Contains(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
			return dt
		}
		if firstTime == "" {
			firstTime = dt
		}
	}
	return firstTime
}

// titleSeparator splits a <title> such as "Headline | Site" into its parts.
var titleSeparator = regexp.MustCompile(`\s+[|–—\-:·»]\s+`)

// titleElement returns the page's <title> without the site's name when it
// is set off by a separator, or the first <h1> when there is no title.
func titleElement(doc *html.Node, site string) string {
	var title, h1 string
	for n := range elements(doc) {
		if n.DataAtom == atom.Title && title == "" {
			title = textOf(n)
		}
		if n.DataAtom == atom.H1 && h1 == "" {
			h1 = textOf(n)
		}
	}
	if title == "" {
		return h1
	}
	parts := titleSeparator.Split(title, -1)
	if len(parts) < 2 {
		return title
	}
	// Keep the longest part: the headline, not the site or the section.
	best := parts[0]
	for _, p := range parts[1:] {
		if len(p) > len(best) && !strings.EqualFold(p, site) {
			best = p
		}
	}
	if h1 != "" && strings.Contains(title, h1) {
		return h1
	}
	return best
}

// absoluteURL returns ref resolved against base when the result is an
// http or https URL, and "" otherwise.
func absoluteURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// compactDate matches a date written as YYYYMMDD.
var compactDate = regexp.MustCompile(`^\d{8}$`)

// normalizeDate returns the date of a timestamp as YYYY-MM-DD when it can be
// read, in the time zone it was written in, and the text as written
// otherwise.
func normalizeDate(s string) string {
	s = collapse(s)
	if len(s) >= 10 {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10]
		}
	}
	if compactDate.MatchString(s) {
		if t, err := time.Parse("20060102", s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
		"January 2, 2006", "Jan. 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return s
}
