package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// Acronyms a news article defines, written in brackets after a name the
// first time: "the People Power Party (PPP)". The article then writes the
// short form alone, and a question may use either.
const (
	minAcronym = 2 // letters
	maxAcronym = 6
)

// acronym is a short form the article defines, and the words of the name
// it stands for.
type acronym struct {
	id   int32    // the short form's word id
	name []string // the name's folded words, its small words included
}

// findAcronyms returns the acronyms the article defines: a run of words
// of one sentence written with capitals, then the short form in
// brackets, whose letters are the run's initials, the small words of a
// name ("of", "and", "the", "for") skipped or not.
func (a *Article) findAcronyms() []acronym {
	si := a.ask
	var out []acronym
	for p := range a.Paragraphs {
		para := a.Paragraphs[p].Text
		words := si.paragraphWords(p)
		for k := 1; k < len(words); k++ {
			w := words[k]
			short := para[w.start:w.end]
			if !bracketed(para, int(w.start), int(w.end)) || !allCapitals(short) ||
				strings.TrimSpace(para[words[k-1].end:w.start-1]) != "" {
				continue
			}
			from := k
			for from > 0 && words[from-1].sent == w.sent {
				from--
			}
			if name := nameBefore(para, words[from:k], short); name != nil {
				out = append(out, acronym{id: w.id, name: name})
			}
		}
	}
	return out
}

// bracketed reports whether the bytes start to end of s stand alone in
// brackets.
func bracketed(s string, start, end int) bool {
	return start > 0 && s[start-1] == '(' && end < len(s) && s[end] == ')'
}

// allCapitals reports whether w is a short form of minAcronym to
// maxAcronym capital letters.
func allCapitals(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < minAcronym || n > maxAcronym {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// nameBefore returns the folded words of the name the short form stands
// for, ending with the last of words, or nil.
func nameBefore(para string, words []sentWord, short string) []string {
	letters := []rune(short)
	var name []string
	i := len(letters) - 1
	for k := len(words) - 1; k >= 0 && i >= 0; k-- {
		w := para[words[k].start:words[k].end]
		first, _ := utf8.DecodeRuneInString(w)
		fold := text.Fold(w)
		switch {
		case unicode.IsUpper(first) && unicode.ToUpper(first) == letters[i]:
			i--
		case smallNameWord[fold] && len(name) > 0:
			if unicode.ToUpper(first) == letters[i] && i > 0 {
				i-- // "Department of Energy (DOE)"
			}
		default:
			return nil
		}
		name = append([]string{fold}, name...)
	}
	if i >= 0 {
		return nil
	}
	return name
}

// smallNameWord holds the words a name may hold in lower case between
// its capitalised words.
var smallNameWord = map[string]bool{"of": true, "and": true, "the": true, "for": true, "on": true}

// acronymHits returns, for a question's folded word w, where the article
// writes a short form whose name holds w ("PPP" for "party"; a word many
// bodies' names hold counts for less), and, when w is a short form, where
// it writes the name in full.
func (a *Article) acronymHits(w string) []termHit {
	at := a.tables()
	var hits []termHit
	stem := text.Stem(w)
	for _, ac := range at.acronyms {
		if text.Fold(a.idx.Word(ac.id)) == w {
			hits = append(hits, a.phraseHits(ac.name, qualityRelated)...)
			continue
		}
		quality := float32(qualityRelated)
		if lexicon.OrgWords[w] || lexicon.BodyTitles[w] {
			// "party" is the word of many bodies' names: "the PPP"
			// may be another party than the one asked about.
			quality = qualitySynonym
		}
		for _, nw := range ac.name {
			if !text.IsStopWord(nw) && text.Stem(nw) == stem {
				for _, k := range at.occurrences(ac.id) {
					hits = append(hits, termHit{word: k, n: 1, quality: quality})
				}
				break
			}
		}
	}
	return hits
}
