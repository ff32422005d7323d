package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article"
)

// excerpt renders paragraph text on one line, as oneLine does, with the
// matched spans in bold. A text longer than room characters is cut to a
// window of about room characters around the densest run of matches, at
// word boundaries, with "…" where text was left out. The result is at most
// max characters long.
func excerpt(text string, spans []article.Span, room, max int) string {
	text, spans = flatten(text, cleanSpans(text, spans))
	spans = cleanSpans(text, spans)
	for r := room; r >= 16; r = r * 3 / 4 {
		start, end := window(text, spans, r)
		if out := renderExcerpt(text, spans, start, end); runeLen(out) <= max {
			return out
		}
	}
	return escapeWithin(oneLine(text), max)
}

// cleanSpans returns the spans that lie within text on character
// boundaries, trimmed of surrounding space, sorted and without overlaps.
func cleanSpans(text string, spans []article.Span) []article.Span {
	out := make([]article.Span, 0, len(spans))
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End ||
			!utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			continue
		}
		w := text[s.Start:s.End]
		lead := len(w) - len(strings.TrimLeftFunc(w, unicode.IsSpace))
		trail := len(w) - len(strings.TrimRightFunc(w, unicode.IsSpace))
		if lead+trail >= len(w) {
			continue
		}
		out = append(out, article.Span{Start: s.Start + lead, End: s.End - trail})
	}
	byStart := func(a, b article.Span) int { return a.Start - b.Start }
	if !slices.IsSortedFunc(out, byStart) {
		slices.SortFunc(out, byStart)
	}
	kept := out[:0]
	for _, s := range out {
		if len(kept) > 0 && s.Start < kept[len(kept)-1].End {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// flatten returns text as oneLine does, with every run of space and control
// characters turned into one space and none at either end, and spans, which
// must lie on character boundaries of text, moved to the same characters of
// the result.
func flatten(text string, spans []article.Span) (string, []article.Span) {
	if isOneLine(text) {
		return text, spans
	}
	// Each edge of a span points at the offset it becomes; walking the text
	// once in order of the edges moves them all.
	type edge struct {
		at  int
		set *int
	}
	moved := slices.Clone(spans)
	edges := make([]edge, 0, 2*len(moved))
	for k := range moved {
		edges = append(edges, edge{moved[k].Start, &moved[k].Start}, edge{moved[k].End, &moved[k].End})
	}
	slices.SortFunc(edges, func(a, b edge) int { return a.at - b.at })

	var b strings.Builder
	b.Grow(len(text))
	gap := false // a space is owed before the next character written
	e := 0
	for i, r := range text {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			for ; e < len(edges) && edges[e].at <= i; e++ {
				*edges[e].set = b.Len()
			}
			gap = b.Len() > 0
			continue
		}
		if gap {
			b.WriteByte(' ')
			gap = false
		}
		for ; e < len(edges) && edges[e].at <= i; e++ {
			*edges[e].set = b.Len()
		}
		b.WriteRune(r)
	}
	for ; e < len(edges); e++ {
		*edges[e].set = b.Len()
	}
	return b.String(), moved
}

// isOneLine reports whether oneLine(s) == s: s has no control characters,
// no space other than single ' ' between other characters.
func isOneLine(s string) bool {
	space := true // at the start, or after a space
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// window returns the byte range of text to show: all of it when it has at
// most room characters, and otherwise about room characters holding as
// many whole spans as possible, starting a little before the first of them.
func window(text string, spans []article.Span, room int) (start, end int) {
	n := runeLen(text)
	if n <= room {
		return 0, len(text)
	}
	// Span positions in characters, counted in one pass.
	type pos struct{ s, e int }
	ps := make([]pos, len(spans))
	r, b := 0, 0
	for k, sp := range spans {
		r += utf8.RuneCountInString(text[b:sp.Start])
		ps[k].s = r
		r += utf8.RuneCountInString(text[sp.Start:sp.End])
		ps[k].e = r
		b = sp.End
	}
	lead := room / 5
	ws, best := 0, -1
	j := 0
	for k := range ps {
		from := max(0, ps[k].s-lead)
		j = max(j, k)
		for j < len(ps) && ps[j].e <= from+room {
			j++
		}
		if j-k > best {
			best, ws = j-k, from
		}
	}
	ws = max(0, min(ws, n-room))
	start, end = runeOffset(text, ws), runeOffset(text, ws+room)

	// Move both ends to word boundaries, keeping the spans inside.
	firstIn, lastIn := end, start
	for _, s := range spans {
		if s.Start >= start && s.End <= end {
			firstIn = min(firstIn, s.Start)
			lastIn = max(lastIn, s.End)
		}
	}
	if start > 0 {
		if k := strings.IndexFunc(text[start:firstIn], unicode.IsSpace); k >= 0 {
			start += k
		}
		start += len(text[start:]) - len(strings.TrimLeftFunc(text[start:], unicode.IsSpace))
	}
	if end < len(text) {
		if next, _ := utf8.DecodeRuneInString(text[end:]); !unicode.IsSpace(next) {
			if k := strings.LastIndexFunc(text[lastIn:end], unicode.IsSpace); k >= 0 {
				end = lastIn + k
			}
		}
	}
	return start, max(start, end)
}

// renderExcerpt renders text[start:end] escaped, with the spans inside it
// in bold and "…" marking cut ends. Spans separated only by spaces are
// bolded together ("**dead end**").
func renderExcerpt(text string, spans []article.Span, start, end int) string {
	var groups []article.Span
	for _, s := range spans {
		if s.Start < start || s.End > end {
			continue
		}
		if n := len(groups); n > 0 && strings.TrimLeft(text[groups[n-1].End:s.Start], " ") == "" {
			groups[n-1].End = s.End
			continue
		}
		groups = append(groups, s)
	}
	var b strings.Builder
	lineStart := start == 0
	if !lineStart {
		b.WriteString(ellipsis)
	}
	cur := start
	for _, g := range groups {
		b.WriteString(escapeFrom(text[cur:g.Start], lineStart))
		b.WriteString("**")
		b.WriteString(escapeFrom(text[g.Start:g.End], false))
		b.WriteString("**")
		lineStart, cur = false, g.End
	}
	tail := text[cur:end]
	if end < len(text) {
		tail = strings.TrimRightFunc(tail, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—", r)
		})
	}
	b.WriteString(escapeFrom(tail, lineStart))
	if end < len(text) {
		b.WriteString(ellipsis)
	}
	return b.String()
}
