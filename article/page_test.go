package article

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testPage is a small news page: a headline and byline in its header, a
// caption, a share widget and related links around three paragraphs.
const testPage = `<!doctype html>
<html><head>
<title>Ferry returns | The Courier</title>
<meta property="og:site_name" content="The Courier">
<meta property="article:published_time" content="2025-03-14T18:05:00Z">
<link rel="canonical" href="https://courier.example/ferry">
<meta name="author" content="Maria Okafor">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<header><h1>Ferry returns</h1><p class="byline">By Maria Okafor</p></header>
<figure><img src="f.jpg"><figcaption>The ferry at dusk.</figcaption></figure>
<p>The night ferry will run again from April 1, the council decided on Thursday.</p>
<p>"This fixes a real problem," said Councillor Ruth Abney, who proposed it.</p>
<p>The <a href="/budget">crossing will cost</a> about £180,000 a year.</p>
<div class="share"><a href="#">Share</a></div>
</article>
<aside class="related"><ul><li><a href="/x">Pier repairs finished</a></li></ul></aside>
</body></html>
`

func writeTemp(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func paragraphTexts(a *Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

func TestLoadFormats(t *testing.T) {
	dir := t.TempDir()
	ferry := []string{
		"The night ferry will run again from April 1, the council decided on Thursday.",
		`"This fixes a real problem," said Councillor Ruth Abney, who proposed it.`,
		"The crossing will cost about £180,000 a year.",
	}
	tests := []struct {
		name    string
		file    string
		content string
		sidecar string // written beside the file as .yaml when not empty
		want    Meta
		paras   []string
	}{
		{"a web page", "ferry.html", testPage, "",
			Meta{Title: "Ferry returns", Byline: "Maria Okafor", Publication: "The Courier", URL: "https://courier.example/ferry", Date: "2025-03-14"},
			ferry},
		{"a web page whatever its name", "ferry.txt", testPage, "",
			Meta{Title: "Ferry returns", Byline: "Maria Okafor", Publication: "The Courier", URL: "https://courier.example/ferry", Date: "2025-03-14"},
			ferry},
		{"a web page with metadata beside it", "page.htm", testPage, "title: The night ferry is back\ndate: 2025-03-15\n",
			Meta{Title: "The night ferry is back", Byline: "Maria Okafor", Publication: "The Courier", URL: "https://courier.example/ferry", Date: "2025-03-15"},
			ferry},
		{"an HTML fragment", "fragment.txt", "<p>The ferry is back.</p>\n<p>It runs <em>every</em> night.</p>\n", "",
			Meta{}, []string{"The ferry is back.", "It runs every night."}},
		{"Markdown with front matter", "ferry.md", "---\ntitle: Ferry returns\nbyline: Maria Okafor\n---\n# The headline as written\n\nThe [ferry](https://x.example) runs *again*.\n\n## Times\n\n- From April 1\n", "",
			Meta{Title: "Ferry returns", Byline: "Maria Okafor"}, []string{"The ferry runs again.", "Times", "From April 1"}},
		{"Markdown by its signs", "ferry.txt", "# Ferry returns\n\nThe [ferry](https://x.example) runs again.\n", "",
			Meta{Title: "Ferry returns"}, []string{"The ferry runs again."}},
		{"Markdown with metadata beside it", "notes.markdown", "The ferry runs **again**.\n", "publication: The Courier\n",
			Meta{Publication: "The Courier"}, []string{"The ferry runs again."}},
		{"plain text keeps its marks", "ferry.txt", "The ferry runs *again*.\n\nTickets cost £2.50.\n", "",
			Meta{}, []string{"The ferry runs *again*.", "Tickets cost £2.50."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := t.TempDir()
			path := writeTemp(t, sub, tt.file, tt.content)
			if tt.sidecar != "" {
				writeTemp(t, sub, strings.TrimSuffix(tt.file, filepath.Ext(tt.file))+".yaml", tt.sidecar)
			}
			a, err := Load(path)
			if err != nil {
				t.Fatalf("Load(%s) = %v", tt.file, err)
			}
			if a.Meta.Title != tt.want.Title || a.Meta.Byline != tt.want.Byline || a.Meta.Publication != tt.want.Publication ||
				a.Meta.URL != tt.want.URL || a.Meta.Date != tt.want.Date {
				t.Errorf("Load(%s).Meta = %+v, want %+v", tt.file, a.Meta, tt.want)
			}
			if got := paragraphTexts(a); strings.Join(got, "\n") != strings.Join(tt.paras, "\n") {
				t.Errorf("Load(%s) paragraphs = %q, want %q", tt.file, got, tt.paras)
			}
		})
	}
	_ = dir
}

func TestLoadPageErrors(t *testing.T) {
	dir := t.TempDir()
	huge := writeTemp(t, dir, "huge.html", "<html><body><p>"+strings.Repeat("word ", MaxPageSize/5+1)+"</p></body></html>")
	bigText := writeTemp(t, dir, "big.txt", strings.Repeat("A sentence of the article.\n", MaxSize/27+1))
	var long strings.Builder
	long.WriteString("<html><body><article>")
	for i := 0; long.Len() < 3*MaxSize/2; i++ {
		fmt.Fprintf(&long, "<p>Paragraph %d of a very long report on the harbour, the ferry and the bridge.</p>\n", i)
	}
	longText := writeTemp(t, dir, "long.html", long.String()+"</article></body></html>")
	empty := writeTemp(t, dir, "empty.html", "<html><head><title>Nothing here</title></head><body><nav><a href=/>Home</a></nav></body></html>")
	badSidecar := writeTemp(t, dir, "side.html", testPage)
	writeTemp(t, dir, "side.yaml", "titel: typo\n")
	tests := []struct {
		name string
		path string
		want error
	}{
		{"a page over 8 MiB", huge, ErrPageTooLarge},
		{"text over 1 MiB", bigText, ErrTooLarge},
		{"a page whose text is over 1 MiB", longText, ErrTooLarge},
		{"a page with no article text", empty, ErrNoParagraphs},
		{"bad metadata beside a page", badSidecar, ErrFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.path)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), filepath.Base(tt.path)) {
				t.Errorf("Load(%s) = %v, want an error wrapping %v that names the file", filepath.Base(tt.path), err, tt.want)
			}
		})
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, body, file string
		want             Format
	}{
		{"a page named .txt", "<!DOCTYPE html><html></html>", "a.txt", FormatHTML},
		{"a page named .md", "<html><body><p>x</p></body></html>", "a.md", FormatHTML},
		{"a .html name", "Just text.", "a.html", FormatHTML},
		{"an HTML fragment", "<p>One.</p><p>Two.</p>", "a.txt", FormatHTML},
		{"a .md name", "Just text.", "a.MD", FormatMarkdown},
		{"Markdown signs", "See the [map](https://x.example/map).", "a.txt", FormatMarkdown},
		{"HTML after front matter", "---\ntitle: T\n---\n<p>One.</p><p>Two.</p>", "a.txt", FormatMarkdown},
		{"text after front matter", "---\ntitle: T\n---\nOne.\n", "a.txt", FormatText},
		{"plain text", "One.\n\nTwo.\n", "article", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectFormat([]byte(tt.body), tt.file); got != tt.want {
				t.Errorf("DetectFormat(%q, %q) = %v, want %v", tt.body, tt.file, got, tt.want)
			}
		})
	}
}

func TestParseHTMLAndMarkdown(t *testing.T) {
	a, err := ParseHTML(strings.NewReader(testPage), "https://mirror.example/ferry", "text/html; charset=utf-8")
	if err != nil {
		t.Fatalf("ParseHTML() = %v", err)
	}
	if a.Meta.URL != "https://courier.example/ferry" || len(a.Paragraphs) != 3 || len(a.Speakers()) == 0 {
		t.Errorf("ParseHTML() = URL %q, %d paragraphs, %d speakers; want the canonical URL, 3 paragraphs and a speaker",
			a.Meta.URL, len(a.Paragraphs), len(a.Speakers()))
	}
	m, err := ParseMarkdown(strings.NewReader("She said the [park](https://x.example/park) would stay open.\n"))
	if err != nil {
		t.Fatalf("ParseMarkdown() = %v", err)
	}
	if got := paragraphTexts(m); len(got) != 1 || got[0] != "She said the park would stay open." {
		t.Errorf("ParseMarkdown() paragraphs = %q, want the link as its text", got)
	}
}
