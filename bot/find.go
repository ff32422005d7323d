package bot

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// findCommand is /find query:<words>: the paragraphs that match, best
// first, a page at a time.
//
// The Previous and Next buttons are stateless: each custom_id is
// "find:<page>:<query>", the page to show and the query with its spaces
// collapsed, so any replica with the same article, before or after a
// restart, can answer a click. The pipeline adds the article's stamp (see
// stamp.go), which is why the query gets customIDRoom and not Discord's
// whole limit.
// A query too long to fit in a custom_id is shortened by dropping free
// words whose removal leaves the search results exactly as they were (stop
// words, words the article does not contain); when that is not enough, the
// answer shows the first page only and says why.
func (b *Bot) findCommand() *command {
	def := slashCommand("find", "Search the article: matching paragraphs (¶N), best first, matched words in bold.",
		&discordgo.ApplicationCommandOption{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        "query",
			Description: `Words to look for, or an exact "phrase in double quotes".`,
			Required:    true,
			MaxLength:   findQueryMax,
		})
	return &command{
		def:       def,
		run:       b.find,
		prefix:    findPrefix,
		component: b.findTurn,
		example:   "/find query:" + b.exampleQuery(),
	}
}

const (
	findPrefix     = "find"
	findQueryMax   = 100 // the query option's max_length
	resultsPerPage = 3
	excerptRoom    = 320    // characters of paragraph text shown per result
	findMaxPage    = 999999 // more pages than the largest article can fill
)

func (b *Bot) find(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	query, found, err := stringOption(i, "query")
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, userErrorf(`Tell me what to look for: %s followed by words, or by an exact "phrase in double quotes".`, "`/find query:`")
	}
	return b.findPage(query, 1, false)
}

// findTurn answers a Previous or Next button by showing the page its
// custom_id names in place of the current one.
func (b *Bot) findTurn(ctx context.Context, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	data, _ := componentData(i)
	page, query, ok := parseFindID(data.CustomID)
	if !ok {
		return nil, userErrorf("This button is out of date or damaged. Run %s again.", "`/find`")
	}
	return b.findPage(query, page, true)
}

// findPage searches for query and renders page (from 1) of the results, as
// a new message or, for a button, as an update of the message it is on.
func (b *Bot) findPage(query string, page int, isUpdate bool) (*discordgo.InteractionResponse, error) {
	res, err := b.art.Search(query, article.Page{Number: page, Size: resultsPerPage})
	if err != nil {
		return nil, fmt.Errorf("searching for %q: %w", query, err)
	}
	if res.Total == 0 {
		return nil, noMatch(query, res.Suggestions)
	}
	pages := res.Pages(resultsPerPage)
	page = res.Page

	e := &discordgo.MessageEmbed{
		Title: "Find: " + echo(query, 200),
		Color: embedColor,
	}
	e.Description = plural(res.Total, "paragraph matches.", "paragraphs match, best first.")
	var rows []discordgo.MessageComponent
	if pages > 1 {
		compact, fits := b.compactQuery(query, customIDRoom-runeLen(findID(pages, "")))
		if fits {
			e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d", page, pages)}
			rows = []discordgo.MessageComponent{findButtons(compact, page, pages)}
		} else if page != 1 {
			return b.findPage(query, 1, isUpdate)
		} else {
			e.Description += fmt.Sprintf(" Showing the best %d. This query is too long for page buttons: shorten it to see the rest.", resultsPerPage)
		}
	}
	for _, m := range res.Matches {
		p, ok := b.art.Paragraph(m.Paragraph)
		if !ok {
			return nil, fmt.Errorf("search result cites paragraph %d, which does not exist", m.Paragraph)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  cite(p.N),
			Value: excerpt(p.Text, m.Spans, excerptRoom, limitFieldValue),
		})
	}
	if isUpdate {
		return update([]*discordgo.MessageEmbed{e}, rows), nil
	}
	return message([]*discordgo.MessageEmbed{e}, rows), nil
}

// noMatch tells the user that nothing matched, suggesting the article's
// closest words when the engine has some.
func noMatch(query string, suggestions []string) error {
	msg := "Nothing in the article matches " + quoted(echo(query, 200)) + "."
	if sug := orList(suggestions[:min(len(suggestions), 3)], 3, 60); sug != "" {
		msg += " Did you mean " + sug + "?"
	} else {
		msg += " Try other words, or fewer of them."
	}
	return &userError{msg: msg}
}

// quoted returns s in quotation marks, unless it is a "quoted phrase"
// already.
func quoted(s string) string {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if runeLen(s) >= 2 && isDoubleQuote(first) && isDoubleQuote(last) {
		return s
	}
	return "“" + s + "”"
}

// findButtons returns the row of Previous and Next buttons for page of
// pages. Each button's custom_id names the page it shows; at either end the
// button that would leave the results is disabled and names a page next to
// the other button's, so custom_ids stay unique.
func findButtons(query string, page, pages int) discordgo.ActionsRow {
	prev, next := max(1, page-1), min(pages, page+1)
	return discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{
			Label:    "◀ Previous",
			Style:    discordgo.SecondaryButton,
			CustomID: findID(prev, query),
			Disabled: page == 1,
		},
		discordgo.Button{
			Label:    "Next ▶",
			Style:    discordgo.PrimaryButton,
			CustomID: findID(next, query),
			Disabled: page == pages,
		},
	}}
}

// findID returns the custom_id of the button that shows page of the
// results for query.
func findID(page int, query string) string {
	return findPrefix + ":" + strconv.Itoa(page) + ":" + query
}

// parseFindID reads a custom_id made by findID. It accepts nothing else: a
// page from 1 to findMaxPage written without leading zeros, and a query of
// at most findQueryMax characters on one line, with single spaces.
func parseFindID(id string) (page int, query string, ok bool) {
	if !utf8.ValidString(id) || runeLen(id) > limitCustomID {
		return 0, "", false
	}
	rest, found := strings.CutPrefix(id, findPrefix+":")
	if !found {
		return 0, "", false
	}
	num, query, found := strings.Cut(rest, ":")
	if !found || num == "" || len(num) > len(strconv.Itoa(findMaxPage)) || num[0] == '0' {
		return 0, "", false
	}
	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, "", false
		}
	}
	page, err := strconv.Atoi(num)
	if err != nil || page < 1 || page > findMaxPage {
		return 0, "", false
	}
	if query == "" || runeLen(query) > findQueryMax || oneLine(query) != query {
		return 0, "", false
	}
	return page, query, true
}

// compactQuery returns query in the form page buttons carry, in at most
// room characters: its words separated by single spaces, and when that is
// too long, without the free words whose removal leaves the search results
// exactly as they were. It reports false when the query cannot be made to
// fit without changing its results.
func (b *Bot) compactQuery(query string, room int) (string, bool) {
	q := oneLine(query)
	if runeLen(q) <= room {
		return q, true
	}
	want, err := b.art.Search(q, article.Page{})
	if err != nil {
		return "", false
	}
	parts := queryParts(q)
	for k := len(parts) - 1; k >= 0 && runeLen(strings.Join(parts, " ")) > room; k-- {
		if isPhrase(parts[k]) {
			continue
		}
		without := strings.Join(append(parts[:k:k], parts[k+1:]...), " ")
		got, err := b.art.Search(without, article.Page{})
		if err == nil && reflect.DeepEqual(got.Matches, want.Matches) {
			parts = append(parts[:k:k], parts[k+1:]...)
		}
	}
	q = strings.Join(parts, " ")
	return q, runeLen(q) <= room && q != ""
}

// queryParts splits a query on spaces, keeping each "quoted phrase" (in
// straight or curly double quotes) whole with its quotation marks. An
// unclosed quotation runs to the end of the query.
func queryParts(q string) []string {
	var parts []string
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimLeftFunc(q, unicode.IsSpace) {
		r, size := utf8.DecodeRuneInString(q)
		end := strings.IndexFunc(q, unicode.IsSpace)
		if isDoubleQuote(r) {
			end = -1
			if k := strings.IndexFunc(q[size:], isDoubleQuote); k >= 0 {
				_, closing := utf8.DecodeRuneInString(q[size+k:])
				end = size + k + closing
			}
		}
		if end < 0 {
			end = len(q)
		}
		parts = append(parts, q[:end])
		q = q[end:]
	}
	return parts
}

func isDoubleQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

func isPhrase(part string) bool {
	r, _ := utf8.DecodeRuneInString(part)
	return isDoubleQuote(r)
}

// exampleCandidates bounds the words exampleQuery tries, so that choosing
// an example costs a few searches whatever the length of the title or the
// first paragraph.
const exampleCandidates = 24

// exampleQuery returns a word from the article's title (or first
// paragraph) that finds several paragraphs, to show how /find is used: of
// its first exampleCandidates different words of four letters or more, the
// one that finds the most.
func (b *Bot) exampleQuery() string {
	src := b.art.Meta.Title
	if src == "" && len(b.art.Paragraphs) > 0 {
		src = b.art.Paragraphs[0].Text
	}
	best, bestN := "", 0
	tried := make(map[string]bool, exampleCandidates)
	for w := range strings.FieldsFuncSeq(src, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if runeLen(w) < 4 || runeLen(w) > 30 {
			continue
		}
		lw := strings.ToLower(w)
		if tried[lw] {
			continue
		}
		if len(tried) == exampleCandidates {
			break
		}
		tried[lw] = true
		res, err := b.art.Search(w, article.Page{Size: 1})
		if err == nil && res.Total > bestN {
			best, bestN = lw, res.Total
		}
	}
	if best == "" {
		return "<words>"
	}
	return best
}
