package main

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/joho/godotenv"
)

var update = flag.Bool("update", false, "rewrite the samples of try output in README.md, CONTRIBUTING.md and docs/")

// repoRoot is the repository's root, seen from this package's directory.
var repoRoot = filepath.Join("..", "..")

// chdirRoot makes the repository's root the test's working directory, so
// that the commands the docs show run as a reader runs them from a clone.
// Every path below is relative to the root.
func chdirRoot(t *testing.T) {
	t.Helper()
	t.Chdir(repoRoot)
}

// docFiles returns the documentation the tests read: the README,
// CONTRIBUTING.md and every Markdown file in docs/.
func docFiles(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no Markdown files in docs/: %v", err)
	}
	slices.Sort(docs)
	return append([]string{"README.md", "CONTRIBUTING.md"}, docs...)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return string(b)
}

// trySample matches a sample of try output in the docs: a comment with
// try's arguments as a JSON array, then a text block with the command and
// its output.
var trySample = regexp.MustCompile("(?s)<!-- try: (\\[[^\\n]*?\\]) -->\\n```text\\n(.*?)```\\n")

// samplesFile is the doc that holds the samples of every command.
const samplesFile = "docs/commands.md"

// TestREADMESamples checks that every sample of try output in the docs
// (the README, CONTRIBUTING.md and docs/) is what try prints now. With
// -update it rewrites them, in whichever file they are.
func TestREADMESamples(t *testing.T) {
	chdirRoot(t)
	found := map[string]int{}
	for _, name := range docFiles(t) {
		found[name] = checkSamples(t, name)
	}
	if found[samplesFile] == 0 {
		t.Errorf("%s has no samples of try output; it shows the answer of every command", samplesFile)
	}
}

// checkSamples checks, or with -update rewrites, the samples of try output
// in the doc name, and returns how many it holds.
func checkSamples(t *testing.T, name string) int {
	t.Helper()
	doc := readFile(t, name)
	matches := trySample.FindAllStringSubmatchIndex(doc, -1)
	var out strings.Builder
	last := 0
	for _, m := range matches {
		argsJSON, block := doc[m[2]:m[3]], doc[m[4]:m[5]]
		var args []string
		if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
			t.Errorf("%s: sample arguments %s: %v", name, argsJSON, err)
			continue
		}
		stdout, _, err := runArgs(t, nil, append([]string{"try"}, args...))
		if err != nil {
			t.Errorf("%s: try %q = %v", name, args, err)
			continue
		}
		want := "$ articlebot try " + shellQuote(args) + "\n" + stdout
		if block != want && !*update {
			t.Errorf("%s: the sample of try %q is out of date (go test ./cmd/articlebot -run TestREADMESamples -update rewrites it):\ngot:\n%s\nwant:\n%s", name, args, block, want)
		}
		out.WriteString(doc[last:m[4]])
		out.WriteString(want)
		last = m[5]
	}
	out.WriteString(doc[last:])
	if *update && out.String() != doc {
		if err := os.WriteFile(name, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return len(matches)
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

// errShellSyntax is the error for a command line that uses more of the
// shell than plain words, quotes and a trailing comment.
var errShellSyntax = errors.New("more than words, quotes and a comment")

// shellWords splits a command line from the docs into words as a POSIX
// shell would, for lines made of plain words, single- and double-quoted
// strings and a trailing # comment. Anything else the shell would
// interpret (variables, pipes, redirections, several commands) is
// errShellSyntax.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		case c == '#' && !inWord:
			return words, nil
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, errShellSyntax
			}
			w.WriteString(line[i+1 : i+1+end])
			i, inWord = i+1+end, true
		case c == '"':
			end := strings.IndexByte(line[i+1:], '"')
			if end < 0 || strings.ContainsAny(line[i+1:i+1+end], "$`\\!") {
				return nil, errShellSyntax
			}
			w.WriteString(line[i+1 : i+1+end])
			i, inWord = i+1+end, true
		case strings.IndexByte("$`\\|&;<>(){}*?[]~", c) >= 0:
			return nil, errShellSyntax
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

func TestShellWords(t *testing.T) {
	tests := []struct {
		line    string
		want    []string
		wantErr bool
	}{
		{`articlebot try "/quote kerry"`, []string{"articlebot", "try", "/quote kerry"}, false},
		{`articlebot try '/find query:"russia iran"'`, []string{"articlebot", "try", `/find query:"russia iran"`}, false},
		{`articlebot try '/find "dead end"'   # the quotes are part of it`, []string{"articlebot", "try", `/find "dead end"`}, false},
		{`a"b c"d`, []string{"ab cd"}, false},
		{`try --page 2 /summary`, []string{"try", "--page", "2", "/summary"}, false},
		{`articlebot try "$X"`, nil, true},
		{`go build ./cmd/articlebot && ./articlebot`, nil, true},
		{`articlebot commands > commands.json`, nil, true},
		{`articlebot try "/quote`, nil, true},
	}
	for _, tc := range tests {
		got, err := shellWords(tc.line)
		if (err != nil) != tc.wantErr || !slices.Equal(got, tc.want) {
			t.Errorf("shellWords(%q) = %q, %v, want %q (error: %v)", tc.line, got, err, tc.want, tc.wantErr)
		}
	}
}

// shBlock matches a fenced block of shell commands.
var shBlock = regexp.MustCompile("(?s)```sh\\n(.*?)```")

// docCommand is an articlebot command line shown in a doc's shell block.
type docCommand struct {
	line string
	args []string // after the program: "try", "/quote kerry"
	err  error    // from shellWords, for a line that uses more of the shell
}

// docCommands returns the articlebot command lines in the shell blocks of
// doc, run as "articlebot ARGS" or "go run ./cmd/articlebot ARGS".
func docCommands(doc string) []docCommand {
	var cmds []docCommand
	for _, block := range shBlock.FindAllStringSubmatch(doc, -1) {
		for _, line := range strings.Split(block[1], "\n") {
			line = strings.TrimSpace(line)
			for _, prog := range []string{"articlebot ", "go run ./cmd/articlebot "} {
				if rest, ok := strings.CutPrefix(line, prog); ok {
					words, err := shellWords(rest)
					if err != nil {
						words = strings.Fields(rest)[:1]
					}
					cmds = append(cmds, docCommand{line: line, args: words, err: err})
				}
			}
		}
	}
	return cmds
}

// offlineCommands are the commands that answer at once, with no token and
// no network, and so can be run as the docs show them.
var offlineCommands = []string{"try", "article", "commands", "help", "version", "--version", "-v"}

// TestDocCommandsRun runs every offline articlebot command the docs show
// (try, article, commands, help, version) from the repository's root, as
// a reader would from a clone, and checks that it succeeds and prints an
// answer. Commands given a URL are left out: they would reach the network.
func TestDocCommandsRun(t *testing.T) {
	chdirRoot(t)
	ran := 0
	for _, name := range docFiles(t) {
		for _, c := range docCommands(readFile(t, name)) {
			if len(c.args) == 0 || !slices.Contains(offlineCommands, c.args[0]) || strings.Contains(c.line, "://") {
				continue
			}
			if c.err != nil {
				t.Errorf("%s: %q: %v; write it with plain words and quotes so that this test can run it", name, c.line, c.err)
				continue
			}
			stdout, stderr, err := runArgs(t, nil, c.args)
			if err != nil || strings.TrimSpace(stdout) == "" {
				t.Errorf("%s: %q = %v, stdout %q, stderr %q; want an answer", name, c.line, err, stdout, stderr)
			}
			ran++
		}
	}
	if ran == 0 {
		t.Fatal("the docs show no offline articlebot command")
	}
}

// TestREADMEQuickStart checks the two commands of the README's quick start:
// the first answers a command offline, and the second, the test command,
// is the one .ci/run runs, exactly.
func TestREADMEQuickStart(t *testing.T) {
	chdirRoot(t)
	readme := readFile(t, "README.md")
	_, section, ok := strings.Cut(readme, "\n## Quick start\n")
	if !ok {
		t.Fatal("README.md has no Quick start section")
	}
	block := shBlock.FindStringSubmatch(section)
	if block == nil {
		t.Fatal("README.md's Quick start has no shell block")
	}
	lines := strings.Split(strings.TrimSpace(block[1]), "\n")
	if len(lines) != 2 {
		t.Fatalf("README.md's quick start shows %d commands, want 2 (try, then the tests):\n%s", len(lines), block[1])
	}
	try, test := lines[0], lines[1]

	args, err := shellWords(strings.TrimPrefix(try, "go run ./cmd/articlebot "))
	if !strings.HasPrefix(try, "go run ./cmd/articlebot try ") || err != nil {
		t.Errorf("the quick start's first command is %q (%v), want go run ./cmd/articlebot try with plain words", try, err)
	} else if stdout, _, err := runArgs(t, nil, args); err != nil || strings.TrimSpace(stdout) == "" {
		t.Errorf("%s = %v, stdout %q; want an answer", try, err, stdout)
	}

	if !strings.HasPrefix(test, "go test ") {
		t.Fatalf("the quick start's second command is %q, want go test", test)
	}
	ci := readFile(t, filepath.Join(".ci", "run"))
	wantCI := `check "` + test + `" ` + test
	if !slices.Contains(strings.Split(ci, "\n"), wantCI) {
		t.Errorf(".ci/run has no line %q: it must run the README's test command exactly", wantCI)
	}
}

// configRow matches a row of the README's configuration table.
var configRow = regexp.MustCompile("(?m)^\\| `([A-Z0-9_]+)` \\|")

// TestEnvExampleAndREADMEListEveryVariable keeps .env.example and the
// README's configuration table in step with the variables articlebot
// reads: each lists every one of them, once, and no other.
func TestEnvExampleAndREADMEListEveryVariable(t *testing.T) {
	chdirRoot(t)
	vars, err := godotenv.Unmarshal(readFile(t, ".env.example"))
	if err != nil {
		t.Fatalf(".env.example does not parse: %v", err)
	}
	rows := map[string]int{}
	for _, m := range configRow.FindAllStringSubmatch(readFile(t, "README.md"), -1) {
		rows[m[1]]++
	}
	for _, v := range configVariables {
		if _, ok := vars[v]; !ok {
			t.Errorf(".env.example does not set %s", v)
		}
		if rows[v] != 1 {
			t.Errorf("README.md's configuration table has %d rows for %s, want 1", rows[v], v)
		}
	}
	for v := range vars {
		if !slices.Contains(configVariables, v) {
			t.Errorf(".env.example sets %s, which articlebot does not read", v)
		}
	}
	for v := range rows {
		if !slices.Contains(configVariables, v) {
			t.Errorf("README.md's configuration table has a row for %s, which articlebot does not read", v)
		}
	}
	if vars[envToken] != "" {
		t.Errorf(".env.example sets %s to a value; it must hold no secret", envToken)
	}
}

// articlePath matches an article file named, with its extension, on a
// command line in the docs; placeholders such as "--article FILE" have none.
var articlePath = regexp.MustCompile(`(?:--article |ARTICLE_FILE=)([^\s"'` + "`" + `]+\.[a-z]+)`)

// TestDocArticleFilesExist checks that every article file the examples in
// the docs name is one the repository ships, so that they run as written
// from a clone. An example of a file elsewhere names it by absolute path.
func TestDocArticleFilesExist(t *testing.T) {
	chdirRoot(t)
	named := 0
	for _, name := range docFiles(t) {
		for _, m := range articlePath.FindAllStringSubmatch(readFile(t, name), -1) {
			if filepath.IsAbs(m[1]) {
				continue
			}
			named++
			if _, err := os.Stat(m[1]); err != nil {
				t.Errorf("%s: the example %q names a file the repository does not ship: %v", name, m[0], err)
			}
		}
	}
	if named == 0 {
		t.Fatal("the docs name no article file in their examples")
	}
}

// TestExampleArticle checks that the sample article loads and that /quote
// gives each of its speakers their own words.
func TestExampleArticle(t *testing.T) {
	path := filepath.Join(repoRoot, "examples", "harbour-bridge.txt")
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
	text := read(filepath.Join(repoRoot, "examples", "harbour-bridge.txt"))
	page := read(filepath.Join(repoRoot, "examples", "harbour-bridge.html"))
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
