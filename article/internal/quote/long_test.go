package quote

import (
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article/internal/text"
)

// TestManyNamesakes checks attribution deep into an article that names far
// more people than the resolver looks back over: hundreds of people who
// share a surname, each quoted by surname and by pronoun right after being
// named in full. Each quote must go to the person just named.
func TestManyNamesakes(t *testing.T) {
	const n = 3 * maxNamesakes
	var paras []string
	for i := range n {
		given := fmt.Sprintf("Ka%c%c", 'a'+i%26, 'a'+i/26)
		paras = append(paras, fmt.Sprintf("Councillor %s Smith opened hall %d. Smith said the roof was sound. \"It will last,\" she said.", given, i))
	}
	res := Attribute(text.Segment(paras))
	if len(res.Quotes) != 2*n {
		t.Fatalf("Attribute found %d quotes, want %d: a reported and a direct one in each paragraph", len(res.Quotes), 2*n)
	}
	for _, q := range res.Quotes {
		want := fmt.Sprintf("Ka%c%c Smith", 'a'+q.Para%26, 'a'+q.Para/26)
		if got := res.Speakers[q.Speaker].Name; got != want {
			t.Errorf("¶%d %v quote: speaker %q, want %q", q.Para+1, q.Kind, got, want)
		}
	}
}

// TestLongSentence checks that a run of text far longer than any sentence,
// read in stretches, still gives the quotation at its end to the attribution
// beside it.
func TestLongSentence(t *testing.T) {
	long := strings.Repeat("the road, the bridge, the river, ", 100) + `and then "We will rebuild it," Anna Berg said`
	res := Attribute(text.Segment([]string{long}))
	if len(res.Quotes) != 1 || res.Speakers[res.Quotes[0].Speaker].Name != "Anna Berg" {
		t.Fatalf("Attribute(long sentence) = %+v, want one quote by Anna Berg", res)
	}
}
