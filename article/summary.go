package article

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/articlebot/articlebot/article/internal/lexicon"
	"github.com/articlebot/articlebot/article/internal/text"
)

// SummaryPoint is one point of a summary with the paragraphs it rests on.
type SummaryPoint struct {
	// Text is the point itself.
	Text string `yaml:"text"`
	// Paragraphs holds the numbers of the paragraphs the point rests on.
	Paragraphs []int `yaml:"paragraphs"`
}

// Summary is a short account of the article.
type Summary struct {
	// Points holds the summary's points in order.
	Points []SummaryPoint
	// Extractive reports that the points are sentences of the article chosen
	// by the package, rather than an editor's summary from the metadata.
	Extractive bool
}

// Summary returns the editor's summary from the metadata when there is one,
// and an extractive summary of the article otherwise.
//
// An extractive summary holds up to three of the article's own sentences in
// document order, each citing its paragraph. Sentences are ranked by LexRank
// (PageRank over the cosine similarities of their stemmed TF-IDF vectors)
// blended half and half with their position, since news puts its key facts
// first. A sentence is left out when it repeats a chosen one, opens with a
// pronoun whose referent the reader would not see, is a question, a
// headline, or part or most of a quotation. An article in which no sentence
// qualifies has an extractive summary with no points.
//
// The extractive summary is written on the first call, which reads the
// paragraphs again: most articles loaded are never summarized.
func (a *Article) Summary() Summary {
	a.summary.once.Do(func() {
		switch {
		case a.ask == nil:
			// An article of ForSearch: paragraphs and an index only.
		case len(a.Meta.Summary) > 0:
			a.summary.s = Summary{Points: a.Meta.Summary}
		default:
			texts := make([]string, len(a.Paragraphs))
			for i, p := range a.Paragraphs {
				texts[i] = p.Text
			}
			a.summary.s = extractiveSummary(text.Segment(texts), a.sentence, summarySentences)
		}
	})
	return a.summary.s
}

// lazySummary is an article's summary, written on first use.
type lazySummary struct {
	once sync.Once
	s    Summary
}

// The extractive summary's parameters.
const (
	// summarySentences is how many sentences an extractive summary holds.
	summarySentences = 3
	// damping is PageRank's damping factor: the chance of following an edge
	// of the similarity graph rather than jumping to a random sentence.
	damping = 0.85
	// rankTolerance ends the PageRank iteration once the ranks change by
	// less than this in total.
	rankTolerance = 1e-9
	// maxRankIterations bounds the PageRank iteration. The error shrinks
	// by the damping factor or faster each round, so this is ample: news
	// articles converge in under fifty.
	maxRankIterations = 200
	// leadWeight is the share of a sentence's score that comes from its
	// position; the rest comes from its LexRank centrality.
	leadWeight = 0.5
	// connectivePenalty scales the score of a sentence that opens with a
	// connective ("But", "However"), which reads poorly out of context.
	connectivePenalty = 0.8
	// duplicateSimilarity is the similarity above which a sentence is a
	// near-duplicate of one already chosen: either the cosine similarity of
	// their TF-IDF vectors, or the share of their stemmed words they have in
	// common, which catches sentences that differ only in a rare word.
	duplicateSimilarity = 0.5
	// minSummaryWords is the fewest words a chosen sentence may have.
	minSummaryWords = 5
	// maxRankedSentences bounds the sentences ranked, from the start of the
	// article, so that a very long article costs no more than a long one.
	maxRankedSentences = 200
)

// termWeight is one dimension of a sentence's TF-IDF vector.
type termWeight struct {
	term   int
	weight float64
}

// candidate is a sentence considered for an extractive summary.
type candidate struct {
	sentence Sentence
	lead     float64 // the position prior, 1 for the first sentence of prose
	vec      []termWeight
	norm     float64
	eligible bool
	penalty  float64 // 1, or connectivePenalty
	score    float64
}

// extractiveSummary chooses up to n sentences of a that together summarize
// it, and returns them in document order, each citing its paragraph.
//
// A sentence's score is half its LexRank centrality, scaled so that the most
// central sentence has 1, and half its position prior, 1/√(k+1) for the k-th
// sentence of prose (counting from 0 the sentences of five words or more that
// end with final punctuation, so that a headline or byline does not push the
// lead down); a sentence opening with a connective has its score scaled by
// connectivePenalty. Eligible sentences are taken best first, skipping
// near-duplicates of those already taken, until there are n.
//
// The sentences are the article's, in document order; paras are its
// paragraphs as the text package reads them.
func extractiveSummary(paras []text.Paragraph, sentences []Sentence, n int) Summary {
	sum := Summary{Extractive: true}
	if len(sentences) > maxRankedSentences {
		sentences = sentences[:maxRankedSentences]
	}
	if n <= 0 || len(sentences) == 0 {
		return sum
	}
	cands := summaryCandidates(paras, sentences)
	sim := similarities(cands)
	ranks := lexRank(sim, len(cands))

	top := slices.Max(ranks)
	for i := range cands {
		c := &cands[i]
		centrality := 0.0
		if top > 0 {
			centrality = ranks[i] / top
		}
		c.score = c.penalty * ((1-leadWeight)*centrality + leadWeight*c.lead)
	}

	order := make([]int, 0, len(cands))
	for i, c := range cands {
		if c.eligible {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(cands[j].score, cands[i].score) })

	var chosen []int
	for _, i := range order {
		if len(chosen) == n {
			break
		}
		duplicate := slices.ContainsFunc(chosen, func(j int) bool {
			return sim[i*len(cands)+j] > duplicateSimilarity ||
				sharedTerms(&cands[i], &cands[j]) >= duplicateSimilarity
		})
		if !duplicate {
			chosen = append(chosen, i)
		}
	}
	slices.Sort(chosen)
	for _, i := range chosen {
		s := cands[i].sentence
		sum.Points = append(sum.Points, SummaryPoint{Text: s.Text, Paragraphs: []int{s.Paragraph}})
	}
	return sum
}

// summaryCandidates builds the TF-IDF vector, position prior and eligibility
// of each sentence.
func summaryCandidates(paras []text.Paragraph, sentences []Sentence) []candidate {
	cands := make([]candidate, len(sentences))
	var toks []text.Token
	p, k := 0, 0                  // sentences[i] is paras[p].Sentences[k]
	terms := make(map[string]int) // stem -> term id
	var df []int                  // term id -> sentences holding it
	var tf []int                  // term id -> count in the current sentence
	prose := 0
	for i, s := range sentences {
		c := &cands[i]
		c.sentence = s
		c.penalty = 1
		for p < len(paras) && k == len(paras[p].Sentences) {
			p, k = p+1, 0
		}
		para, seg := &paras[p], paras[p].Sentences[k]
		k++
		toks = toks[:0]
		for _, t := range para.Tokens[seg.From:seg.To] {
			toks = text.AppendWords(toks, para.Text, t)
		}

		for _, t := range toks {
			if text.IsStopWord(t.Fold) {
				continue
			}
			st := text.Stem(t.Fold)
			if text.IsStopWord(st) {
				continue
			}
			id, ok := terms[st]
			if !ok {
				id = len(terms)
				terms[st] = id
				df = append(df, 0)
				tf = append(tf, 0)
			}
			if tf[id] == 0 {
				df[id]++
				c.vec = append(c.vec, termWeight{term: id})
			}
			tf[id]++
		}
		for k, tw := range c.vec {
			c.vec[k].weight = float64(tf[tw.term])
			tf[tw.term] = 0
		}
		slices.SortFunc(c.vec, func(x, y termWeight) int { return cmp.Compare(x.term, y.term) })

		isProse := len(toks) >= minSummaryWords && endsSentence(s.Text)
		if isProse {
			// The position prior counts sentences of prose, so that a
			// headline or byline above the text does not push the lead down.
			c.lead = 1 / math.Sqrt(float64(prose+1))
			prose++
		}
		opener, connective := openingWord(para.Text, toks)
		if connective {
			c.penalty = connectivePenalty
		}
		c.eligible = isProse && !s.InQuote && !para.MostlyQuoted(seg) &&
			!lexicon.BackPointers[opener] && !isQuestion(s.Text)
	}

	// Weight each term by its inverse sentence frequency.
	nf := float64(len(sentences))
	for i := range cands {
		c := &cands[i]
		var sq float64
		for k, tw := range c.vec {
			w := tw.weight * math.Log(1+nf/float64(df[tw.term]))
			c.vec[k].weight = w
			sq += w * w
		}
		c.norm = math.Sqrt(sq)
	}
	return cands
}

// similarities returns the cosine similarity of every pair of candidates as
// a row-major n×n matrix with zeros on its diagonal.
func similarities(cands []candidate) []float64 {
	n := len(cands)
	sim := make([]float64, n*n)
	for i := range cands {
		for j := i + 1; j < n; j++ {
			s := cosine(&cands[i], &cands[j])
			sim[i*n+j] = s
			sim[j*n+i] = s
		}
	}
	return sim
}

// cosine returns the cosine similarity of two candidates' TF-IDF vectors.
func cosine(a, b *candidate) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	dot, _ := overlap(a, b)
	return dot / (a.norm * b.norm)
}

// sharedTerms returns the Jaccard similarity of two candidates' sets of
// stemmed words: how many they share, over how many they hold between them.
func sharedTerms(a, b *candidate) float64 {
	_, both := overlap(a, b)
	union := len(a.vec) + len(b.vec) - both
	if union == 0 {
		return 0
	}
	return float64(both) / float64(union)
}

// overlap walks two candidates' sorted vectors together and returns the dot
// product of their weights and the number of terms they share.
func overlap(a, b *candidate) (dot float64, shared int) {
	for i, j := 0, 0; i < len(a.vec) && j < len(b.vec); {
		switch {
		case a.vec[i].term < b.vec[j].term:
			i++
		case a.vec[i].term > b.vec[j].term:
			j++
		default:
			dot += a.vec[i].weight * b.vec[j].weight
			shared++
			i++
			j++
		}
	}
	return dot, shared
}

// lexRank returns the PageRank of each node of the weighted graph whose
// edge weights are the row-major n×n matrix sim, with the damping factor
// damping: the stationary distribution of a walk that follows an edge with
// probability proportional to its weight, or jumps to any node with
// probability 1-damping (always, from a node with no edges). The ranks sum
// to 1.
func lexRank(sim []float64, n int) []float64 {
	out := make([]float64, n) // total edge weight leaving each node
	for i := range n {
		for _, w := range sim[i*n : (i+1)*n] {
			out[i] += w
		}
	}
	rank := make([]float64, n)
	next := make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	for range maxRankIterations {
		dangling := 0.0
		for j, r := range rank {
			if out[j] == 0 {
				dangling += r
			}
		}
		base := (1-damping)/float64(n) + damping*dangling/float64(n)
		for i := range next {
			next[i] = base
		}
		for j, r := range rank {
			if out[j] == 0 {
				continue
			}
			share := damping * r / out[j]
			for i, w := range sim[j*n : (j+1)*n] {
				next[i] += share * w
			}
		}
		change := 0.0
		for i := range rank {
			change += math.Abs(next[i] - rank[i])
		}
		rank, next = next, rank
		if change < rankTolerance {
			break
		}
	}
	return rank
}

// openingWord returns the folded word a sentence opens with, after any
// connectives, and whether there were any; toks are its words in text. A word in capitals of two letters
// or more is returned as it stands, so that "US" and "IT" are not read as
// pronouns.
func openingWord(text string, toks []text.Token) (word string, connective bool) {
	for _, t := range toks {
		if lexicon.Connectives[t.Fold] {
			connective = true
			continue
		}
		w := text[t.Span.Start:t.Span.End]
		if utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w {
			return w, connective
		}
		return t.Fold, connective
	}
	return "", connective
}

// isQuestion reports whether a sentence ends with a question mark, perhaps
// followed by closing quotation marks or brackets.
func isQuestion(sent string) bool {
	return strings.HasSuffix(text.TrimClosers(sent), "?")
}
