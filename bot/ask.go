package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// askCommand is /ask question:<text>: the sentence or two of the article
// that best answer a question in the user's own words, each citing its
// paragraph, with a "Show paragraph" button for each paragraph cited.
//
// The buttons are stateless: a custom_id "ask:para:<N>" names the paragraph
// to show, so any replica with the same article answers a click, before or
// after a restart; the pipeline adds the article's stamp (see stamp.go). The
// paragraph is shown in a private message (a new ephemeral response of type
// 4), to the person who clicked only, so that the channel is not filled
// with paragraphs and the answer stays as it was for everyone else.
func (b *Bot) askCommand() *command {
	def := slashCommand("ask", "Ask the article a question: it answers with its own sentences, citing each paragraph (¶N).",
		&discordgo.ApplicationCommandOption{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "question",
			Description: "Your question in your own words: who said…? how many…? when…? where…? why…?",
			Required:    true,
			MaxLength:   article.MaxQuestionLen,
		})
	example := "/ask question:" + b.exampleQuestion()
	return &command{
		def: def,
		run: func(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			return b.ask(ctx, i, example)
		},
		prefix:    askPrefix,
		component: b.showParagraph,
		example:   example,
	}
}

const (
	askPrefix = "ask"
	// askParaID opens the custom_id of a Show paragraph button.
	askParaID = askPrefix + ":para:"
	// answerRoom is how many characters of one sentence an answer shows.
	answerRoom = 900
)

// ask answers /ask; a user who asks nothing is shown example, a use of /ask
// worked out at start-up.
func (b *Bot) ask(ctx context.Context, i *discordgo.Interaction, example string) (*discordgo.InteractionResponse, error) {
	question, found, err := stringOption(i, "question")
	if err != nil {
		return nil, err
	}
	if !found || strings.TrimSpace(question) == "" {
		return nil, userErrorf("Type your question after %s, for example %s.", "`/ask question:`", "`"+example+"`")
	}
	r, err := b.answer(question)
	if err != nil {
		return nil, err
	}
	if !r.found {
		return ephemeral(r.content), nil
	}
	return message(r.embeds, r.components), nil
}

// rendered is an answer to a question, ready to post: embeds and buttons
// when the article answers it, and otherwise a message saying so.
type rendered struct {
	found      bool
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
}

// answer asks the article question and renders what it says. Mentions,
// links, custom emoji and markdown in the question are not part of it. A
// question the engine cannot take gives a *userError with the engine's
// reason.
func (b *Bot) answer(question string) (rendered, error) {
	ans, err := b.art.Ask(plainText(question))
	var ie *article.InputError
	if errors.As(err, &ie) {
		return rendered{}, &userError{msg: inputErrorMessage(ie), err: err}
	}
	if err != nil {
		return rendered{}, fmt.Errorf("asking %q: %w", question, err)
	}
	if len(ans.Unquoted) > 0 {
		return b.unquotedAnswer(ans.Unquoted), nil
	}
	if !ans.Found() {
		return rendered{content: noAnswer(question, ans)}, nil
	}
	e, paras, err := b.answerEmbed(question, ans)
	if err != nil {
		return rendered{}, err
	}
	return rendered{
		found:      true,
		embeds:     []*discordgo.MessageEmbed{e},
		components: []discordgo.MessageComponent{showButtons(paras)},
	}, nil
}

// unquotedShown is how many people an answer about someone the article
// does not quote shows, when the name may mean several.
const unquotedShown = 3

// unquotedAnswer renders the answer to "what did X say?" when the article
// names X but quotes nothing of theirs: that it does not quote them, and
// where it names them, with a button for each paragraph shown.
func (b *Bot) unquotedAnswer(people []*article.Person) rendered {
	r := rendered{found: true}
	var paras []int
	for _, p := range people[:min(len(people), unquotedShown)] {
		r.embeds = append(r.embeds, b.mentionedEmbed(p))
		for _, n := range p.Paragraphs()[:min(len(p.Paragraphs()), mentionsShown)] {
			if !slices.Contains(paras, n) {
				paras = append(paras, n)
			}
		}
	}
	if len(paras) > 0 {
		r.components = []discordgo.MessageComponent{showButtons(paras)}
	}
	return r
}

// answerEmbed renders a found answer: the question as the title, whom a
// who-question names, then each sentence as a block quote with its
// citation and, when it holds someone's words, whose they are. It returns
// the paragraphs cited, in order.
func (b *Bot) answerEmbed(question string, ans article.Answer) (*discordgo.MessageEmbed, []int, error) {
	e := &discordgo.MessageEmbed{
		Title: echo(question, limitEmbedTitle),
		Color: embedColor,
	}
	if e.Title == "" {
		e.Title = "Your question"
	}
	foot := []string{"The article's own sentences"}
	if src := source(b.art.Meta.Publication, b.art.Meta.Date); src != "" {
		foot = append(foot, src)
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(strings.Join(foot, " · "), limitFooterText)}

	var parts []string
	if sp := ans.Speaker; sp != nil {
		who := "**" + escapeWithin(capitalize(oneLine(sp.Name)), 200) + "**"
		if d := oneLine(sp.Description); d != "" {
			who += ", *" + escapeWithin(d, 300) + "*"
		}
		parts = append(parts, who)
	}
	var paras []int
	for _, s := range ans.Sentences {
		p, ok := b.art.Paragraph(s.Paragraph)
		if !ok || s.Span.Start < 0 || s.Span.End > len(p.Text) || s.Span.Start > s.Span.End {
			return nil, nil, fmt.Errorf("the answer cites ¶%d at %v, which the article does not have", s.Paragraph, s.Span)
		}
		shown, from := s.Text, s.Span.Start
		if s.Label > 0 && s.Label < len(s.Text) {
			// "A: We never closed.": the speaker is named beside it.
			shown, from = s.Text[s.Label:], from+s.Label
		}
		spans := make([]article.Span, 0, len(s.Spans))
		for _, sp := range s.Spans {
			if sp.Start >= from {
				spans = append(spans, article.Span{Start: sp.Start - from, End: sp.End - from})
			}
		}
		tail := " — " + cite(s.Paragraph)
		if sp := s.Speaker; sp != nil && sp != ans.Speaker && !namedIn(s.Text, sp) {
			// "…,” he added. — ¶14, James George Jatras"
			tail += ", " + escapeWithin(oneLine(sp.Name), 100)
		}
		text := escapeWithin(s.Open, 4) + excerpt(shown, spans, answerRoom, answerRoom+200) + escapeWithin(s.Close, 4)
		parts = append(parts, "> "+text+tail)
		if len(paras) == 0 || paras[len(paras)-1] != s.Paragraph {
			paras = append(paras, s.Paragraph)
		}
	}
	e.Description = joinWithin(parts, "\n\n", min(limitEmbedDesc, limitEmbedTotal-embedLen(e)), func(n int) string {
		return "…and " + plural(n, "more sentence", "more sentences")
	})
	return e, paras, nil
}

// namedIn reports whether text names the speaker by one of its aliases.
func namedIn(text string, sp *article.Speaker) bool {
	t := article.Fold(text)
	for _, a := range append([]string{sp.Name}, sp.Aliases...) {
		if a = article.Fold(strings.TrimPrefix(oneLine(a), "the ")); a != "" && strings.Contains(t, a) {
			return true
		}
	}
	return false
}

// noAnswer says honestly that the article does not answer the question,
// naming the words it lacks, and points to /find.
func noAnswer(question string, ans article.Answer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "I couldn't find an answer to %s in the article.", quoted(echo(question, 300)))
	if len(ans.Missing) > 0 {
		b.WriteString(" It doesn't mention " + orList(ans.Missing, 6, 60) + ".")
	}
	var present []string
	for _, t := range ans.Terms {
		if !slices.Contains(ans.Missing, t) {
			present = append(present, t)
		}
	}
	if len(present) > 0 {
		q := strings.Join(present, " ")
		b.WriteString("\nTo see every paragraph with " + orList(present, 6, 60) + ", try `/find query:" + truncate(q, findQueryMax) + "`, or ask in other words.")
	} else {
		b.WriteString("\nTry `/find` with other words, or `/summary` to see what the article covers.")
	}
	return truncate(b.String(), limitContent)
}

// showButtons returns a row with one Show paragraph button for each
// paragraph.
func showButtons(paras []int) discordgo.ActionsRow {
	row := discordgo.ActionsRow{}
	for _, n := range paras[:min(len(paras), limitRowComponents)] {
		row.Components = append(row.Components, discordgo.Button{
			Label:    "Show paragraph " + cite(n),
			Style:    discordgo.SecondaryButton,
			CustomID: askParaID + strconv.Itoa(n),
		})
	}
	return row
}

// showParagraph answers a Show paragraph button with the whole paragraph,
// privately.
func (b *Bot) showParagraph(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	data, _ := componentData(i)
	n, ok := parseParaID(data.CustomID)
	if !ok {
		return nil, userErrorf("This button is out of date or damaged. Ask again with %s.", "`/ask`")
	}
	p, ok := b.art.Paragraph(n)
	if !ok {
		return nil, userErrorf("The article has no paragraph %s any more: it may have been replaced. Ask again with %s.", cite(n), "`/ask`")
	}
	e := &discordgo.MessageEmbed{
		Title:       cite(p.N),
		Color:       embedColor,
		Description: escapeWithin(oneLine(p.Text), limitEmbedDesc),
	}
	if title := oneLine(b.art.Meta.Title); title != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(title, limitFooterText)}
	}
	r := message([]*discordgo.MessageEmbed{e}, nil)
	r.Data.Flags = discordgo.MessageFlagsEphemeral
	return r, nil
}

// parseParaID reads the paragraph number of a custom_id made by
// showButtons. It accepts nothing else: a number from 1 written without
// leading zeros.
func parseParaID(id string) (int, bool) {
	num, found := strings.CutPrefix(id, askParaID)
	if !found || num == "" || len(num) > 9 || num[0] == '0' {
		return 0, false
	}
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(num)
	return n, err == nil && n >= 1
}

// exampleQuestion returns a question the article answers, to show how
// /ask is used: what its most quoted named speaker said, or who they are.
func (b *Bot) exampleQuestion() string {
	for _, sp := range b.art.Speakers() {
		if sp == nil || !sp.Named || sp.Name == "" || runeLen(sp.Name) > 60 {
			continue
		}
		for _, q := range []string{"what did " + oneLine(sp.Name) + " say?", "who is " + oneLine(sp.Name) + "?"} {
			if ans, err := b.art.Ask(q); err == nil && ans.Found() {
				return strings.ReplaceAll(q, "`", "'")
			}
		}
		break
	}
	return "<your question>"
}
