package main

import (
	"crypto/ed25519"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/internal/interaction"
	"github.com/bwmarrin/discordgo"
)

// A request is one pre-signed interaction, ready to be written to a
// connection as it is.
type request struct {
	kind string // "find", "quote" or "autocomplete"
	raw  []byte // the whole HTTP/1.1 request
	msg  []byte // what was signed: timestamp and body
}

// queries are what the load sends, drawn from the article so that any
// article gives a realistic mix of hits and misses.
type queries struct {
	find     []string // search queries
	speakers []string // names to /quote
	prefixes []string // what is typed into /quote's speaker option
}

// articleQueries picks queries from a: for /find, the longest word of each
// paragraph and pairs of neighbouring words; for /quote, the speakers' names
// (or, for an article with no speakers found, capitalized words); for
// autocomplete, beginnings of those names, the empty one included.
func articleQueries(a *article.Article) queries {
	var q queries
	for _, p := range a.Paragraphs {
		words := strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) })
		longest := ""
		for _, w := range words {
			if len(w) > len(longest) {
				longest = w
			}
		}
		if longest != "" {
			q.find = append(q.find, strings.ToLower(longest))
		}
		if len(words) >= 2 {
			mid := len(words) / 2
			q.find = append(q.find, strings.ToLower(words[mid-1]+" "+words[mid]))
		}
	}
	for _, s := range a.Speakers() {
		q.speakers = append(q.speakers, s.Name)
		if i := strings.LastIndexByte(s.Name, ' '); i >= 0 {
			q.speakers = append(q.speakers, strings.ToLower(s.Name[i+1:]))
		}
	}
	if len(q.speakers) == 0 {
		for _, p := range a.Paragraphs {
			words := strings.Fields(p.Text)
			for i := 1; i < len(words); i++ {
				w := strings.TrimFunc(words[i], func(r rune) bool { return !unicode.IsLetter(r) })
				if r := []rune(w); len(r) > 2 && unicode.IsUpper(r[0]) {
					q.speakers = append(q.speakers, w)
				}
			}
		}
	}
	if len(q.speakers) == 0 {
		q.speakers = []string{"someone"}
	}
	q.prefixes = []string{""}
	for _, s := range q.speakers {
		r := []rune(strings.ToLower(s))
		q.prefixes = append(q.prefixes, string(r[:min(2, len(r))]), string(r[:min(4, len(r))]))
	}
	if len(q.find) == 0 {
		q.find = []string{"news"}
	}
	return q
}

// reader is the member the load's interactions come from.
var reader = interaction.User{ID: "900000000000000042", Username: "reader", GlobalName: "Reader"}

// interactionJSON returns the JSON of an interaction as Discord sends it
// for command name typed in a server channel, with one string option; typ
// is 2 for a command and 4 for an autocomplete. The fields beside the
// command are those Discord sends, so that the body has a realistic size.
func interactionJSON(seq int, typ discordgo.InteractionType, name, option, value string) ([]byte, error) {
	opt := interaction.String(option, value)
	i := interaction.Command("1279000000000000101", name, opt)
	if typ == discordgo.InteractionApplicationCommandAutocomplete {
		opt.Focused = true
		i = interaction.Autocomplete("1279000000000000101", name, opt)
	}
	id := strconv.Itoa(1280000000000000000 + seq)
	return i.InGuild("1270000000000000007", "1270000000000000009", reader).With(map[string]any{
		"id":             id,
		"application_id": "1279000000000000001",
		// Discord's tokens are opaque strings of about this length.
		"token": "aW50ZXJhY3Rpb246" + strings.Repeat("TG9hZFRlc3RUb2tlbg", 11) + strconv.Itoa(seq),
	}).JSON()
}

// signedRequests returns n requests rotating through /find, /quote and
// /quote autocomplete, signed with priv at time at, addressed to path on
// host.
func signedRequests(n int, q queries, priv ed25519.PrivateKey, at time.Time, host, path string) ([]request, error) {
	ts := strconv.FormatInt(at.Unix(), 10)
	reqs := make([]request, 0, n)
	for i := range n {
		var (
			kind string
			body []byte
			err  error
		)
		switch i % 3 {
		case 0:
			kind = "find"
			body, err = interactionJSON(i, discordgo.InteractionApplicationCommand, "find", "query", q.find[(i/3)%len(q.find)])
		case 1:
			kind = "quote"
			body, err = interactionJSON(i, discordgo.InteractionApplicationCommand, "quote", "speaker", q.speakers[(i/3)%len(q.speakers)])
		case 2:
			kind = "autocomplete"
			body, err = interactionJSON(i, discordgo.InteractionApplicationCommandAutocomplete, "quote", "speaker", q.prefixes[(i/3)%len(q.prefixes)])
		}
		if err != nil {
			return nil, fmt.Errorf("encoding interaction %d: %w", i, err)
		}
		reqs = append(reqs, request{kind: kind, raw: interaction.RawRequest(host, path, priv, at, body), msg: append([]byte(ts), body...)})
	}
	return reqs, nil
}
