package bot

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Rendering helpers shared by the commands: lengths and truncation in runes,
// markdown escaping, citations, and the shapes of the responses.

// embedColor is the accent colour of the bot's embeds.
const embedColor = 0x3b6ea5

// ellipsis marks text that was cut short.
const ellipsis = "…"

// runeLen returns the length of s in characters, as Discord counts them.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// runeOffset returns the byte offset of the n-th rune of s, or len(s) when s
// has n runes or fewer.
func runeOffset(s string, n int) int {
	if n <= 0 {
		return 0
	}
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// truncate returns s when it is at most max characters long, and otherwise
// its beginning cut at a word boundary and ended with "…", at most max
// characters in all. A single word longer than half the room is cut
// mid-word rather than dropped.
func truncate(s string, max int) string {
	if max <= 0 {
		return ""
	}
	if runeLen(s) <= max {
		return s
	}
	room := max - runeLen(ellipsis)
	cut := runeOffset(s, room)
	head := s[:cut]
	if next, _ := utf8.DecodeRuneInString(s[cut:]); !unicode.IsSpace(next) {
		if i := strings.LastIndexFunc(head, unicode.IsSpace); i > 0 && runeLen(head[:i]) >= room/2 {
			head = head[:i]
		}
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:.-–—", r)
	})
	return head + ellipsis
}

// oneLine replaces line breaks, tabs and other control characters in s with
// spaces and collapses runs of space, so echoed text stays on one line.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// inlineMarkdown holds the characters that format text anywhere in a line.
// '<' and '>' also open mentions (<@id>, <@&id>, <#id>), timestamps and
// custom emoji; '[' and ']' open masked links.
const inlineMarkdown = "\\*_~`|<>[]#"

// escape returns s as literal text for Discord: markdown characters are
// backslash-escaped, list and heading markers at the start of a line are
// neutralised, and @everyone and @here cannot mention anyone or render as a
// mention.
func escape(s string) string { return escapeFrom(s, true) }

// escapeFrom is escape for text that starts a line when lineStart is true,
// and continues one otherwise.
func escapeFrom(s string, lineStart bool) string {
	// Most text needs nothing: no markdown, no '@', no line break, and no
	// list marker at its start.
	if !strings.ContainsAny(s, inlineMarkdown+"@\n") {
		t := strings.TrimLeft(s, " \t")
		if !lineStart || t == "" || !(t[0] == '-' || t[0] == '+' || (t[0] >= '0' && t[0] <= '9')) {
			return s
		}
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < utf8.RuneSelf && strings.IndexByte(inlineMarkdown, byte(r)) >= 0:
			b.WriteByte('\\')
			b.WriteRune(r)
		case lineStart && (r == '-' || r == '+'):
			b.WriteByte('\\')
			b.WriteRune(r)
		case lineStart && r >= '0' && r <= '9':
			// "1. item" starts an ordered list: escape its dot.
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			b.WriteString(s[i:j])
			if j < len(s) && s[j] == '.' {
				b.WriteString(`\.`)
				j++
			}
			i = j
			lineStart = false
			continue
		case r == '@' && (hasPrefixFold(s[i+1:], "everyone") || hasPrefixFold(s[i+1:], "here")):
			b.WriteString("@\u200b")
		default:
			b.WriteRune(r)
		}
		switch {
		case r == '\n':
			lineStart = true
		case r == ' ' || r == '\t':
			// Leading blanks keep a line's start.
		default:
			lineStart = false
		}
		i += size
	}
	return b.String()
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// escapeWithin returns escape(s), cut short with truncate when needed so
// that the escaped text is at most max characters long.
func escapeWithin(s string, max int) string {
	if max <= 0 {
		return ""
	}
	// Escaping only lengthens text, so at most max characters of s can
	// show: look no further than one past them.
	if cut := runeOffset(s, max+1); cut < len(s) {
		s = s[:cut]
	}
	if e := escape(s); runeLen(e) <= max {
		return e
	}
	// The longest truncation usually fits, since most text has little to
	// escape; otherwise search for the longest that does.
	hi := min(runeLen(s), max)
	if e := escape(truncate(s, hi)); runeLen(e) <= max {
		return e
	}
	best := ""
	lo := 1
	for lo <= hi {
		mid := (lo + hi) / 2
		if e := escape(truncate(s, mid)); runeLen(e) <= max {
			best, lo = e, mid+1
		} else {
			hi = mid - 1
		}
	}
	return best
}

// echo renders text a user typed for display: without format characters,
// on one line, escaped, and at most max characters long.
func echo(s string, max int) string { return escapeWithin(oneLine(withoutFormatChars(s)), max) }

// withoutFormatChars returns s without Unicode's format characters
// (category Cf): bidirectional overrides and isolates, zero-width spaces
// and joiners, soft hyphens. Echoed in an answer, an override such as
// U+202E would reverse the text after it, so that the bot would seem to
// say what the user chose.
func withoutFormatChars(s string) string {
	if strings.IndexFunc(s, isFormatChar) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFormatChar(r) {
			return -1
		}
		return r
	}, s)
}

func isFormatChar(r rune) bool { return r >= utf8.RuneSelf && unicode.Is(unicode.Cf, r) }

// cite returns the citation of paragraph n: "¶n".
func cite(n int) string { return "¶" + strconv.Itoa(n) }

// citeList returns the citations of the paragraphs ns in the order given,
// without repeats: "¶1, ¶2, ¶8".
func citeList(ns []int) string {
	seen := make(map[int]bool, len(ns))
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, cite(n))
		}
	}
	return strings.Join(out, ", ")
}

// joinedLen returns the length in characters of items joined with sep, an
// ASCII separator, without joining them.
func joinedLen(items []string, sep string) int {
	if len(items) == 0 {
		return 0
	}
	n := (len(items) - 1) * len(sep)
	for _, it := range items {
		n += runeLen(it)
	}
	return n
}

// plural returns "1 quote" or "n quotes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// orList returns items on one line each, escaped and in bold, joined as
// "**A**, **B** or **C**": the first most of them, each cut to width
// characters, then how many others there are. Empty items are left out; it
// returns "" when none is left.
func orList(items []string, most, width int) string {
	var out []string
	others := 0
	for _, it := range items {
		switch it = oneLine(it); {
		case it == "":
		case len(out) == most:
			others++
		default:
			out = append(out, "**"+escapeWithin(it, width)+"**")
		}
	}
	if others > 0 {
		out = append(out, plural(others, "other", "others"))
	}
	if len(out) <= 1 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}

// webURL returns u when Discord accepts it as an embed's URL (an absolute
// http or https URL with a host, of at most limitEmbedURL characters), and
// "" otherwise.
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || runeLen(p.String()) > limitEmbedURL {
		return ""
	}
	return p.String()
}

// joinWithin joins items with sep, keeping as many whole items from the
// start as fit in max characters together with the line that more(n) returns
// for the n items left out. more(n) must be no longer than more(n+1), as
// "…and 9 more quotes" is no longer than "…and 10 more quotes".
func joinWithin(items []string, sep string, max int, more func(left int) string) string {
	kept, rest := fitWithin(items, sep, max, more)
	size := len(rest)
	for k, it := range items[:kept] {
		if k > 0 {
			size += len(sep)
		}
		size += len(it)
	}
	var b strings.Builder
	b.Grow(size)
	for k, it := range items[:kept] {
		if k > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it)
	}
	b.WriteString(rest)
	return b.String()
}

// fitWithin works out what joinWithin keeps: how many items, and the note
// that follows them, with its separator, or "".
func fitWithin(items []string, sep string, max int, more func(left int) string) (kept int, rest string) {
	used := 0
	// The longest note an item can need, since no note is longer than the
	// one for more items: an item that fits with it needs no note of its
	// own worked out.
	longest := 0
	if len(items) > 1 {
		longest = runeLen(sep) + runeLen(more(len(items)-1))
	}
	for k, it := range items {
		add := runeLen(it)
		if k > 0 {
			add += runeLen(sep)
		}
		left := len(items) - k - 1
		tail := 0
		if left > 0 && used+add+longest > max {
			tail = runeLen(sep) + runeLen(more(left))
		}
		if used+add+tail > max {
			rest := more(len(items) - k)
			if k > 0 {
				rest = sep + rest
			}
			if used+runeLen(rest) > max {
				rest = ""
			}
			return k, rest
		}
		used += add
	}
	return len(items), ""
}

// noMentions allows no mention of any kind: echoed text can never ping.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// message returns a response that posts a message with embeds and
// components.
func message(embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Embeds:          embeds,
			Components:      components,
			AllowedMentions: noMentions(),
		},
	}
}

// update returns a response that replaces the message a component belongs
// to.
func update(embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent) *discordgo.InteractionResponse {
	r := message(embeds, components)
	r.Type = discordgo.InteractionResponseUpdateMessage
	return r
}

// ephemeral returns a response that shows content to the user who asked
// only. Content longer than Discord allows is cut short.
func ephemeral(content string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         truncate(content, limitContent),
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: noMentions(),
		},
	}
}

// choices returns an autocomplete response. The list is never nil, so it
// is sent even when empty (see MarshalResponse).
func choices(cs []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	if cs == nil {
		cs = []*discordgo.ApplicationCommandOptionChoice{}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: cs},
	}
}

// embedLen returns the characters of e that count towards Discord's limit
// per message.
func embedLen(e *discordgo.MessageEmbed) int {
	if e == nil {
		return 0
	}
	n := runeLen(e.Title) + runeLen(e.Description)
	if e.Footer != nil {
		n += runeLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += runeLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		if f != nil {
			n += runeLen(f.Name) + runeLen(f.Value)
		}
	}
	return n
}
