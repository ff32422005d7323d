package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
)

// ferryPage is a small news page, written for these tests.
const ferryPage = `<!doctype html>
<html><head>
<title>Night ferry returns | The Courier</title>
<meta property="og:site_name" content="The Courier">
<meta property="article:published_time" content="2025-03-14T18:05:00Z">
<meta name="author" content="Maria Okafor">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Night ferry returns</h1>
<figure><img src="f.jpg"><figcaption>The ferry at dusk.</figcaption></figure>
<p>The night ferry will run again from April 1, the council decided on Thursday.</p>
<p>"This fixes a real problem," said Councillor Ruth Abney, who proposed it.</p>
<p>The crossing will cost about £180,000 a year.</p>
</article>
<aside class="related"><ul><li><a href="/x">Pier repairs finished</a></li></ul></aside>
</body></html>
`

var ferryParagraphs = []string{
	"The night ferry will run again from April 1, the council decided on Thursday.",
	`"This fixes a real problem," said Councillor Ruth Abney, who proposed it.`,
	"The crossing will cost about £180,000 a year.",
}

// articleServer serves ferryPage at /ferry, a page that never comes at
// /slow, and nothing else.
func articleServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/ferry", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, ferryPage)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/notes", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		io.WriteString(w, "# Ferry notes\n\nThe [ferry](https://x.example) runs *again*.\n")
	})
	mux.HandleFunc("/notes.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "The ferry runs *again*.\n\nTickets cost £2.50.\n")
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.7")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func decodeArticleJSON(t *testing.T, stdout string) articleJSON {
	t.Helper()
	var got articleJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("article --json printed %q: %v", stdout, err)
	}
	return got
}

func TestArticleCommandJSON(t *testing.T) {
	srv := articleServer(t)
	file := writeFile(t, t.TempDir(), "ferry.html", ferryPage)
	tests := []struct {
		name    string
		vars    map[string]string
		args    []string
		wantURL string
	}{
		{"a file", nil, []string{"article", "--json", "--article", file}, ""},
		{"ARTICLE_FILE", map[string]string{envArticleFile: file}, []string{"article", "--json"}, ""},
		{"a URL", nil, []string{"article", "--json", "--article", srv.URL + "/ferry"}, srv.URL + "/ferry"},
		{"ARTICLE_URL", map[string]string{envArticleURL: srv.URL + "/ferry"}, []string{"article", "--json"}, srv.URL + "/ferry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _, err := runArgs(t, tt.vars, tt.args)
			if err != nil {
				t.Fatalf("run(%q) = %v", tt.args, err)
			}
			got := decodeArticleJSON(t, stdout)
			if got.Title != "Night ferry returns" || got.Source != "The Courier" || got.Date != "2025-03-14" ||
				got.Byline != "Maria Okafor" || got.URL != tt.wantURL {
				t.Errorf("run(%q) metadata = %+v, want the page's, with url %q", tt.args, got, tt.wantURL)
			}
			if strings.Join(got.Paragraphs, "\n") != strings.Join(ferryParagraphs, "\n") {
				t.Errorf("run(%q) paragraphs = %q, want %q", tt.args, got.Paragraphs, ferryParagraphs)
			}
			var keys map[string]any
			json.Unmarshal([]byte(stdout), &keys)
			for _, k := range []string{"title", "source", "url", "date", "byline", "paragraphs"} {
				if _, ok := keys[k]; !ok {
					t.Errorf("run(%q) printed no %q: %s", tt.args, k, stdout)
				}
			}
		})
	}
}

func TestArticleCommandText(t *testing.T) {
	file := writeFile(t, t.TempDir(), "ferry.html", ferryPage)
	stdout, _, err := runArgs(t, nil, []string{"article", "--article", file})
	if err != nil {
		t.Fatalf("run(article) = %v", err)
	}
	for _, want := range []string{
		"Title:       Night ferry returns\n", "By:          Maria Okafor\n", "Publication: The Courier\n",
		"Date:        2025-03-14\n", "Read from:   " + file + "\n", "3 paragraphs, ",
		"\n¶1 " + ferryParagraphs[0] + "\n", "\n¶3 " + ferryParagraphs[2] + "\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("article printed:\n%s\nwant it to hold %q", stdout, want)
		}
	}

	stdout, _, err = runArgs(t, nil, []string{"article"})
	if err != nil {
		t.Fatalf("run(article) = %v", err)
	}
	a := article.Default()
	if !strings.Contains(stdout, "Read from:   the embedded article\n") ||
		!strings.Contains(stdout, "\n¶1 "+a.Paragraphs[0].Text+"\n") {
		t.Errorf("article with no file printed:\n%s\nwant the embedded article", stdout)
	}
}

func TestArticleSourceProblems(t *testing.T) {
	srv := articleServer(t)
	file := writeFile(t, t.TempDir(), "ferry.html", ferryPage)
	tests := []struct {
		name string
		vars map[string]string
		args []string
		want []string // substrings of the error
	}{
		{"both variables", map[string]string{envArticleFile: file, envArticleURL: srv.URL + "/ferry"}, []string{"article"},
			[]string{"ARTICLE_FILE and ARTICLE_URL are both set"}},
		{"not a web address", map[string]string{envArticleURL: "ftp://files.example/ferry.html"}, []string{"article"},
			[]string{"ARTICLE_URL", "not a web address"}},
		{"not found", nil, []string{"article", "--article", srv.URL + "/missing"},
			[]string{"ARTICLE_URL", "404 Not Found", srv.URL + "/missing"}},
		{"not a page", nil, []string{"article", "--article", srv.URL + "/report.pdf"},
			[]string{"ARTICLE_URL", "application/pdf", "text/html"}},
		{"other problems first", map[string]string{envArticleURL: srv.URL + "/slow", envLogLevel: "loud"}, []string{"article"},
			[]string{"LOG_LEVEL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runArgs(t, tt.vars, tt.args)
			if err == nil || exitCode(err) != 2 {
				t.Fatalf("run(%q) = %v, want a configuration error", tt.args, err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("run(%q) = %v, want it to say %q", tt.args, err, want)
				}
			}
		})
	}
	// Both variables are fine with --article, which overrides them.
	if _, _, err := runArgs(t, map[string]string{envArticleFile: "/missing", envArticleURL: "https://x.example/"},
		[]string{"article", "--article", file}); err != nil {
		t.Errorf("run(article --article FILE) with both variables set = %v, want nil", err)
	}
}

// TestStartupStopsWhileFetching checks that SIGINT or SIGTERM (the
// cancelled context) during the fetch of the article ends start-up at once,
// as a shutdown, for the commands that serve and for article.
func TestStartupStopsWhileFetching(t *testing.T) {
	srv := articleServer(t)
	for _, args := range [][]string{{"article"}, {"run"}, {"serve"}} {
		t.Run(args[0], func(t *testing.T) {
			vars := map[string]string{
				envArticleURL: srv.URL + "/slow", envToken: shapedToken,
				envPublicKey: strings.Repeat("ab", 32), envHTTPAddr: "127.0.0.1:0",
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			time.AfterFunc(200*time.Millisecond, cancel)
			start := time.Now()
			var out, errOut strings.Builder
			err := run(ctx, args, mapEnv(vars), &out, &errOut, withEnvFile(""))
			if elapsed := time.Since(start); elapsed > 3*time.Second {
				t.Errorf("run(%q) returned %v after the signal", args, elapsed)
			}
			if err != nil {
				t.Errorf("run(%q) stopped while fetching = %v, want nil (a shutdown)", args, err)
			}
			if out.Len() != 0 {
				t.Errorf("run(%q) printed %q, want nothing", args, out.String())
			}
		})
	}
}

// TestArticleFromURLByContentType checks that a URL serving Markdown or
// plain text is read as its content type says.
func TestArticleFromURLByContentType(t *testing.T) {
	srv := articleServer(t)
	tests := []struct {
		path, title string
		paragraphs  []string
	}{
		{"/notes", "Ferry notes", []string{"The ferry runs again."}},
		{"/notes.txt", "", []string{"The ferry runs *again*.", "Tickets cost £2.50."}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			stdout, _, err := runArgs(t, nil, []string{"article", "--json", "--article", srv.URL + tt.path})
			if err != nil {
				t.Fatalf("run(article %s) = %v", tt.path, err)
			}
			got := decodeArticleJSON(t, stdout)
			if got.Title != tt.title || got.URL != srv.URL+tt.path || strings.Join(got.Paragraphs, "\n") != strings.Join(tt.paragraphs, "\n") {
				t.Errorf("run(article %s) = %+v, want title %q, url %q, paragraphs %q", tt.path, got, tt.title, srv.URL+tt.path, tt.paragraphs)
			}
		})
	}
}
