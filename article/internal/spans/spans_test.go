package spans

import (
	"fmt"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/article/internal/text"
)

// show renders the spans of a sentence as "kind[text]" in order.
func show(src string, people []int) string {
	toks := text.Tokenize(src)
	var b []string
	for _, s := range Find(src, toks, people) {
		b = append(b, fmt.Sprintf("%s[%s]", s.Kind, src[s.Start:s.End]))
	}
	return strings.Join(b, " ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		people []string // names the caller knows as people
		want   string
	}{
		{"money", "The firm would invest $95 million in the marina.", nil, "money[95 million]"},
		{"money in words", "They demanded 1,000 bitcoin, worth £400,000.", nil, "money[1,000 bitcoin] money[400,000]"},
		{"percent", "Tourism makes up 15 percent of output, up from 13% and 4.5 per cent.", nil,
			"percent[15 percent] percent[13%] percent[4.5 per cent]"},
		{"clock", "The order came at 10:30 p.m. and was lifted by noon, before an 8pm vote.", nil,
			"clock[10:30 p.m.] clock[noon] clock[8pm]"},
		{"dates", "She left on Dec. 20, 2019, and came back on Monday in 2021.", nil,
			"date[Dec. 20, 2019] date[Monday] date[2021]"},
		{"date before month", "The ferry sank on 16 December last year.", nil, "date[16 December] date[last year]"},
		{"may is a verb", "Officials may meet in May.", nil, "date[May]"},
		{"fractions", "Frost took half of the crop; a third of the rest and two-thirds of the pears may survive.", nil, "percent[half] percent[a third] percent[two-thirds]"},
		{"a half hour is no share", "They waited a half hour in the first quarter of the year.", nil, ""},
		{"month after the end of", "A decision is due by the end of June, the minister said.", nil, "date[June]"},
		{"duration", "He was jailed for three years after a two-week trial.", nil, "duration[three years] duration[two-week]"},
		{"age", "Marta Olsen, 31, and a 24-year-old friend were aged 30 or so.", []string{"Marta Olsen"},
			"person[Marta Olsen] age[31] age[24-year-old] age[30]"},
		{"measure", "The ship carried 90,000 miles of cable at 12 knots.", nil, "measure[90,000 miles] measure[12 knots]"},
		{"pence joined", "Shares rose to 394p, and the offer is 410p.", nil, "money[394p] money[410p]"},
		{"measure with its unit joined", "After 112mm of rain, the 3.5km road and 40kph limit held.", nil, "measure[112mm] measure[3.5km] measure[40kph]"},
		{"score", "The jury convicted him by 10-2 over 2002-2006.", nil, "score[10-2] date[2002-2006]"},
		{"count", "A dozen Republicans and four or five others filed, with 2000 students.", nil,
			"number[dozen] number[four or five] number[2000]"},
		{"place", "The resort will be at Lake Berryessa in Napa County, near the Pentagon.", nil,
			"place[Lake Berryessa] place[Napa County] place[Pentagon]"},
		{"place noun", "Workers train at a training center and sleep in the dormitory building.", nil,
			"place[a training center] place[the dormitory building]"},
		{"on a place noun", "She waited on the lawn and was found on the floor of the engine room.", nil,
			"place[the lawn] place[the floor of the engine room]"},
		{"on no place", "He commented on the plan on Monday and on the budget.", nil, "date[Monday]"},
		{"organisation", "She works for Warwick University and the PPP, not the U.S. State Department.", nil,
			"org[Warwick University] org[PPP] org[U.S. State Department]"},
		{"person after a title", "Supervisor Karl Mbeki of Dorset County said so.", []string{"Karl Mbeki"},
			"person[Karl Mbeki] place[Dorset County]"},
		{"person after a role", "The mayor of Kelbridge, Anna Okoro, spoke.", nil, "person[Anna Okoro]"},
		{"first word", "Officials said nothing.", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var people []int
			for _, p := range tt.people {
				people = append(people, strings.Index(tt.src, p))
			}
			if got := show(tt.src, people); got != tt.want {
				t.Errorf("Find(%q) =\n  %s\nwant\n  %s", tt.src, got, tt.want)
			}
		})
	}
}
