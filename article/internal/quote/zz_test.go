//go:build zzdebug

package quote

import (
	"fmt"
	"testing"
)

func TestZZNP(t *testing.T) {
	for _, x := range []string{`Ines Brandt said the deckhand Pim Oster ran along the quay, shouting: "Cut the lines!"`, `Ines Brandt said two men ran along the quay, shouting: "Cut the lines!"`} {
		p := readParagraph(x)
		s := p.sents[0]
		for i := range s.toks {
			if vp := s.verbOfClause(i, len(s.toks)); vp > i {
				np := s.classifyNP(i, vp)
				fmt.Printf("c=%d %q vp=%q np=%+v person=%v\n", i, s.toks[i].Fold, s.toks[vp].Fold, np, namesPerson(np))
			}
		}
		for _, a := range s.findAttributions() {
			fmt.Printf("attr form=%v subj=%q nobody=%v\n", a.form, a.subj.text, a.nobody)
		}
	}
}
