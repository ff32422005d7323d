package article

import (
	"slices"
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// How a question's words meet the article's other words for them: the
// near-synonyms of news English, phrases with an object inside, and a
// question's own phrases.

// negationReach is how many words before a phrase a negator may stand and
// still negate it: "was not found guilty", "had never been found guilty".
const negationReach = 3

// maxObjectGap is the most words that may stand between the first word of
// a phrase that answers for a question's word and its second: an object
// ("found the ferry's former engineer guilty").
const maxObjectGap = 4

// maxSynonymPhrase is the most words of a question read together as one
// phrase with synonyms: "members of parliament".
const maxSynonymPhrase = 3

// demoteNounUses scales by nounUse the hits of the question's verb w that
// the article writes as a plural noun, or with a word that answers for it
// used as a noun, after a determiner, a possessive or a preposition: "wept
// with heads in their hands" for "where was the flight headed?",
// "relatives of the missing" for "when did it vanish?". A plural of the
// same stem often names another thing; a noun made from the verb ("its
// investigation" for "who is investigating?") names the same deed and
// keeps its weight.
func (a *Article) demoteNounUses(w string, hits []termHit) {
	si := a.ask
	for i, h := range hits {
		if h.word == 0 || si.words[h.word-1].sent != si.words[h.word].sent {
			continue
		}
		prev, word := a.idx.Word(si.words[h.word-1].id), a.idx.Word(si.words[h.word].id)
		if h.quality > qualitySynonym && !pluralOf(word, w) {
			continue
		}
		if lexicon.Determiners[prev] && prev != "that" || lexicon.Possessives[prev] ||
			lexicon.Prepositions[prev] && !strings.HasSuffix(word, "ing") {
			hits[i].quality *= nounUse
		}
	}
}

// pluralOf reports whether the article's word reads as the plural of the
// noun that shares the stem of the question's verb w: "heads" for
// "headed", "attacks" for "attacked".
func pluralOf(word, w string) bool {
	if strings.HasSuffix(w, "s") {
		return false
	}
	base, ok := strings.CutSuffix(word, "s")
	return ok && text.Stem(base) == text.Stem(w)
}

// synonymHits returns where the article holds any of the words or phrases
// given, as words that answer for a question's word, in no order.
func (a *Article) synonymHits(synonyms []string) []termHit {
	var hits []termHit
	for _, s := range synonyms {
		words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
		if len(words) > 1 {
			hits = append(hits, a.phraseHits(words, qualitySynonym)...)
			continue
		}
		for _, id := range a.formsOf(s) {
			for _, k := range a.tables().occurrences(id) {
				hits = append(hits, termHit{word: k, n: 1, quality: qualitySynonym})
			}
		}
	}
	return hits
}

// phraseHits returns where the article holds the words of a phrase one
// after another in one sentence, form for form ("step down" in "stepped
// down", "find guilty" in "found guilty"). When the phrase's second word
// is no particle or preposition, up to maxObjectGap words may stand
// between its first two, as an object stands inside "found him guilty";
// "stepped off the ferry and down" is no "step down". A phrase with a
// negator inside or shortly before it says the opposite: "was not found
// guilty", "found him not guilty".
func (a *Article) phraseHits(words []string, quality float32) []termHit {
	si, at := a.ask, a.tables()
	slots := make([][]int32, len(words))
	for i, w := range words {
		if slots[i] = a.formsOf(w); len(slots[i]) == 0 {
			return nil
		}
		slices.Sort(slots[i])
	}
	maxGap := maxObjectGap
	if len(words) > 1 && (lexicon.Prepositions[words[1]] || lexicon.Particles[words[1]]) {
		maxGap = 0
	}
	// rest reports whether the phrase's words from the second on stand
	// from word k on, in k's sentence.
	rest := func(k int, sent int32) bool {
		if k+len(words)-1 > len(si.words) {
			return false
		}
		for j := 1; j < len(words); j++ {
			next := si.words[k+j-1]
			if _, ok := slices.BinarySearch(slots[j], next.id); !ok || next.sent != sent {
				return false
			}
		}
		return true
	}
	var hits []termHit
	for _, id := range slots[0] {
		for _, k := range at.occurrences(id) {
			sent := si.words[k].sent
			if a.negatedBefore(int(k)) {
				continue
			}
			for gap := 0; gap <= maxGap && int(k)+1+gap < len(si.words); gap++ {
				if gap > 0 && !objectWord(a.idx.Word(si.words[int(k)+gap].id)) || si.words[int(k)+1+gap].sent != sent {
					break
				}
				if !rest(int(k)+1+gap, sent) {
					continue
				}
				if gap == 0 {
					hits = append(hits, termHit{word: k, n: int32(len(words)), quality: quality})
				} else {
					// The object between is none of the phrase's.
					hits = append(hits, termHit{word: k, n: 1, quality: quality},
						termHit{word: k + 1 + int32(gap), n: int32(len(words) - 1), quality: quality})
				}
				break
			}
		}
	}
	return hits
}

// negatedBefore reports whether a negator stands within negationReach
// words before the article's word k, in its sentence.
func (a *Article) negatedBefore(k int) bool {
	si := a.ask
	for j := k - 1; j >= 0 && j >= k-negationReach && si.words[j].sent == si.words[k].sent; j-- {
		if lexicon.Negators[a.idx.Word(si.words[j].id)] {
			return true
		}
	}
	return false
}

// objectWord reports whether a word may stand in an object between the
// words of a verb of several words: not a negator ("found him not
// guilty"), a preposition or a conjunction, which end the object ("turned
// the ferry down a channel", "stepped off and down").
func objectWord(w string) bool {
	return !lexicon.Negators[w] && !lexicon.Prepositions[w] && !lexicon.Particles[w] && w != "and" && w != "or" && w != "but"
}

// phraseSynonyms lets the question's phrases of several words find what
// says the same in other words: "stepped down" finds "resigned", "members
// of parliament" finds "lawmakers". Every content word of the phrase holds
// where the article says it otherwise.
func (q *question) phraseSynonyms(a *Article) {
	for i := range q.Words {
		if !lexicon.MayStartPhrase(q.Words[i].Fold) {
			continue
		}
		for n := min(maxSynonymPhrase, len(q.Words)-i); n >= 2; n-- {
			words := make([]string, n)
			joined := true
			for k := range n {
				words[k] = q.Words[i+k].Fold
				joined = joined && (k == 0 || q.Words[i+k].Adjacent)
			}
			if !joined {
				continue
			}
			syn := lexicon.PhraseSynonyms(words)
			if len(syn) == 0 {
				continue
			}
			hits := byWord(a.synonymHits(syn))
			for k := i; k < i+n; k++ {
				if t := q.termAt[k]; t >= 0 {
					q.terms[t].hits = mergeHits(q.terms[t].hits, hits)
					q.terms[t].missing = len(q.terms[t].hits) == 0
				}
			}
			break
		}
	}
}
