package article

import (
	"strings"
	"testing"
)

// heldIn returns how much of the question's term for word the best hit in
// the article's sentence holding marker has: 0 when no hit is there.
func heldIn(t *testing.T, a *Article, question, word, marker string) float32 {
	t.Helper()
	q := a.readQuestion(question)
	for _, tm := range q.terms {
		if tm.word != word {
			continue
		}
		var best float32
		for _, h := range tm.hits {
			if strings.Contains(a.sentence[a.ask.words[h.word].sent].Text, marker) {
				best = max(best, h.quality)
			}
		}
		return best
	}
	t.Fatalf("readQuestion(%q) has no term %q", question, word)
	return 0
}

// TestTermHits checks how much a sentence holds of a question's word
// where the article says it in another form or in other words.
func TestTermHits(t *testing.T) {
	const body = `Ferry crew found guilty

A jury found the ferry's engineer guilty of falsifying the logs.

The same jury found his deputy not guilty of the same charge.

Families waited on the quay with heads bowed.

The ferry headed north into the storm.

Colm Dervish, who heads the harbour board, stepped down on Friday.

Lawmakers urged the board to publish its report.

Divers found the wreck on Sunday, and its investigation began.

The rowing club, founded in 1921, was not named.

Tomas Brede stepped off the ferry and down onto the slipway.

Ilse Varga called the council on Monday about the pier.

Pim Oster was not found guilty of theft.

The company had never found Ravi Oster guilty of anything.
`
	a, err := Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		question string
		word     string
		marker   string // a part of the sentence looked at
		want     float32
	}{
		{"phrase with an object", "who was convicted?", "convicted", "engineer guilty", qualitySynonym},
		{"negated phrase", "who was convicted?", "convicted", "deputy not guilty", 0},
		{"verb as a verb", "where was the ferry headed?", "headed", "headed north", qualityExact},
		{"verb as a noun", "where was the ferry headed?", "headed", "heads bowed", qualityExact * nounUse},
		{"verb after that", "who headed the board?", "headed", "who heads", qualityExact},
		{"doubled consonant", "who quitting the board?", "quitting", "stepped down", qualitySynonym},
		{"phrase in the question", "which members of parliament urged the board?", "parliament", "Lawmakers urged", qualitySynonym},
		{"particle after an object", "when did Brede quit?", "quit", "stepped off the ferry", 0},
		{"preposition after an object", "who did Varga urge?", "urge", "called the council", 0},
		{"negator before the phrase", "who was convicted?", "convicted", "not found guilty", 0},
		{"negator before the verb", "who was convicted?", "convicted", "never found Ravi", 0},
		{"noun made from the verb", "who is investigating the wreck?", "investigating", "its investigation", qualityExact},
		{"another verb's irregular form", "when was the club founded?", "founded", "Divers found", 0},
		{"its own form", "when was the club founded?", "founded", "club, founded", qualityExact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := heldIn(t, a, tt.question, tt.word, tt.marker); got != tt.want {
				t.Errorf("%q: %q holds %v of %q, want %v", tt.question, tt.marker, got, tt.word, tt.want)
			}
		})
	}
}
