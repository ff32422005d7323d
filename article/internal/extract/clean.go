package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The words by which pages mark what is not an article's text, as data. A
// word counts when it is a whole token of an element's class or id, split at
// anything that is not a letter or digit and at camelCase humps, so "share"
// matches "share-bar" and "shareBar" but not "shareholders".
var (
	// noiseTags are elements that never hold the article's prose.
	noiseTags = map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
		atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
		atom.Form: true, atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Label: true,
		atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true, atom.Menu: true, atom.Dialog: true,
		atom.Figure: true, atom.Figcaption: true, atom.Picture: true, atom.Video: true, atom.Audio: true,
		atom.Img: true, atom.Map: true,
	}
	// noiseCustomTags are custom elements (AMP's among them) that hold
	// media, ads or widgets.
	noiseCustomTags = []string{"amp-ad", "amp-embed", "amp-sticky-ad", "amp-sidebar", "amp-social-share",
		"amp-analytics", "amp-iframe", "amp-img", "amp-video", "amp-youtube", "amp-twitter", "amp-instagram",
		"amp-facebook", "amp-carousel", "amp-lightbox", "amp-consent", "amp-user-notification", "amp-geo",
		"amp-pixel", "amp-list", "amp-live-list", "amp-story-auto-ads"}
	// noiseRoles are ARIA roles of page furniture.
	noiseRoles = map[string]bool{
		"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
		"dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true, "tablist": true,
		"figure": true, "img": true,
	}
	// noiseWords are class and id tokens of page furniture: ads, sharing,
	// related links, newsletters, bylines and author notes, captions and
	// credits, comments, navigation and the like.
	noiseWords = wordSet(`ad ads adv advert adverts advertisement advertising adslot dfp sponsor sponsored
		promo promos promotion outbrain taboola
		share sharing shares social sharebar sharetools
		related recommended recommendations recirc recirculation trending popular mostread mostpopular
		newsletter newsletters signup subscribe subscription paywall registration
		byline bylines author authors contributor contributors bio
		dek deck standfirst strapline kicker
		caption captions credit credits photo-credit
		comment comments disqus
		breadcrumb breadcrumbs nav navbar menu sidebar masthead footer topbar
		tags tag-list keywords
		print-info
		cookie cookies consent
		toolbar widget widgets`)
	// hiddenWords are class tokens of text that is there only for screen
	// readers or not shown at all.
	hiddenWords = wordSet(`visually-hidden visuallyhidden sr-only screen-reader-text offscreen`)
	// contentWords are tokens that mark the article itself: an element that
	// has one is kept even when it also has a noise word, as in
	// "article-body has-comments".
	contentWords = wordSet(`article articlebody body content main story post entry`)
)

// wordSet returns the set of the white-space separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(s) {
		m[w] = true
	}
	return m
}

// tokenSplit splits a class or id into its tokens.
var tokenSplit = regexp.MustCompile(`[^a-z0-9]+`)

// humps finds the start of each camelCase hump.
var humps = regexp.MustCompile(`([a-z0-9])([A-Z])`)

// tokens returns the lower-case tokens of a class or id attribute: the
// words of "shareBar story__text" are share, bar, story and text. Each
// compound of the attribute is also a token, so "sr-only" and "print-info"
// can be listed whole.
func tokens(s string) []string {
	var out []string
	for field := range strings.FieldsSeq(s) {
		lower := strings.ToLower(field)
		out = append(out, lower)
		out = append(out, tokenSplit.Split(strings.ToLower(humps.ReplaceAllString(field, "$1-$2")), -1)...)
	}
	return out
}

// hasToken reports whether the class or id s has the token word.
func hasToken(s, word string) bool {
	for _, t := range tokens(s) {
		if t == word {
			return true
		}
	}
	return false
}

// prune removes from the document what is not the article's text: noise
// elements, hidden ones, and those whose class or id marks them as page
// furniture. An element holding a third or more of the page's paragraph
// text is kept whatever it is, so that a page wrapped in one <form>, or a
// body marked "comments-enabled", is not lost.
func prune(doc *html.Node) {
	weight := map[*html.Node]int{}
	total := textWeight(doc, weight, true)
	if total == 0 {
		// A page with no <p> sets its paragraphs apart otherwise, as with
		// line breaks: all of its text counts.
		total = textWeight(doc, weight, false)
	}
	var victims []*html.Node
	var walk func(n *html.Node, inPara bool)
	walk = func(n *html.Node, inPara bool) {
		if n.Type == html.CommentNode {
			victims = append(victims, n)
			return
		}
		if n.Type == html.ElementNode && n.DataAtom != atom.Body && n.DataAtom != atom.Html && 3*weight[n] < total {
			// Inside a paragraph, a word's markup does not make it less
			// the article's: only what is not shown, or is no text, goes.
			if inPara && !isBlock(n) && (isHidden(n) || noiseTags[n.DataAtom]) || !inPara && isNoise(n) {
				victims = append(victims, n)
				return
			}
		}
		inPara = inPara || n.DataAtom == atom.P
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inPara)
		}
	}
	walk(doc, false)
	for _, n := range victims {
		remove(n)
	}
}

// isNoise reports whether the element n is not the article's text by its
// tag, its attributes or its class and id.
func isNoise(n *html.Node) bool {
	if noiseTags[n.DataAtom] {
		return true
	}
	if n.DataAtom == 0 {
		for _, t := range noiseCustomTags {
			if n.Data == t {
				return true
			}
		}
	}
	if isHidden(n) || noiseRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	noise, content := false, false
	for _, t := range append(tokens(attr(n, "class")), tokens(attr(n, "id"))...) {
		noise = noise || noiseWords[t]
		content = content || contentWords[t]
	}
	return noise && !content
}

// isHidden reports whether the element n is not shown, or shown only to
// screen readers.
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	for _, t := range tokens(attr(n, "class")) {
		if hiddenWords[t] {
			return true
		}
	}
	return false
}

// textWeight records in weight the length of the text under each node,
// only that of <p> elements when paragraphs is set, and returns the node's
// own.
func textWeight(n *html.Node, weight map[*html.Node]int, paragraphs bool) int {
	switch {
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
		return 0
	case n.Type == html.ElementNode && n.DataAtom == atom.P && paragraphs,
		n.Type == html.TextNode && !paragraphs:
		w := len(textOf(n))
		weight[n] = w
		return w
	}
	w := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w += textWeight(c, weight, paragraphs)
	}
	if w > 0 {
		weight[n] = w
	}
	return w
}
