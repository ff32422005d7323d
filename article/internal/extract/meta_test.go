package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2019-12-30T05:03:00-05:00", "2019-12-30"},
		{"2024-12-07T12:43:39.889Z", "2024-12-07"},
		{"20190221", "2019-02-21"},
		{"Mon, 30 Dec 2019 10:03:00 GMT", "2019-12-30"},
		{"March 14, 2025", "2025-03-14"},
		{"14 March 2025", "2025-03-14"},
		{"last spring", "last spring"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalizeDate(tt.in); got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitByline(t *testing.T) {
	tests := []struct {
		in   string
		want string // the names joined with |
	}{
		{"By Stella Kim and Jennifer Jett", "Stella Kim|Jennifer Jett"},
		{"Ana Cruz, Li Wei & Tom Hale", "Ana Cruz|Li Wei|Tom Hale"},
		{"by Anderson Cooper", "Anderson Cooper"},
		{"https://www.facebook.com/someone", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(splitByline(tt.in), "|"); got != tt.want {
			t.Errorf("splitByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleElement(t *testing.T) {
	tests := []struct {
		name, page, site, want string
	}{
		{"site after a bar", "<title>Bridge closes for repairs | The Daily Post</title>", "The Daily Post", "Bridge closes for repairs"},
		{"section and site", "<title>Local news - Bridge closes for repairs - Post</title>", "", "Bridge closes for repairs"},
		{"the <h1> the title holds", "<title>Bridge: closes - Post</title><h1>Bridge: closes</h1>", "", "Bridge: closes"},
		{"no separator", "<title>Bridge closes for repairs</title>", "", "Bridge closes for repairs"},
		{"no title", "<h1>Bridge closes</h1>", "", "Bridge closes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := titleElement(doc, tt.site); got != tt.want {
				t.Errorf("titleElement(%q) = %q, want %q", tt.page, got, tt.want)
			}
		})
	}
}
