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
	spans = cleanSpans(text, spans)
	if !isOneLine(text) {
		text, spans = flatten(text, spans)
		spans = cleanSpans(text, spans)
	}
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
// characters turned into one space and none at either end, and spans moved
// to the same characters of the result. The spans must lie on character
// boundaries of text, in order and without overlaps, as cleanSpans returns
// them.
func flatten(text string, spans []article.Span) (string, []article.Span) {
	// The spans' offsets, start and end by turns, are in order, so one walk
	// over the text moves them all.
	offs := make([]int, 0, 2*len(spans))
	for _, sp := range spans {
		offs = append(offs, sp.Start, sp.End)
	}
	var b strings.Builder
	b.Grow(len(text))
	k := 0
	for i := 0; i < len(text); {
		// A run of blanks: offsets in it move to where the run's space goes.
		j := skip(text, i, true)
		for ; k < len(offs) && offs[k] < j; k++ {
			offs[k] = b.Len()
		}
		if j == len(text) {
			break
		}
		if j > i && b.Len() > 0 {
			b.WriteByte(' ')
		}
		// A run of other characters, copied whole.
		i, j = j, skip(text, j, false)
		for ; k < len(offs) && offs[k] < j; k++ {
			offs[k] = b.Len() + offs[k] - i
		}
		b.WriteString(text[i:j])
		i = j
	}
	for ; k < len(offs); k++ {
		offs[k] = b.Len()
	}
	moved := make([]article.Span, len(spans))
	for j := range moved {
		moved[j] = article.Span{Start: offs[2*j], End: offs[2*j+1]}
	}
	return b.String(), moved
}

// skip returns the offset of the first character of text from i on that is
// blank (a space or a control character) when blank is false, or that is
// not when blank is true; len(text) when there is none.
func skip(text string, i int, blank bool) int {
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if (unicode.IsSpace(r) || unicode.IsControl(r)) != blank {
			return i
		}
		i += size
	}
	return len(text)
}

// isOneLine reports whether oneLine(s) == s: s has no control characters,
// and no space other than single ' ' between other characters.
func isOneLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// s does not end with ' ', so a ' ' has a byte after it.
			if c < 0x20 || c == 0x7f || (c == ' ' && s[i+1] == ' ') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
		i += size
	}
	return true
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
