package bot

import (
	"regexp"
	"strings"
	"unicode"
)

// Parts of a message that are not words to search for.
var (
	// Mentions, channels, roles, custom emoji, timestamps and slash
	// command mentions: <@1>, <@!1>, <@&1>, <#1>, <:name:1>, <a:name:1>,
	// <t:1:R>, </name:1>, and the server navigation <id:customize>.
	discordTokens = regexp.MustCompile(`<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::\w)?|/[^<>]+:\d+|id:\w+)>`)
	// Links, bare or in <angle brackets>, and masked links' targets.
	links = regexp.MustCompile(`<?(?i:https?|ftp)://[^\s<>]+>?|\]\([^)]*\)`)
	// Fenced code blocks keep their text but lose the fence and its
	// language tag.
	codeFence = regexp.MustCompile("```[A-Za-z0-9_+-]*\n?")
	// @everyone and @here ping nobody in a query, but are not words of it
	// either.
	massMentions = regexp.MustCompile(`(?i)@(everyone|here)\b`)
)

// stripDiscordMarkup returns text without what Discord gives a meaning of
// its own: mentions (@everyone and @here too), channel and role links,
// custom emoji, timestamps, links and code fences, each replaced by a
// space.
func stripDiscordMarkup(text string) string {
	text = discordTokens.ReplaceAllString(text, " ")
	text = links.ReplaceAllString(text, " ")
	text = massMentions.ReplaceAllString(text, " ")
	return codeFence.ReplaceAllString(text, " ")
}

// plainText returns text without Discord's markup: stripDiscordMarkup's,
// and the characters of markdown, each replaced by a space, with line
// breaks and other control characters as spaces too.
func plainText(text string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(markdownChars, r), unicode.IsControl(r), unicode.IsSpace(r):
			return ' '
		}
		return r
	}, stripDiscordMarkup(text))
}

// markdownChars are the characters Discord's markdown formats text with.
const markdownChars = "*_~`|>#[]<\\"
