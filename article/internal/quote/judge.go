package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// quoteVerdict says what a quotation span turned out to be.
type quoteVerdict uint8

const (
	notSpeech  quoteVerdict = iota // a title, scare quotes, a heading
	speech                         // someone's words, with a speaker
	needsOwner                     // someone's words; the speaker comes from the context
	unowned                        // someone's words, but no sieve can say whose
)

// foundQuote is a quotation token of a paragraph and what became of it.
type foundQuote struct {
	span      int // index into the paragraph's spans
	tok       int // index into the paragraph's tokens
	sent      int // index into the paragraph's sentences
	verdict   quoteVerdict
	partial   bool
	continued bool
	run       int // the run of paragraphs the quotation spans, or -1
	ent       *entity
	sieve     string // the sieve that gave it its speaker
	attr      int    // the index of its attribution in its sentence's, or -1
	unmarked  bool   // an interview's answer in no quotation marks
}

// judgeQuote decides what the quotation at toks[k] of sentence si is, and
// whose, when its sentence attributes it: the first and surest sieve. A
// quotation its sentence does not attribute is left to the context sieves
// (sieves.go) when it reads like speech, and otherwise is taken for a
// title, a heading or scare quotes.
func judgeQuote(pq *paragraph, si, k int, british bool) foundQuote {
	s := &pq.sents[si]
	toks := pq.toks
	span := pq.spans[toks[k].Quote]
	fq := foundQuote{span: int(toks[k].Quote), tok: k, sent: si, run: -1, attr: -1}
	inner := pq.text[span.Inner.Start:span.Inner.End]

	ai, standalone := s.attributionOf(pq.attrs[si], k)
	fq.partial = !standalone
	if adj := s.adjacentAttribution(pq.attrs[si], k); adj >= 0 && pq.attrs[si][adj].ent == nil {
		// `"…," they chant` where "they" is no one the text makes clear:
		// the sentence says whose the words are, and no other sieve may
		// guess.
		if !fq.partial {
			fq.verdict = unowned
		}
		return fq
	}
	if ai >= 0 && pq.attrs[si][ai].ent != nil && innerVerbIntroduces(pq, pq.attrs[si][ai], k) {
		// `Witnesses said a man in a red coat shouted: "…"`: the words are
		// the man's, whom no sieve reads as a speaker, and not the
		// witnesses'.
		if !fq.partial {
			fq.verdict = unowned
		}
		return fq
	}
	if ai >= 0 && pq.attrs[si][ai].ent != nil {
		at := &pq.attrs[si][ai]
		if fq.partial && (s.namedNotQuoted(k) || titleLike(inner)) {
			return fq
		}
		fq.verdict, fq.ent, fq.sieve, fq.attr = speech, at.ent, "said: "+at.subj.kindName(), ai
		if standalone {
			at.direct = true
		}
		return fq
	}
	commaInside := span.Inner.End < len(pq.text) && pq.text[span.Inner.End] == ','
	if fq.partial && ai < 0 && k == s.from && commaInside && k+1 < s.to && toks[k+1].Kind == text.Word &&
		countQuotedWords(inner) >= 3 && text.StartsUpper(inner) && !(span.Single && !british) {
		// `"Nobody asked us," a voice called from the queue.`: words
		// spoken, by someone the sentence names in a way no sieve reads.
		// They are someone's, and no one else's.
		fq.partial = false
		fq.verdict = unowned
		return fq
	}
	if fq.partial || (span.Single && !british && !wholeStatement(inner)) {
		return fq // single marks in an article that quotes with double ones: scare quotes
	}
	if len(toks) == 1 && !text.EndsSentence(inner) && countQuotedWords(inner) <= 12 {
		return fq // a heading between quotation marks
	}
	if countQuotedWords(inner) <= 6 && !strings.ContainsFunc(inner, unicode.IsLower) {
		return fq // words in capitals: a sign, a slogan, a headline
	}
	if text.EndsSentence(inner) || commaInside || countQuotedWords(inner) >= 6 || !span.Closed {
		fq.verdict = needsOwner
	}
	return fq
}

// attributionOf returns the index of the attribution among attrs, the
// sentence's, that the quotation at toks[k] belongs to (-1 when none), and
// whether the quotation stands on its own (a whole statement) rather than
// inside a sentence of the article's (a partial quote). The attribution
// that follows the quotation wins, then one that introduces it, then the
// one whose reported clause holds it, then the sentence's only one, then
// the nearest.
func (s *sentence) attributionOf(attrs []attribution, k int) (int, bool) {
	if ai := s.attributionAfter(attrs, k); ai >= 0 {
		return ai, true
	}
	if ai, whole := s.attributionBefore(attrs, k); ai >= 0 {
		return ai, whole
	}
	// Otherwise the quotation stands inside a sentence. It is whole if
	// nothing of the sentence comes before it but punctuation or another
	// quotation, and nothing after it but punctuation.
	toks := s.toks
	whole := (k == s.from || toks[k-1].Kind == text.Quote || toks[k-1].IsPunct(":;(")) &&
		(k+1 == s.to || toks[k+1].Kind == text.Quote || (toks[k+1].Kind == text.Punct && !toks[k+1].IsPunct(",")))
	for ai, at := range attrs {
		if at.clause.End > at.clause.Start && k >= at.clause.Start && k < at.clause.End {
			return ai, whole
		}
	}
	if len(attrs) == 1 && !attrs[0].info.Weak {
		return 0, whole
	}
	best, dist := -1, 0
	for ai, at := range attrs {
		d := at.verb - k
		if d < 0 {
			d = -d
		}
		if !at.info.Weak && (best < 0 || d < dist) {
			best, dist = ai, d
		}
	}
	return best, whole
}

// adjacentAttribution returns the index of the attribution that follows
// or introduces the quotation at toks[k], or -1.
func (s *sentence) adjacentAttribution(attrs []attribution, k int) int {
	if ai := s.attributionAfter(attrs, k); ai >= 0 {
		return ai
	}
	ai, _ := s.attributionBefore(attrs, k)
	return ai
}

// attributionAfter returns the index of the attribution that follows the
// quotation at toks[k], "…," he said, or "…," as one organiser put it; or
// -1.
func (s *sentence) attributionAfter(attrs []attribution, k int) int {
	toks := s.toks
	for ai, at := range attrs {
		if at.form == formParticiple && at.start != at.verb {
			continue
		}
		if at.start == k+1 || (at.start == k+2 && toks[k+1].IsPunct(",—")) ||
			(at.start == k+2 && toks[k+1].Is("as")) || (at.start == k+3 && toks[k+1].IsPunct(",") && toks[k+2].Is("as")) {
			return ai
		}
	}
	return -1
}

// attributionBefore returns the index of the attribution that introduces
// the quotation at toks[k], He said: "…", or -1, and whether the quotation
// is a whole statement: after a colon, comma or dash, or opening with a
// capital.
func (s *sentence) attributionBefore(attrs []attribution, k int) (int, bool) {
	toks := s.toks
	span := s.spans[toks[k].Quote]
	first, _ := utf8.DecodeRuneInString(s.text[span.Inner.Start:])
	startsUpper := unicode.IsUpper(first) || unicode.IsDigit(first) || first == '.' || first == '…'
	for ai, at := range attrs {
		from := at.verbEnd
		if at.form == formInverted || at.form == formAccording {
			from = at.end
		}
		if from > k || k-from > 8 {
			continue
		}
		gap := toks[from:k]
		ok, punct := true, false
		for gi, t := range gap {
			if t.Kind == text.Quote || t.Is("that", "whether") {
				ok = false
			}
			if t.Kind == text.Punct {
				if gi != len(gap)-1 || !t.IsPunct(":,—") {
					ok = false
				}
				punct = true
			}
		}
		if ok && (len(gap) == 0 || punct) {
			return ai, punct || startsUpper
		}
	}
	return -1, false
}

// namedNotQuoted reports whether the quotation at toks[k] is a name or a
// title: it follows "so-called", "dubbed", "a film called", "known as".
func (s *sentence) namedNotQuoted(k int) bool {
	if k-1 < s.from || s.toks[k-1].Kind != text.Word {
		return false
	}
	prev := s.toks[k-1].Fold
	if lexicon.NamingWords[prev] {
		return true
	}
	return prev == "as" && k-2 >= s.from && s.toks[k-2].Is("known", "billed", "styled", "dubbed", "referred")
}

// wholeStatement reports whether quoted words read as a statement of
// their own, which scare quotes never are: a capital first, a full stop or
// a question or exclamation mark last, and six words or more.
func wholeStatement(s string) bool {
	return text.StartsUpper(s) && text.EndsSentence(s) && countQuotedWords(s) >= 6
}

// titleLike reports whether quoted words are capitalised like a title or a
// name ("The Godfather", "Casablanca") rather than like speech.
func titleLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !lexicon.NameStopWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// countQuotedWords counts the words of quoted text.
func countQuotedWords(s string) int { return len(strings.Fields(s)) }

// innerVerbIntroduces reports whether the quotation at token k follows a
// colon after a verb of speech other than the attribution a's, later in
// the sentence than a's own: a verb of the reported clause, whose subject
// is the quotation's speaker.
func innerVerbIntroduces(pq *paragraph, a attribution, k int) bool {
	if k < 2 || pq.toks[k-1].Fold != ":" || a.verbEnd >= k-1 {
		return false
	}
	for v := k - 2; v >= a.verbEnd && v >= k-4; v-- {
		if info, n := pq.matchSpeechVerb(v); info != nil && v+n == k-1 {
			return true
		}
	}
	return false
}
