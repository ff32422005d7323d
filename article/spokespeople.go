package article

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// linkSpokespeople sets SpeaksFor on every speaker who speaks for a body:
// an unnamed source named by the body ("a Brightwater spokesman", "a
// spokeswoman for Hull City Council"), or a person the article describes
// so ("Treasury spokeswoman Alicia Romero"). The body is the member of the
// cast whose name or alias it is, when exactly one is; else the words as
// the article writes them.
func (a *Article) linkSpokespeople() {
	for _, sp := range a.speakers {
		from := sp.Description
		if !sp.Named {
			from = sp.Name
		}
		body := spokenFor(from)
		if body == "" {
			continue
		}
		sp.SpeaksFor = body
		key := normalizeName(body)
		var found *Person
		for _, p := range a.cast {
			if !p.Named || p.Speaker == sp || !namesAs(p, key) {
				continue
			}
			if found != nil {
				found = nil // two members go by it: keep the words as written
				break
			}
			found = p
		}
		if found != nil {
			sp.SpeaksFor = found.Name
		}
	}
}

// namesAs reports whether key, folded by normalizeName, is the name or an
// alias of p.
func namesAs(p *Person, key string) bool {
	if normalizeName(p.Name) == key {
		return true
	}
	for _, al := range p.Aliases {
		if normalizeName(al) == key {
			return true
		}
	}
	return false
}

// spokenFor returns the body a description of someone who speaks for one
// names, as written: "Brightwater" of "Brightwater spokesman", "Hull City
// Council" of "spokeswoman for Hull City Council", "the Prime Minister" of
// "the Prime Minister's spokesman". It returns "" when the description
// names no spokesperson, or the body by no capitalised name ("a
// spokeswoman for the company").
func spokenFor(desc string) string {
	if !hasSpokespersonNoun(desc) {
		return ""
	}
	words := strings.Fields(desc)
	for h, w := range words {
		if !lexicon.SpokespersonNouns[text.Fold(strings.Trim(w, ",.;:"))] {
			continue
		}
		var part []string
		switch {
		case h+2 < len(words) && (words[h+1] == "for" || words[h+1] == "at" || words[h+1] == "of"):
			part = words[h+2:]
		case h > 0:
			part = words[:h]
			if f := text.Fold(part[0]); f == "a" || f == "an" {
				part = part[1:]
			}
		}
		if len(part) == 0 || len(part) > 8 {
			return ""
		}
		first := part[0]
		if text.Fold(first) == "the" && len(part) > 1 {
			first = part[1]
		}
		if !text.StartsUpper(first) {
			return ""
		}
		return text.TrimPossessive(strings.TrimRight(strings.Join(part, " "), ",.;:"))
	}
	return ""
}

// hasSpokespersonNoun reports whether a word of s names a spokesperson,
// without the allocations of splitting s, which most descriptions need not.
func hasSpokespersonNoun(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if lexicon.SpokespersonNouns[text.Fold(strings.Trim(w, ",.;:"))] {
			return true
		}
	}
	return false
}
