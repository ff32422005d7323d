package bot

import (
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article"
)

// spansOf returns the spans of every occurrence of the words in text.
func spansOf(text string, words ...string) []article.Span {
	var out []article.Span
	for _, w := range words {
		for from := 0; ; {
			k := strings.Index(text[from:], w)
			if k < 0 {
				break
			}
			out = append(out, article.Span{Start: from + k, End: from + k + len(w)})
			from += k + len(w)
		}
	}
	return out
}

func sp(start, end int) article.Span { return article.Span{Start: start, End: end} }

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("Filler words come first here. ", 40) +
		"Then the target appears, and the target again. " +
		strings.Repeat("More filler follows after it. ", 40)
	tests := []struct {
		name  string
		text  string
		spans []article.Span
		room  int
		want  string
	}{
		{"short paragraph, whole", "Kerry met Hammond in London.", spansOf("Kerry met Hammond in London.", "Hammond"), 100,
			"Kerry met **Hammond** in London."},
		{"adjacent words bold together", "has really hit a dead end, said", spansOf("has really hit a dead end, said", "dead", "end"), 100,
			"has really hit a **dead end**, said"},
		{"markdown in the text is escaped", "a *star* and <@1> near Russia", spansOf("a *star* and <@1> near Russia", "Russia"), 100,
			`a \*star\* and \<@1\> near **Russia**`},
		{"span text is escaped inside bold", "the_word here", []article.Span{sp(0, 8)}, 100, `**the\_word** here`},
		{"bad spans are ignored", "Russia and Iran", []article.Span{sp(-1, 3), sp(5, 100), sp(4, 2), sp(0, 6), sp(3, 8)}, 100,
			"**Russia** and Iran"},
		{"spans inside a character are ignored", "¶¶ Russia", []article.Span{sp(1, 4), sp(5, 11)}, 100, "¶¶ **Russia**"},
		{"space around a span is trimmed", "in Russia now", []article.Span{sp(2, 10)}, 100, "in **Russia** now"},
		{"runs of space are collapsed under the spans", "The  mayor\tsaid  the budget", spansOf("The  mayor\tsaid  the budget", "mayor", "budget"), 100,
			"The **mayor** said the **budget**"},
		{"line breaks and controls become spaces", " a\r\nb\u2028Russia\u0085c ", spansOf(" a\r\nb\u2028Russia\u0085c ", "Russia"), 100,
			"a b **Russia** c"},
		{"a span over a run of space", "dead \t end", []article.Span{sp(0, 10)}, 100, "**dead end**"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := excerpt(tt.text, tt.spans, tt.room, limitFieldValue); got != tt.want {
				t.Errorf("excerpt(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}

	t.Run("long paragraph is cut around the matches", func(t *testing.T) {
		got := excerpt(long, spansOf(long, "target"), 200, limitFieldValue)
		if !strings.HasPrefix(got, ellipsis) || !strings.HasSuffix(got, ellipsis) {
			t.Errorf("excerpt(long) = %q, want it cut at both ends", got)
		}
		if strings.Count(got, "**target**") != 2 {
			t.Errorf("excerpt(long) = %q, want both matches in bold", got)
		}
		inner := strings.TrimSuffix(strings.TrimPrefix(got, ellipsis), ellipsis)
		if n := runeLen(strings.ReplaceAll(inner, "**", "")); n > 200 || n < 150 {
			t.Errorf("excerpt(long) = %q shows %d characters of text, want at most 200 and not much less", got, n)
		}
		if k := strings.Index(inner, "**target**"); k < 20 {
			t.Errorf("excerpt(long) = %q, want some context before the first match", got)
		}
		if !strings.Contains(long, strings.ReplaceAll(inner, "**", "")) {
			t.Errorf("excerpt(long) = %q does not cut at word boundaries of the text", got)
		}
	})
	t.Run("match at the very end", func(t *testing.T) {
		text := strings.Repeat("word ", 200) + "Latakia"
		got := excerpt(text, spansOf(text, "Latakia"), 100, limitFieldValue)
		if !strings.HasPrefix(got, ellipsis) || !strings.HasSuffix(got, "**Latakia**") {
			t.Errorf("excerpt(...Latakia) = %q, want a cut start and the match at the end", got)
		}
	})
	t.Run("no spans shows the start", func(t *testing.T) {
		got := excerpt(long, nil, 100, limitFieldValue)
		if !strings.HasPrefix(got, "Filler words") || !strings.HasSuffix(got, ellipsis) {
			t.Errorf("excerpt(long, no spans) = %q, want the start of the text", got)
		}
	})
	t.Run("escaping never breaks the limit", func(t *testing.T) {
		text := strings.Repeat("*_`|<>[]# ", 500) + "Russia"
		got := excerpt(text, spansOf(text, "Russia"), limitFieldValue, limitFieldValue)
		if n := runeLen(got); n > limitFieldValue {
			t.Errorf("excerpt(markdown-heavy text) is %d characters, more than %d", n, limitFieldValue)
		}
		if !strings.Contains(got, "**Russia**") {
			t.Errorf("excerpt(markdown-heavy text) = %q, want the match in bold", got)
		}
	})
	t.Run("one word longer than the room", func(t *testing.T) {
		text := strings.Repeat("x", 5000)
		got := excerpt(text, []article.Span{sp(0, 5000)}, 300, limitFieldValue)
		if n := runeLen(got); n > limitFieldValue || n == 0 {
			t.Errorf("excerpt(one huge word) is %d characters, want 1 to %d", n, limitFieldValue)
		}
	})
	t.Run("many matches in a huge paragraph", func(t *testing.T) {
		text := strings.Repeat("Russia and Iran. ", 20000)
		got := excerpt(text, spansOf(text, "Russia", "Iran"), excerptRoom, limitFieldValue)
		if n := runeLen(got); n > limitFieldValue {
			t.Errorf("excerpt(huge) is %d characters, more than %d", n, limitFieldValue)
		}
		if !strings.Contains(got, "**Russia**") {
			t.Errorf("excerpt(huge) = %.100q…, want matches in bold", got)
		}
	})
}

func TestFlatten(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		words []string
	}{
		{"already one line", "Kerry met Hammond in London.", []string{"Hammond", "London"}},
		{"double spaces", "Kerry  met   Hammond in  London.", []string{"Kerry", "Hammond", "London."}},
		{"tabs and line breaks", "\tKerry\nmet\r\nHammond\u00a0in\u2003London ", []string{"Kerry", "met", "Hammond", "London"}},
		{"control characters", "Kerry\x00met\x1fHammond", []string{"met", "Hammond"}},
		{"multi-byte text", "¶¶  Réunion  à  Genève", []string{"Réunion", "Genève"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, spans := flatten(tt.text, cleanSpans(tt.text, spansOf(tt.text, tt.words...)))
			if want := oneLine(tt.text); got != want {
				t.Errorf("flatten(%q) = %q, want %q", tt.text, got, want)
			}
			if isOneLine(tt.text) != (oneLine(tt.text) == tt.text) {
				t.Errorf("isOneLine(%q) = %v, want %v", tt.text, isOneLine(tt.text), oneLine(tt.text) == tt.text)
			}
			var words []string
			for _, s := range spans {
				words = append(words, got[s.Start:s.End])
			}
			if strings.Join(words, "|") != strings.Join(tt.words, "|") {
				t.Errorf("flatten(%q) moves the spans to %q, want %q", tt.text, words, tt.words)
			}
		})
	}
}

func BenchmarkExcerptHugeParagraph(b *testing.B) {
	text := strings.Repeat("Russia and Iran. ", 20000)
	spans := spansOf(text, "Russia", "Iran")
	b.ReportAllocs()
	for b.Loop() {
		excerpt(text, spans, excerptRoom, limitFieldValue)
	}
}
