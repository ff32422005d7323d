package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/joho/godotenv"
)

var update = flag.Bool("update", false, "rewrite the samples of try output in README.md")

// readmeSample matches a sample of try output in the README: a comment with
// try's arguments as a JSON array, then a text block with the command and
// its output.
var readmeSample = regexp.MustCompile("(?s)<!-- try: (\\[[^\\n]*?\\]) -->\\n```text\\n(.*?)```\\n")

func readRepoFile(t *testing.T, name string) (string, string) {
	t.Helper()
	path := filepath.Join("..", "..", name)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return path, string(b)
}

// TestREADMESamples checks that every sample of try output in README.md is
// what try prints now. With -update it rewrites them.
func TestREADMESamples(t *testing.T) {
	realBot(t)
	path, readme := readRepoFile(t, "README.md")
	matches := readmeSample.FindAllStringSubmatchIndex(readme, -1)
	if len(matches) == 0 {
		t.Fatal("README.md has no samples of try output")
	}
	var out strings.Builder
	last := 0
	for _, m := range matches {
		argsJSON, block := readme[m[2]:m[3]], readme[m[4]:m[5]]
		var args []string
		if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
			t.Fatalf("README sample arguments %s: %v", argsJSON, err)
		}
		stdout, _, err := runArgs(t, nil, append([]string{"try"}, args...))
		if err != nil {
			t.Fatalf("try %q = %v", args, err)
		}
		want := "$ articlebot try " + shellQuote(args) + "\n" + stdout
		if block != want && !*update {
			t.Errorf("README sample of try %q is out of date (go test ./cmd/articlebot -run TestREADMESamples -update rewrites it):\ngot:\n%s\nwant:\n%s", args, block, want)
		}
		out.WriteString(readme[last:m[4]])
		out.WriteString(want)
		last = m[5]
	}
	out.WriteString(readme[last:])
	if *update && out.String() != readme {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// shellQuote writes args as they would be typed in a POSIX shell.
func shellQuote(args []string) string {
	var parts []string
	for _, a := range args {
		switch {
		case a != "" && !strings.ContainsAny(a, " \t\n\"'$`\\*?[]#~=%|&;<>()!{}"):
			parts = append(parts, a)
		case !strings.ContainsAny(a, "\"$`\\!"):
			parts = append(parts, `"`+a+`"`)
		default:
			parts = append(parts, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
		}
	}
	return strings.Join(parts, " ")
}

func TestShellQuote(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"/summary"}, "/summary"},
		{[]string{"--page", "2", "/find russia"}, `--page 2 "/find russia"`},
		{[]string{`/find query:"russia iran"`}, `'/find query:"russia iran"'`},
		{[]string{`/find it's`}, `"/find it's"`},
	}
	for _, tc := range tests {
		if got := shellQuote(tc.args); got != tc.want {
			t.Errorf("shellQuote(%q) = %s, want %s", tc.args, got, tc.want)
		}
	}
}

// TestEnvExampleAndREADMEListEveryVariable keeps .env.example and the
// README's table in step with the variables articlebot reads.
func TestEnvExampleAndREADMEListEveryVariable(t *testing.T) {
	_, example := readRepoFile(t, ".env.example")
	vars, err := godotenv.Unmarshal(example)
	if err != nil {
		t.Fatalf(".env.example does not parse: %v", err)
	}
	_, readme := readRepoFile(t, "README.md")
	for _, v := range configVariables {
		if _, ok := vars[v]; !ok {
			t.Errorf(".env.example does not set %s", v)
		}
		if !strings.Contains(readme, "| `"+v+"` |") {
			t.Errorf("README.md's configuration table has no row for %s", v)
		}
	}
	if vars[envToken] != "" {
		t.Errorf(".env.example sets %s to a value; it must hold no secret", envToken)
	}
}

// articlePath matches an article file named, with its extension, on a
// command line in the docs; placeholders such as "--article FILE" have none.
var articlePath = regexp.MustCompile(`(?:--article |ARTICLE_FILE=)([^\s"'` + "`" + `]+\.[a-z]+)`)

// TestREADMEArticleFilesExist checks that every article file the README's
// examples name is one the repository ships, so that they run as written
// from a clone.
func TestREADMEArticleFilesExist(t *testing.T) {
	_, readme := readRepoFile(t, "README.md")
	matches := articlePath.FindAllStringSubmatch(readme, -1)
	if len(matches) == 0 {
		t.Fatal("README.md names no article file in its examples")
	}
	for _, m := range matches {
		if _, err := os.Stat(filepath.Join("..", "..", m[1])); err != nil {
			t.Errorf("README.md's example %q names a file the repository does not ship: %v", m[0], err)
		}
	}
}

// TestExampleArticle checks that the sample article loads and that /quote
// gives each of its speakers their own words.
func TestExampleArticle(t *testing.T) {
	const path = "../../examples/harbour-bridge.txt"
	tests := []struct {
		query string
		want  []string
	}{
		{"/quote okafor", []string{"Helen Okafor", "run out of patches"}},
		{"/quote raman", []string{"Priya Raman", "welded as a single piece"}},
		{"/quote lindqvist", []string{"Tom Lindqvist", "Half of my customers"}},
		{"/quote webb", []string{"Marcus Webb", "A footbridge for the summer"}},
		{"/quote ellis", []string{"Dana Ellis", "twelve minutes longer"}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			stdout, _, err := runArgs(t, nil, []string{"try", "--article", path, tc.query})
			if err != nil {
				t.Fatalf("try --article %s %q = %v", path, tc.query, err)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("try --article %s %q =\n%s\nwant it to contain %q", path, tc.query, stdout, w)
				}
			}
		})
	}
}

// TestExamplePage checks that the sample web page reads as the same article
// as the sample text: the same paragraphs, with the page's own metadata, and
// none of its navigation, caption, related links or share buttons.
func TestExamplePage(t *testing.T) {
	read := func(path string) map[string]any {
		t.Helper()
		stdout, _, err := runArgs(t, nil, []string{"article", "--json", "--article", path})
		if err != nil {
			t.Fatalf("article --json --article %s = %v", path, err)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(stdout), &v); err != nil {
			t.Fatalf("article --json --article %s printed %q: %v", path, stdout, err)
		}
		return v
	}
	text := read("../../examples/harbour-bridge.txt")
	page := read("../../examples/harbour-bridge.html")
	want, _ := json.Marshal(text["paragraphs"])
	got, _ := json.Marshal(page["paragraphs"])
	if string(got) != string(want) {
		t.Errorf("the page's paragraphs =\n%s\nwant the text's:\n%s", got, want)
	}
	for _, key := range []string{"title", "source", "url", "date"} {
		if page[key] != text[key] {
			t.Errorf("the page's %s = %q, want %q as in the text's front matter", key, page[key], text[key])
		}
	}
	if page["byline"] != "Sam Whitlow" {
		t.Errorf("the page's byline = %q, want %q", page["byline"], "Sam Whitlow")
	}
}
