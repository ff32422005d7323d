package article

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestMetadataErrorLines checks that an error in the metadata names the
// line of the file where the mistake is, for mistakes found by the YAML
// scanner, by its parser and by the decoder, in front matter and in a
// metadata file beside the article.
func TestMetadataErrorLines(t *testing.T) {
	tests := []struct {
		name string
		yaml []string // the metadata, one line each
		want string   // "line N: ..." where N counts the metadata's lines from 1
	}{
		{"unclosed list", []string{`title: "Bridge to close"`, `date: [2026`, `url: "https://example.com"`}, "line 2: did not find expected ',' or ']'"},
		{"unclosed list on the first line", []string{`title: [Bridge`}, "line 1: did not find expected ',' or ']'"},
		{"unclosed quote", []string{`title: "Bridge to close`, `date: "2026-11-24"`}, "line 1: did not find expected key"},
		{"unclosed quote further down", []string{`title: "Bridge to close"`, `publication: "The Courier"`, `url: "https://example.com`}, "line 3: found unexpected end of stream"},
		{"value where a key goes", []string{`title: "Bridge"`, `date: 2026: 11`}, "line 2: mapping values are not allowed"},
		{"unknown key", []string{`title: "Bridge"`, `publication: "The Courier"`, `titel: "Bridge"`}, "line 3: unknown key titel"},
		{"repeated key", []string{`title: "Bridge"`, `date: "2026-11-24"`, `title: "Again"`}, `line 3: mapping key "title" already defined at line 1`},
		{"summary that is not a list", []string{`title: "Bridge"`, `summary: "one point"`}, "line 2: cannot unmarshal"},
		{"paragraphs that are not numbers", []string{`summary:`, `  - text: "A point."`, `    paragraphs: [one]`}, "line 3: cannot unmarshal"},
		{"block sequence where a key goes", []string{`title: "Bridge"`, `  - x`}, "line 1: did not find expected key"},
	}
	lineNumber := regexp.MustCompile(`line (\d+)`)
	// shift adds n to every line number in want.
	shift := func(want string, n int) string {
		return lineNumber.ReplaceAllStringFunc(want, func(ref string) string {
			k, _ := strconv.Atoi(strings.TrimPrefix(ref, "line "))
			return "line " + strconv.Itoa(k+n)
		})
	}
	const text = "The Harbour Street bridge will close for eight months.\n"
	for _, tc := range tests {
		t.Run(tc.name+" in front matter", func(t *testing.T) {
			src := "---\n" + strings.Join(tc.yaml, "\n") + "\n---\n" + text
			_, err := Parse(strings.NewReader(src))
			// The front matter's first line is the file's second.
			if want := shift(tc.want, 1); !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), want) {
				t.Errorf("Parse(%q) = %v, want ErrFrontMatter saying %q", src, err, want)
			}
		})
		t.Run(tc.name+" in a metadata file", func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range map[string]string{"a.txt": text, "a.yaml": strings.Join(tc.yaml, "\n") + "\n"} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Load(filepath.Join(dir, "a.txt"))
			if !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load with a.yaml %q = %v, want ErrFrontMatter saying %q", tc.yaml, err, tc.want)
			}
		})
	}
}
