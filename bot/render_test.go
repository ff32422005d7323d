package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		s    string
		max  int
		want string
	}{
		{"fits", "four words fit here", 19, "four words fit here"},
		{"empty", "", 5, ""},
		{"zero room", "anything", 0, ""},
		{"word boundary", "the timing of his removal", 15, "the timing of…"},
		{"cut falls on a space", "the timing of his", 14, "the timing of…"},
		{"trailing punctuation dropped", "Assad has to go, but the timing", 17, "Assad has to go…"},
		{"one long word is cut inside", "Supercalifragilistic", 8, "Superca…"},
		{"counts characters not bytes", "¶¶¶¶¶ ¶¶¶¶¶", 8, "¶¶¶¶¶…"},
		{"room for the ellipsis only", "abc def", 1, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := truncate(tt.s, tt.max)
			if got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
			}
			if n := runeLen(got); n > tt.max {
				t.Errorf("truncate(%q, %d) is %d characters long", tt.s, tt.max, n)
			}
			if !utf8.ValidString(got) {
				t.Errorf("truncate(%q, %d) = %q is not valid UTF-8", tt.s, tt.max, got)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain prose is untouched", "Kerry said that Assad has to go.", "Kerry said that Assad has to go."},
		{"hyphens inside a line", "high-level military contacts", "high-level military contacts"},
		{"bold and italics", "**bold** _it_ *it*", `\*\*bold\*\* \_it\_ \*it\*`},
		{"strike, spoiler, code", "~~x~~ ||y|| `z`", "\\~\\~x\\~\\~ \\|\\|y\\|\\| \\`z\\`"},
		{"user mention", "<@123>", `\<@123\>`},
		{"role and channel mentions", "<@&42> <#7>", `\<@&42\> \<\#7\>`},
		{"everyone and here", "@everyone @here @Everyone", "@\u200beveryone @\u200bhere @\u200bEveryone"},
		{"an at sign alone is kept", "mail@example and @Kerry", "mail@example and @Kerry"},
		{"masked link", "[click](https://x.test)", `\[click\](https://x.test)`},
		{"heading", "# Title", `\# Title`},
		{"block quote", "> quoted", `\> quoted`},
		{"list marker at line start", "- item\n+ other", "\\- item\n\\+ other"},
		{"subtext marker", "-# small", `\-\# small`},
		{"ordered list", "1. first\n 22. second", "1\\. first\n 22\\. second"},
		{"numbers mid-line", "in 2015. Then", "in 2015. Then"},
		{"backslash", `a\b`, `a\\b`},
		{"a list marker alone", "- item", `\- item`},
		{"an indented number alone", "  7. seven", `  7\. seven`},
		{"a number without a dot", "15 paragraphs", "15 paragraphs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escape(tt.in); got != tt.want {
				t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeWithin(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
	}{
		{"short", "dead end", 100},
		{"all markdown", strings.Repeat("*_", 200), 50},
		{"mentions", strings.Repeat("@everyone <@1> ", 40), 100},
		{"long prose", strings.Repeat("Russia has deployed heavy equipment. ", 100), 300},
		{"tiny room", "**a** b", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := escapeWithin(tt.in, tt.max)
			if n := runeLen(got); n > tt.max {
				t.Errorf("escapeWithin(%q, %d) has %d characters", tt.in, tt.max, n)
			}
			if full := escape(tt.in); runeLen(full) <= tt.max && got != full {
				t.Errorf("escapeWithin(%q, %d) = %q, want %q", tt.in, tt.max, got, full)
			}
			if strings.HasSuffix(strings.TrimSuffix(got, ellipsis), `\`) && !strings.HasSuffix(got, `\\`) {
				t.Errorf("escapeWithin(%q, %d) = %q ends in a dangling escape", tt.in, tt.max, got)
			}
			if tt.max >= 10 && got == "" {
				t.Errorf("escapeWithin(%q, %d) = %q, want some text", tt.in, tt.max, got)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	in := "  a\tb\n\nc\u0000d  "
	if got, want := oneLine(in), "a b c d"; got != want {
		t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
	}
}

func TestCiteList(t *testing.T) {
	tests := []struct {
		in   []int
		want string
	}{
		{nil, ""},
		{[]int{4}, "¶4"},
		{[]int{1, 2, 8}, "¶1, ¶2, ¶8"},
		{[]int{3, 3, 1}, "¶3, ¶1"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			if got := citeList(tt.in); got != tt.want {
				t.Errorf("citeList(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestJoinWithin(t *testing.T) {
	more := func(n int) string { return "+" + strings.Repeat("x", n) }
	tests := []struct {
		name  string
		items []string
		max   int
		want  string
	}{
		{"all fit", []string{"aa", "bb", "cc"}, 8, "aa,bb,cc"},
		{"the rest is counted", []string{"aa", "bb", "cc"}, 7, "aa,+xx"},
		{"nothing fits but the count", []string{"aaaaaa", "bb"}, 4, "+xx"},
		{"not even the count", []string{"aaaaaa", "bb"}, 2, ""},
		{"empty", nil, 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinWithin(tt.items, ",", tt.max, more)
			if got != tt.want {
				t.Errorf("joinWithin(%q, %d) = %q, want %q", tt.items, tt.max, got, tt.want)
			}
			if runeLen(got) > tt.max {
				t.Errorf("joinWithin(%q, %d) = %q is too long", tt.items, tt.max, got)
			}
		})
	}
}

func TestOrList(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		most  int
		width int
		want  string
	}{
		{"none", nil, 3, 60, ""},
		{"only empty items", []string{"", " \n "}, 3, 60, ""},
		{"one", []string{"latakia"}, 3, 60, "**latakia**"},
		{"two", []string{"capital", "france"}, 3, 60, "**capital** or **france**"},
		{"three", []string{"a", "b", "c"}, 3, 60, "**a**, **b** or **c**"},
		{"one more than shown", []string{"a", "b", "c", "d"}, 3, 60, "**a**, **b**, **c** or 1 other"},
		{"more than shown", []string{"a", "", "b", "c", "d", "e"}, 2, 60, "**a**, **b** or 3 others"},
		{"escaped on one line", []string{"*x*\n<@1>"}, 3, 60, `**\*x\* \<@1\>**`},
		{"cut to width", []string{"Marguerite Delacroix-Oyelaran"}, 3, 12, "**Marguerite…**"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := orList(tt.items, tt.most, tt.width); got != tt.want {
				t.Errorf("orList(%q, %d, %d) = %q, want %q", tt.items, tt.most, tt.width, got, tt.want)
			}
		})
	}
}

func TestWebURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.presstv.ir/Detail/2015/09/19/x", "https://www.presstv.ir/Detail/2015/09/19/x"},
		{"  http://example.com/a  ", "http://example.com/a"},
		{"ftp://example.com", ""},
		{"www.example.com", ""},
		{"javascript:alert(1)", ""},
		{"https://", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			if got := webURL(tt.in); got != tt.want {
				t.Errorf("webURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEchoDropsFormatCharacters(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"\u202erussia", "russia"},
		{"iran\u2066 \u2069talks", "iran talks"},
		{"zero\u200bwidth\ufeff", "zerowidth"},
		{"soft\u00adhyphen", "softhyphen"},
		{"plain text", "plain text"},
		{"emoji 🇸🇾 stays", "emoji 🇸🇾 stays"},
	}
	for _, tt := range tests {
		if got := echo(tt.in, 100); got != tt.want {
			t.Errorf("echo(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFindTitleDropsBidiOverrides checks that a right-to-left override in a
// query cannot reverse the public title of /find's answer.
func TestFindTitleDropsBidiOverrides(t *testing.T) {
	r := mustNew(article.Default()).Respond(context.Background(), slash("find", opt("query", discordgo.ApplicationCommandOptionString, "\u202erussia")))
	if r.Data == nil || len(r.Data.Embeds) == 0 {
		t.Fatalf("/find \\u202erussia = %s, want the results", PlainText(r))
	}
	if title := r.Data.Embeds[0].Title; title != "Find: russia" {
		t.Errorf("/find \\u202erussia title = %q, want %q", title, "Find: russia")
	}
}

func TestJoinedLen(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		sep   string
	}{
		{"none", nil, "\n"},
		{"one", []string{"“Yes,” he said."}, "\n\n"},
		{"several", []string{"> “Assad must go” — ¶1", "", "é…"}, "\n\n"},
		{"invalid UTF-8 at the ends", []string{"a\xe2\x80", "\x99b"}, "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := runeLen(strings.Join(tt.items, tt.sep))
			if got := joinedLen(tt.items, tt.sep); got != want {
				t.Errorf("joinedLen(%q, %q) = %d, want %d", tt.items, tt.sep, got, want)
			}
		})
	}
}
