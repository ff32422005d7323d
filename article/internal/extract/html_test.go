package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render writes a document the way its golden file holds it.
func render(d Document) string {
	var b strings.Builder
	for _, f := range []struct{ name, value string }{
		{"title", d.Title}, {"byline", d.Byline}, {"site", d.SiteName}, {"date", d.Date}, {"url", d.URL},
	} {
		fmt.Fprintf(&b, "%s: %s\n", f.name, f.value)
	}
	for i, p := range d.Paragraphs {
		fmt.Fprintf(&b, "\n¶%d %s\n", i+1, p)
	}
	return b.String()
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := readFixtureFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readFixtureFile(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", name))
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("extraction differs from %s (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestHTMLGolden checks the whole extraction of each fixture page: its
// metadata and every paragraph.
func TestHTMLGolden(t *testing.T) {
	for _, name := range []string{"news", "jsonld", "amp", "bare"} {
		t.Run(name, func(t *testing.T) {
			d, err := HTML(readFixture(t, name+".html"), "", "")
			if err != nil {
				t.Fatalf("HTML(%s.html) = %v", name, err)
			}
			checkGolden(t, name+".golden", render(d))
		})
	}
}

// TestHTMLLeavesOut checks that what is not the article's text stays out of
// its paragraphs, and that its text is all there.
func TestHTMLLeavesOut(t *testing.T) {
	tests := []struct {
		page    string
		absent  []string // in no paragraph
		present []string // each a whole paragraph
	}{
		{"news.html",
			[]string{
				"Sport", "Search", // navigation
				"Advertisement",     // ads
				"Facebook", "Email", // share widget
				"leaves the east pier", "Lin Park", // caption and credit
				"By Maria Okafor", "March 14, 2025", // byline and date line
				"petition signed by 4,000",                 // standfirst
				"Ferry fares frozen",                       // bracketed link
				"Read more", "bus link delayed", "bridge?", // read-more links
				"pier repairs", "River taxi", // related stories
				"Tomas Reyes", "transport reporter", // credit line and author's note
				"inbox", "Sign up", // newsletter
				"night workers at last", // comments
				"All rights reserved",   // footer
				"Night ferry returns",   // headline, which is metadata
			},
			[]string{
				"HARBORTON — The night ferry between Harborton and Millbank will run again from April 1, the town council decided on Thursday, two years after the last late crossing was cut to save money.",
				"Who uses the late boat",
				"nearly 300 on Fridays and Saturdays.",
				"The crossing will cost the council about £180,000 a year. Ticket prices stay at £2.50 for adults.",
			}},
		{"jsonld.html",
			[]string{"Home", "Video:", "renovated reading room", "Tell us here", "Most read", "Road closures"},
			[]string{"The first Sunday opening is planned for December 7."}},
		{"amp.html",
			[]string{"Front page", "Menu", "Ad failed", "AMP edition", "A thermometer"},
			[]string{"Forecasters expect the heat to ease on Sunday, when a band of storms is due from the west."}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			d, err := HTML(readFixture(t, tt.page), "", "")
			if err != nil {
				t.Fatalf("HTML(%s) = %v", tt.page, err)
			}
			for _, p := range d.Paragraphs {
				for _, a := range tt.absent {
					if strings.Contains(p, a) {
						t.Errorf("HTML(%s) has paragraph %q, which holds %q", tt.page, p, a)
					}
				}
			}
			for _, want := range tt.present {
				found := false
				for _, p := range d.Paragraphs {
					found = found || p == want
				}
				if !found {
					t.Errorf("HTML(%s) lacks paragraph %q; has %q", tt.page, want, d.Paragraphs)
				}
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, page, pageURL string
		want                Document // metadata only
	}{
		{"Open Graph and meta tags", "news.html", "", Document{
			Title: "Night ferry returns to Harborton after two-year pause", Byline: "Maria Okafor",
			SiteName: "The Riverside Courier", Date: "2025-03-14", URL: "https://courier.example/news/night-ferry-returns"}},
		{"a relative canonical link resolved against the page's URL", "news.html", "https://www.courier.example/amp/x", Document{
			Title: "Night ferry returns to Harborton after two-year pause", Byline: "Maria Okafor",
			SiteName: "The Riverside Courier", Date: "2025-03-14", URL: "https://www.courier.example/news/night-ferry-returns?ref=canonical"}},
		{"JSON-LD before Open Graph", "jsonld.html", "", Document{
			Title: "Northfield library to open on Sundays", Byline: "Ada Lindqvist and Sam Oyelaran",
			SiteName: "Northfield Gazette", Date: "2024-11-02", URL: "https://gazette.example/2024/11/library-sundays"}},
		{"AMP", "amp.html", "", Document{
			Title: "Heat wave breaks records across the valley", Byline: "Jonah Weiss",
			SiteName: "Valley Times", Date: "2023-07-19", URL: "https://valleytimes.example/weather/heat-wave-records"}},
		{"no metadata: the headline from <h1>", "bare.html", "", Document{Title: "Bakery wins the county prize"}},
		{"no metadata: the URL it was fetched from", "bare.html", "https://bakery.example/prize", Document{
			Title: "Bakery wins the county prize", URL: "https://bakery.example/prize"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := HTML(readFixture(t, tt.page), "", tt.pageURL)
			if err != nil {
				t.Fatalf("HTML(%s) = %v", tt.page, err)
			}
			d.Paragraphs, d.Description = nil, ""
			if render(d) != render(tt.want) {
				t.Errorf("HTML(%s, %q) metadata = %+v, want %+v", tt.page, tt.pageURL, d, tt.want)
			}
		})
	}
}

// TestHTMLCharset checks that a page in a legacy encoding is decoded as its
// Content-Type or its <meta charset> says.
func TestHTMLCharset(t *testing.T) {
	latin1 := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 closes</title></head>" +
		"<body><p>The caf\xe9 on the square closed after forty years, its owner said on Monday.</p></body></html>"
	tests := []struct {
		name, page, contentType, want string
	}{
		{"meta charset", latin1, "", "The café on the square closed after forty years, its owner said on Monday."},
		{"Content-Type charset", strings.Replace(latin1, `<meta charset="windows-1252">`, "", 1), "text/html; charset=ISO-8859-1",
			"The café on the square closed after forty years, its owner said on Monday."},
		{"UTF-8 without a charset", "<p>The café on the square closed after forty years, its owner said.</p>", "",
			"The café on the square closed after forty years, its owner said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := HTML([]byte(tt.page), tt.contentType, "")
			if err != nil {
				t.Fatalf("HTML() = %v", err)
			}
			if len(d.Paragraphs) != 1 || d.Paragraphs[0] != tt.want {
				t.Errorf("HTML() paragraphs = %q, want [%q]", d.Paragraphs, tt.want)
			}
		})
	}
}

// TestMergeSplitBody checks that an article whose paragraphs are split
// between containers, with other content between them, is read whole.
func TestMergeSplitBody(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><div class=page>")
	para := func(i int) string {
		return fmt.Sprintf("Paragraph %d of the report says something about the harbour and the weather, at length, as reports do.", i)
	}
	b.WriteString("<section class=row><div class=col><div class=body-text>")
	for i := 1; i <= 2; i++ {
		fmt.Fprintf(&b, "<p class=para>%s</p>", para(i))
	}
	b.WriteString("</div></div></section><section class=row><div class=widget><p>Weather: sunny, 21 degrees</p></div></section>")
	b.WriteString("<section class=row><div class=col><div class=body-text>")
	for i := 3; i <= 12; i++ {
		fmt.Fprintf(&b, "<p class=para>%s</p>", para(i))
	}
	b.WriteString("</div></div></section></div></body></html>")

	d, err := HTML([]byte(b.String()), "", "")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := 1; i <= 12; i++ {
		want = append(want, para(i))
	}
	if strings.Join(d.Paragraphs, "\n") != strings.Join(want, "\n") {
		t.Errorf("HTML(split body) paragraphs =\n%s\nwant\n%s", strings.Join(d.Paragraphs, "\n"), strings.Join(want, "\n"))
	}
}

func TestHTMLNoText(t *testing.T) {
	for _, page := range []string{"", "<html><head><title>Nothing</title></head><body></body></html>", "<script>x()</script>"} {
		d, err := HTML([]byte(page), "", "")
		if err != nil {
			t.Fatalf("HTML(%q) = %v", page, err)
		}
		if len(d.Paragraphs) != 0 {
			t.Errorf("HTML(%q) paragraphs = %q, want none", page, d.Paragraphs)
		}
	}
}

// TestHTMLMarkupInsideParagraphs checks that the words of a paragraph are
// kept whatever their markup's class says, and that what is not shown, or
// only shown to screen readers, is left out.
func TestHTMLMarkupInsideParagraphs(t *testing.T) {
	page := `<html><body><article>
<p>With advances in <a class="tag-link related" href="/t/neuro">neuroscience</a>, researchers changed their minds, <span class="author">one of them</span> said.</p>
<p>The dam holds <span class="sr-only">(opens a chart)</span>two billion litres<span style="display: none">hidden note</span>, engineers said.</p>
<h2><a href="#timeline">Timeline</a></h2>
<p>Work began in 2019 and ended in 2024, two years late, the agency said.</p>
</article></body></html>`
	d, err := HTML([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"With advances in neuroscience, researchers changed their minds, one of them said.",
		"The dam holds two billion litres, engineers said.",
		"Timeline",
		"Work began in 2019 and ended in 2024, two years late, the agency said.",
	}
	if strings.Join(d.Paragraphs, "\n") != strings.Join(want, "\n") {
		t.Errorf("HTML() paragraphs =\n%s\nwant\n%s", strings.Join(d.Paragraphs, "\n"), strings.Join(want, "\n"))
	}
}

// TestHTMLLineBreakParagraphs checks an older kind of page, whose
// paragraphs are set apart by two line breaks rather than <p> elements.
func TestHTMLLineBreakParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>`)
	b.WriteString(`<div id="main"><div class="text">`)
	var want []string
	for i := 1; i <= 8; i++ {
		p := fmt.Sprintf("Paragraph %d tells, at some length and with some detail, what the committee heard about the river, the weir and the mill.", i)
		want = append(want, p)
		b.WriteString(p + "<br />\n   <br /> ")
	}
	b.WriteString(`</div></div><div class="footer">Copyright 2016 The Mill Gazette. All rights reserved.</div></body></html>`)
	d, err := HTML([]byte(b.String()), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Paragraphs, "\n") != strings.Join(want, "\n") {
		t.Errorf("HTML() paragraphs =\n%s\nwant\n%s", strings.Join(d.Paragraphs, "\n"), strings.Join(want, "\n"))
	}
}
