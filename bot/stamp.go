package bot

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"hash"
	"strconv"
	"strings"

	"github.com/articlebot/articlebot/article"
	"github.com/bwmarrin/discordgo"
)

// Buttons carry the stamp of the edition that drew them, a short digest
// of its article, so that a click on a button of an answer about another
// article, such as one posted before a reload, is refused with an
// explanation rather than answered from the article loaded now: a page of
// /find results or a paragraph number means something else in another
// article. The pipeline adds the stamp to the custom_id of every button a
// handler returns, "find:2:russia" going out as "find:<stamp>:2:russia",
// and takes it off again before the handler of a click sees it, so
// handlers never deal with it. The stamp depends on the article alone, so
// a restart or another replica with the same article answers the click.

// stampLen is the length of a stamp, in characters of base64url: 36 bits
// of the digest.
const stampLen = 6

// customIDRoom is the length of the custom_ids a handler may give its
// buttons: Discord's limit, less the stamp and its colon.
const customIDRoom = limitCustomID - stampLen - 1

// stampOf returns the stamp of a: a digest of its metadata and paragraphs,
// everything the answers are drawn from.
func stampOf(a *article.Article) string {
	h := sha256.New()
	m := a.Meta
	for _, s := range []string{m.Title, m.Byline, m.Publication, m.URL, m.Date} {
		writeField(h, s)
	}
	for _, p := range m.Summary {
		writeField(h, p.Text)
		for _, n := range p.Paragraphs {
			writeField(h, strconv.Itoa(n))
		}
	}
	for _, p := range a.Paragraphs {
		writeField(h, p.Text)
	}
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))[:stampLen]
}

// writeField writes s to h after its length, so that no two different
// sequences of fields write the same bytes.
func writeField(h hash.Hash, s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	h.Write([]byte(s))
}

// stampResponse returns r with the custom_id of each of its buttons
// stamped with b's stamp. r itself is not changed, since a handler may
// return a response it shares.
func (b *Bot) stampResponse(r *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	if r == nil || r.Data == nil || len(r.Data.Components) == 0 {
		return r
	}
	data := *r.Data
	data.Components = make([]discordgo.MessageComponent, len(r.Data.Components))
	for i, c := range r.Data.Components {
		data.Components[i] = b.stampRow(c)
	}
	out := *r
	out.Data = &data
	return &out
}

// stampRow returns a copy of c, when it is an action row, with the
// custom_ids of its buttons stamped, and c itself otherwise.
func (b *Bot) stampRow(c discordgo.MessageComponent) discordgo.MessageComponent {
	var row discordgo.ActionsRow
	switch r := c.(type) {
	case discordgo.ActionsRow:
		row = r
	case *discordgo.ActionsRow:
		if r == nil {
			return c
		}
		row = *r
	default:
		return c
	}
	comps := make([]discordgo.MessageComponent, len(row.Components))
	for j, c := range row.Components {
		switch btn := c.(type) {
		case discordgo.Button:
			btn.CustomID = b.stampID(btn.CustomID)
			c = btn
		case *discordgo.Button:
			if btn != nil {
				cp := *btn
				cp.CustomID = b.stampID(cp.CustomID)
				c = &cp
			}
		}
		comps[j] = c
	}
	row.Components = comps
	return row
}

// stampID returns the custom_id "prefix:rest" as "prefix:<stamp>:rest". A
// custom_id without a prefix, which routes to no command, and the empty
// custom_id of a link button are returned as they are.
func (b *Bot) stampID(id string) string {
	prefix, rest, found := strings.Cut(id, ":")
	if !found {
		return id
	}
	return prefix + ":" + b.stamp + ":" + rest
}

// unstamp returns the custom_id of a click, "prefix:<stamp>:rest", as the
// handler of command made it: "prefix:rest". It fails with a *userError
// when the stamp is not b's, saying whether the article has changed since
// the button was drawn or the custom_id carries no stamp at all.
func (b *Bot) unstamp(id, command string) (string, error) {
	prefix, rest, _ := strings.Cut(id, ":")
	stamp, inner, found := strings.Cut(rest, ":")
	switch {
	case found && stamp == b.stamp:
		return prefix + ":" + inner, nil
	case found && isStamp(stamp):
		return "", userErrorf("This answer was made from another version of the article than the one I answer from, so its buttons would show the wrong passages. Run %s again for a fresh answer.", "`/"+command+"`")
	}
	return "", userErrorf("This button is out of date or damaged. Run %s again for a fresh answer.", "`/"+command+"`")
}

// isStamp reports whether s has the form of a stamp.
func isStamp(s string) bool {
	if len(s) != stampLen {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// withCustomID returns a copy of i, a click whose data is data, that
// carries the custom_id id instead.
func withCustomID(i *discordgo.Interaction, data discordgo.MessageComponentInteractionData, id string) *discordgo.Interaction {
	data.CustomID = id
	c := *i
	c.Data = data
	return &c
}
