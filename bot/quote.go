package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// quoteCommand is /quote speaker:<name>: what one person said, direct
// quotes first, then what the article reports they said.
func (b *Bot) quoteCommand() *command {
	def := slashCommand("quote", "Show what someone in the article said, each quote with its paragraph (¶N).",
		&discordgo.ApplicationCommandOption{
			Type:         discordgo.ApplicationCommandOptionString,
			Name:         "speaker",
			Description:  "Who said it: a name or part of one, as in the article. Suggestions appear as you type.",
			Required:     true,
			Autocomplete: true,
			MaxLength:    speakerQueryMax,
		})
	example := "/quote speaker:<name>"
	if sp := b.art.Speakers(); len(sp) > 0 && sp[0] != nil {
		example = "/quote speaker:" + truncate(oneLine(sp[0].Name), 60)
	}
	idx := newSpeakerIndex(b.art.Speakers())
	return &command{
		def:          def,
		run:          b.quote,
		autocomplete: idx.autocomplete,
		example:      example,
	}
}

// Room for the parts of a /quote answer, in characters.
const (
	speakerQueryMax = 100 // the speaker option's max_length
	quoteRoom       = 700 // one quotation or reported statement
	aliasesShown    = 6   // other names listed under the speaker's
)

func (b *Bot) quote(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	name, _, err := stringOption(i, "speaker")
	if err != nil {
		return nil, err
	}
	sp, err := b.art.Speaker(name)
	var ie *article.InputError
	if err != nil && errors.As(err, &ie) && len(ie.Ambiguous) == 0 {
		// Someone the article names without quoting: say so, and where.
		if p, perr := b.art.Person(name); perr == nil {
			if p.Speaker == nil {
				return message([]*discordgo.MessageEmbed{b.mentionedEmbed(p)}, nil), nil
			}
			sp, err = p.Speaker, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("looking up speaker %q: %w", name, err)
	}
	if sp == nil {
		return nil, errors.New("the speaker lookup returned neither a speaker nor an error")
	}
	return message([]*discordgo.MessageEmbed{b.speakerEmbed(sp)}, nil), nil
}

// mentionsShown is how many places naming someone /quote shows when the
// article quotes nothing of theirs.
const mentionsShown = 3

// mentionedEmbed renders someone the article names but does not quote:
// that it quotes nothing of theirs, and the first places it names them,
// each with its paragraph and the name in bold.
func (b *Bot) mentionedEmbed(p *article.Person) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title: escapeWithin(capitalize(oneLine(p.Name)), limitEmbedTitle),
		Color: embedColor,
	}
	paras := p.Paragraphs()
	var lines []string
	if d := oneLine(p.Description); d != "" {
		lines = append(lines, "*"+escapeWithin(d, 300)+"*")
	}
	name := escapeWithin(oneLine(p.Name), 200)
	if n := article.Utterances(b.art.Unattributed()); n > 0 {
		// One of the quotations without a speaker may be theirs: say so
		// rather than state flatly that the article does not quote them.
		have := " have"
		if n == 1 {
			have = " has"
		}
		lines = append(lines, "The article mentions "+name+" (named in "+citeList(paras)+
			"), and I found no quote I can give to them; "+plural(n, "quotation", "quotations")+
			" in it"+have+" a speaker I could not tell.")
	} else {
		lines = append(lines, "The article mentions "+name+" but does not quote them: named in "+citeList(paras)+".")
	}
	if spokes := b.spokespeople(p.Name, nil); len(spokes) > 0 {
		lines = append(lines, "Speaking for them: "+escapeWithin(strings.Join(spokes, ", "), 300)+
			" (ask /quote for them by name).")
	}
	shown, last := 0, 0
	for _, m := range p.Mentions {
		if shown == mentionsShown {
			break
		}
		if m.Paragraph == last {
			continue // one place a paragraph
		}
		last = m.Paragraph
		para, ok := b.art.Paragraph(m.Paragraph)
		if !ok {
			continue
		}
		c := " — " + cite(m.Paragraph)
		lines = append(lines, "• "+excerpt(para.Text, []article.Span{m.Span}, 240, 300)+c)
		shown++
	}
	e.Description = truncate(strings.Join(lines, "\n"), limitEmbedDesc)
	foot := []string{"mentioned, not quoted"}
	if len(b.art.Unattributed()) > 0 {
		foot[0] = "mentioned, no quote found"
	}
	if src := source(b.art.Meta.Publication, b.art.Meta.Date); src != "" {
		foot = append(foot, src)
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(strings.Join(foot, " · "), limitFooterText)}
	return e
}

// speakerEmbed renders a speaker: who they are, their direct quotes as
// block quotes, then their reported statements, labelled as the article's
// words.
func (b *Bot) speakerEmbed(sp *article.Speaker) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title: escapeWithin(capitalize(oneLine(sp.Name)), limitEmbedTitle),
		Color: embedColor,
	}
	if e.Title == "" {
		e.Title = "Unnamed speaker"
	}
	var foot []string
	if len(sp.Quotes) > 0 || len(sp.Reported) == 0 {
		foot = append(foot, plural(article.Utterances(sp.Quotes), "direct quote", "direct quotes"))
	}
	if len(sp.Reported) > 0 {
		foot = append(foot, plural(len(sp.Reported), "reported statement", "reported statements"))
	}
	if src := source(b.art.Meta.Publication, b.art.Meta.Date); src != "" {
		foot = append(foot, src)
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(strings.Join(foot, " · "), limitFooterText)}

	var intro []string
	if d := oneLine(sp.Description); d != "" {
		intro = append(intro, "*"+escapeWithin(d, 300)+"*")
	}
	if aka := otherNames(sp); len(aka) > 0 {
		intro = append(intro, "Also called: "+escapeWithin(strings.Join(aka, ", "), 300))
	}
	if f := oneLine(sp.SpeaksFor); f != "" {
		intro = append(intro, "Speaks for "+escapeWithin(f, 200)+".")
	}
	if spokes := b.spokespeople(sp.Name, sp); len(spokes) > 0 {
		intro = append(intro, "Also speaking for it: "+escapeWithin(strings.Join(spokes, ", "), 300)+
			" (ask /quote for them by name).")
	}
	introText := strings.Join(intro, "\n")

	direct := directItems(sp.Quotes)
	reported := make([]string, 0, len(sp.Reported))
	for _, q := range sp.Reported {
		if t := oneLine(q.Text); t != "" {
			c := " — " + cite(q.Paragraph)
			reported = append(reported, "• "+escapeWithin(t, quoteRoom-runeLen(c))+c)
		}
	}
	const (
		directHead   = "**Direct quotes**"
		reportedHead = "**Reported statements**, in the article's words (not direct quotes)"
		gap          = "\n\n"
	)
	if len(direct) == 0 && len(reported) == 0 {
		e.Description = strings.TrimSpace(introText + gap + "The article names this speaker but gives no words of theirs.")
		return e
	}

	// Share the room between the two lists: each gets what it needs when
	// both fit, and otherwise reported speech keeps up to a third.
	room := min(limitEmbedDesc, limitEmbedTotal-embedLen(e)) - runeLen(introText) - 2*runeLen(gap)
	room -= runeLen(directHead) + runeLen(reportedHead) + 2
	needD := joinedLen(direct, gap)
	needR := joinedLen(reported, "\n")
	roomR := min(needR, room/3)
	if needD+needR <= room {
		roomR = needR
	}
	moreQuotes := func(n int) string { return "…and " + plural(n, "more quote", "more quotes") }
	dBlock := joinWithin(direct, gap, room-roomR, moreQuotes)
	rBlock := joinWithin(reported, "\n", room-runeLen(dBlock), func(n int) string {
		return "…and " + plural(n, "more statement", "more statements")
	})

	// The description is introText, then each block under its heading,
	// with gap between those present, put together in one buffer.
	var d strings.Builder
	d.Grow(len(introText) + len(directHead) + len(dBlock) + len(reportedHead) + len(rBlock) + 2*len(gap) + 2)
	d.WriteString(introText)
	for _, block := range [...]struct{ head, text string }{{directHead, dBlock}, {reportedHead, rBlock}} {
		if block.text == "" {
			continue
		}
		if d.Len() > 0 {
			d.WriteString(gap)
		}
		d.WriteString(block.head)
		d.WriteByte('\n')
		d.WriteString(block.text)
	}
	e.Description = d.String()
	return e
}

// spokespeople returns the names of the speakers other than self who
// speak for the body called name, in the article's order of speakers.
func (b *Bot) spokespeople(name string, self *article.Speaker) []string {
	var out []string
	for _, o := range b.art.Speakers() {
		if o != self && o.SpeaksFor != "" && o.SpeaksFor == name {
			out = append(out, oneLine(o.Name))
		}
	}
	return out
}

// otherNames returns the aliases of sp other than its name and its
// description, without repeats (ignoring case), at most aliasesShown of
// them.
func otherNames(sp *article.Speaker) []string {
	seen := map[string]bool{article.Fold(sp.Name): true, article.Fold(oneLine(sp.Description)): true}
	var out []string
	for _, a := range sp.Aliases {
		a = oneLine(a)
		k := article.Fold(a)
		if a == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
		if len(out) == aliasesShown {
			break
		}
	}
	return out
}

// directItems renders direct quotes as block quotes with their citations.
// One block holds a quotation that runs on over several paragraphs (a line
// per paragraph, the closing mark at the end, as print does) and the
// separate quotations of one paragraph ("A," she said, "B.").
func directItems(qs []article.Quote) []string {
	var items, texts []string
	var paras []int
	for k := 0; k < len(qs); {
		n := 1
		for k+n < len(qs) {
			next, last := qs[k+n], qs[k+n-1]
			runsOn := next.Continued && next.Paragraph == last.Paragraph+1
			if !runsOn && next.Paragraph != last.Paragraph {
				break
			}
			n++
		}
		group := qs[k : k+n]
		k += n

		// One item is built in one buffer: its lines, each quotation
		// closed where the next does not run on from it, then where it is.
		paras, texts = paras[:0], texts[:0]
		size := 64
		per := quoteRoom / len(group)
		for _, q := range group {
			paras = append(paras, q.Paragraph)
			texts = append(texts, quoteText(q, max(per-4, 10)))
			size += len(texts[len(texts)-1]) + 16
		}
		var b strings.Builder
		b.Grow(size)
		for j, q := range group {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString("> “")
			b.WriteString(texts[j])
			if j == len(group)-1 || group[j+1].Paragraph == q.Paragraph {
				b.WriteString("”")
			}
		}
		b.WriteString(" — ")
		b.WriteString(citeList(paras))
		if group[0].Partial {
			b.WriteString(" (words quoted within reported speech)")
		}
		items = append(items, b.String())
	}
	return items
}

// quoteText returns a quotation's words, escaped, in at most room
// characters: a quotation its attribution splits keeps the start of each
// part ("A … B").
func quoteText(q article.Quote, room int) string {
	if len(q.Parts) < 2 {
		return escapeWithin(oneLine(q.Text), room)
	}
	const mark = " … "
	per := max((room-runeLen(mark)*(len(q.Parts)-1))/len(q.Parts), 10)
	parts := make([]string, len(q.Parts))
	for i, p := range q.Parts {
		parts[i] = escapeWithin(oneLine(p), per)
	}
	return strings.Join(parts, mark)
}

// speakerIndex matches what someone types into /quote's speaker option
// against the article's speakers, for autocomplete.
type speakerIndex struct {
	entries []speakerEntry // most quoted first
}

type speakerEntry struct {
	name  string   // canonical name
	label string   // the choice shown: "John Kerry (US Secretary of State) — 4 quotes"
	names []string // folded name and aliases
}

func newSpeakerIndex(speakers []*article.Speaker) *speakerIndex {
	idx := &speakerIndex{}
	for _, sp := range speakers {
		if sp == nil || vagueGroup(sp) {
			continue
		}
		name := truncateWords(oneLine(sp.Name), limitChoiceValue)
		if name == "" {
			continue
		}
		count := plural(article.Utterances(sp.Quotes), "quote", "quotes")
		switch {
		case len(sp.Quotes) > 0:
		case len(sp.Reported) > 0:
			count = plural(len(sp.Reported), "reported statement", "reported statements")
		default:
			count = "no quotes"
		}
		suffix := " — " + count
		ent := speakerEntry{
			name:  name,
			label: choiceLabel(name, oneLine(sp.Description), suffix),
			names: []string{article.Fold(oneLine(sp.Name))},
		}
		for _, a := range sp.Aliases {
			ent.names = append(ent.names, article.Fold(oneLine(a)))
		}
		idx.entries = append(idx.entries, ent)
	}
	return idx
}

// minDescShown is the fewest characters of a description worth showing in
// a choice; a shorter room leaves it out.
const minDescShown = 12

// choiceLabel returns the autocomplete choice for a speaker: the name, the
// description the article gives them in brackets when there is room for a
// useful part of it and it says who they are rather than what they did
// ("who spoke on condition of anonymity"), and suffix, within Discord's
// limit. The name and the
// suffix are kept whole where they fit; the description gives way first.
func choiceLabel(name, desc, suffix string) string {
	room := limitChoiceName - runeLen(suffix)
	if first, _, _ := strings.Cut(strings.ToLower(desc), " "); first == "who" || first == "whose" || first == "which" || first == "that" {
		// "who asked not to be named": what the source did, not who
		// they are.
		desc = ""
	}
	if desc != "" && !strings.EqualFold(desc, name) {
		if descRoom := room - runeLen(name) - len(" ()"); descRoom >= minDescShown {
			return name + " (" + truncate(desc, descRoom) + ")" + suffix
		}
	}
	return truncate(name, room) + suffix
}

// vagueGroup reports whether a speaker is a group the article names by one
// plural word and never quotes directly ("experts", "critics"): /quote
// still finds it, but autocomplete suggests people and bodies.
func vagueGroup(sp *article.Speaker) bool {
	return !sp.Named && len(sp.Quotes) == 0 && !strings.Contains(strings.TrimSpace(sp.Name), " ") &&
		strings.HasSuffix(sp.Name, "s")
}

// truncateWords returns the whole words of s that fit in max characters,
// without an ellipsis, so that the result is still a name to look up.
func truncateWords(s string, max int) string {
	if runeLen(s) <= max {
		return s
	}
	return strings.TrimSuffix(truncate(s, max+runeLen(ellipsis)), ellipsis)
}

// Match quality of a speaker for what was typed, best first.
const (
	matchNamePrefix = iota // the canonical name starts with it
	matchWordPrefix        // a word of the name or an alias starts with it
	matchSubstring         // the name or an alias contains it
	noSpeakerMatch
)

func (e *speakerEntry) match(typed string) int {
	if typed == "" || strings.HasPrefix(e.names[0], typed) {
		return matchNamePrefix
	}
	best := noSpeakerMatch
	for _, n := range e.names {
		if !strings.Contains(n, typed) {
			continue
		}
		best = min(best, matchSubstring)
		for w := range strings.FieldsSeq(n) {
			if strings.HasPrefix(w, typed) {
				return matchWordPrefix
			}
		}
		if strings.HasPrefix(n, typed) {
			return matchWordPrefix
		}
	}
	return best
}

// suggest returns up to limit speakers matching typed, the best matches
// first and, among equal matches, the most quoted first.
func (idx *speakerIndex) suggest(typed string, limit int) []*discordgo.ApplicationCommandOptionChoice {
	typed = article.Fold(strings.TrimSpace(oneLine(typed)))
	type hit struct {
		e    *speakerEntry
		rank int
	}
	var hits []hit
	for k := range idx.entries {
		if r := idx.entries[k].match(typed); r != noSpeakerMatch {
			hits = append(hits, hit{&idx.entries[k], r})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.rank - b.rank })
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, h := range hits[:min(len(hits), limit)] {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: h.e.label, Value: h.e.name})
	}
	return out
}

func (idx *speakerIndex) autocomplete(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	typed, ok := focusedString(i, "speaker")
	if !ok {
		return nil, userErrorf("Only the speaker option suggests names as you type.")
	}
	return choices(idx.suggest(typed, limitChoices)), nil
}
