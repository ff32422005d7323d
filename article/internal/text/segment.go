package text

// Paragraph is a paragraph as every part of the engine reads it.
type Paragraph struct {
	// Text is the paragraph's text; every span is a byte offset into it.
	Text string
	// Tokens are its words and punctuation marks, in order.
	Tokens []Token
	// Quotes are its quotations, in the order of their opening marks.
	Quotes []Quotation
	// Sentences are its sentences, in order.
	Sentences []Sentence
}

// Segment reads the paragraphs of an article: their tokens, quotations and
// sentences. A quotation left open at the end of a paragraph, followed by
// one that opens the next paragraph with the same kind of mark, is the
// convention for a quotation that runs on: the second is marked Continued.
func Segment(texts []string) []Paragraph {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	buf := make([]Token, 0, size/4+2*len(texts)) // one token buffer for the article; prose has about a token every five bytes
	paras := make([]Paragraph, len(texts))
	for i, t := range texts {
		p := &paras[i]
		p.Text = t
		from := len(buf)
		buf = AppendTokens(buf, t)
		p.Tokens = buf[from:len(buf):len(buf)]
		p.Quotes = ScanQuotes(t)
		if i > 0 {
			continueQuote(&paras[i-1], p)
		}
		p.Sentences = Sentences(t, p.Tokens, p.Quotes)
	}
	return paras
}

// continueQuote marks the first quotation of p Continued when it opens the
// paragraph and prev ends inside an unclosed quotation of the same kind.
func continueQuote(prev, p *Paragraph) {
	last := lastOuter(prev.Quotes)
	if last < 0 || len(p.Quotes) == 0 {
		return
	}
	lq, first := prev.Quotes[last], &p.Quotes[0]
	if !lq.Closed && first.Open == 0 && lq.Single == first.Single {
		first.Continued = true
	}
}

// lastOuter returns the index of the last quotation that is not nested in
// another, or -1.
func lastOuter(quotes []Quotation) int {
	for k := len(quotes) - 1; k >= 0; k-- {
		if !quotes[k].Nested {
			return k
		}
	}
	return -1
}

// MostlyQuoted reports whether a sentence of p is mostly the words of its
// quotations, or ends inside a quotation that runs on past it: either way,
// not a statement the text makes in its own words.
func (p *Paragraph) MostlyQuoted(s Sentence) bool {
	inside, outside := 0, 0
	q, reach, unclosed := 0, -1, false // the quotations opened so far: how far they reach, and whether that one is unclosed
	advance := func(to int) {
		for q < len(p.Quotes) && p.Quotes[q].Open < to {
			if e := p.Quotes[q].End; e > reach {
				reach, unclosed = e, !p.Quotes[q].Closed
			}
			q++
		}
	}
	for _, t := range p.Tokens[s.From:s.To] {
		if t.Kind != Word {
			continue
		}
		advance(t.Span.Start)
		if reach > t.Span.Start {
			inside++
		} else {
			outside++
		}
	}
	advance(s.Span.End)
	runsOn := reach > s.Span.End || reach == s.Span.End && unclosed
	return runsOn || inside > outside
}
