// Package article turns the text of a news article into what the bot answers
// from: numbered paragraphs and sentences, the people quoted with what they
// said, a ranked search index and a summary.
//
// Everything is computed from the text when the article is parsed, so an
// article the package has never seen works the same way as the embedded
// default. The package knows nothing about Discord; it returns plain values
// (paragraph numbers, byte spans, speakers, citations) and leaves their
// presentation to its callers.
//
// An [Article] is immutable once parsed and safe for concurrent use.
package article

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxSize is the largest article, front matter included, that [Parse] and
// [Load] accept, in bytes.
const MaxSize = 1 << 20

// The embedded default article: an exact copy of the seed text, and its
// metadata kept beside it so that the text stays byte-identical.
var (
	//go:embed seed/article.txt
	seedText []byte
	//go:embed seed/article.yaml
	seedMeta []byte
)

// Errors that [Parse] and [Load] wrap. Test for them with [errors.Is].
var (
	ErrEmpty        = errors.New("the article is empty")
	ErrTooLarge     = fmt.Errorf("the article is larger than %d bytes", MaxSize)
	ErrNotUTF8      = errors.New("the article is not valid UTF-8")
	ErrNoParagraphs = errors.New("the article has no paragraphs")
	ErrFrontMatter  = errors.New("the article's front matter is not valid")
)

// Article is a parsed and indexed news article.
type Article struct {
	// Meta is the article's metadata. Every field may be empty.
	Meta Meta
	// Paragraphs holds the paragraphs in document order; Paragraphs[i].N is i+1.
	Paragraphs []Paragraph

	words    int
	sentence []Sentence // every sentence, in document order

	// Built by the parts of the package that own them.
	quotes   []Quote
	speakers []*Speaker
	idx      *index
	summary  Summary
}

// Meta is what an editor may say about an article besides its text, given as
// YAML front matter or in a file beside it.
type Meta struct {
	// Title is the headline.
	Title string `yaml:"title"`
	// Publication names who published the article.
	Publication string `yaml:"publication"`
	// URL is where the article can be read, if anywhere.
	URL string `yaml:"url"`
	// Date is the publication date as written, typically YYYY-MM-DD.
	Date string `yaml:"date"`
	// Summary is an editor's summary. When it is empty the package writes an
	// extractive one.
	Summary []SummaryPoint `yaml:"summary"`
}

// Paragraph is one paragraph of the article.
type Paragraph struct {
	// N is the paragraph's number, counting from 1 in document order.
	N int
	// Text is the paragraph's text with surrounding space removed. Spans
	// elsewhere in the package are byte offsets into it.
	Text string
	// Sentences holds the paragraph's sentences in order.
	Sentences []Sentence
}

// Span is a half-open byte range [Start, End) of a paragraph's Text.
type Span struct {
	Start, End int
}

// Sentence is one sentence of a paragraph.
type Sentence struct {
	// Paragraph is the number of the paragraph holding the sentence.
	Paragraph int
	// Span locates the sentence in the paragraph's Text.
	Span Span
	// Text is the sentence itself.
	Text string
	// InQuote reports that the sentence begins inside, or with, a
	// quotation: on its own it may be a fragment of someone's words.
	InQuote bool
}

// Default returns the article embedded in the binary, parsed once.
func Default() *Article {
	return defaultArticle()
}

var defaultArticle = sync.OnceValue(func() *Article {
	a, err := parse(seedText, seedMeta)
	if err != nil {
		// The embedded article is checked by the package's tests.
		panic("article: the embedded article does not parse: " + err.Error())
	}
	return a
})

// Parse reads an article: optional YAML front matter between two "---"
// lines, then the text, either one paragraph per line or paragraphs
// separated by blank lines. The input must be UTF-8 and at most [MaxSize]
// bytes.
func Parse(r io.Reader) (*Article, error) {
	body, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the article: %w", err)
	}
	return parse(body, nil)
}

// Load reads the article in the file at path, as [Parse] does. When the text
// has no front matter, metadata is read from a YAML file beside it with the
// same name and the extension ".yaml", if there is one.
func Load(path string) (*Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the article: %w", err)
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the article %s: %w", path, err)
	}
	var sidecar []byte
	if !hasFrontMatter(body) {
		metaPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".yaml"
		if metaPath != path {
			sidecar, err = os.ReadFile(metaPath)
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("reading the article's metadata %s: %w", metaPath, err)
			}
		}
	}
	a, err := parse(body, sidecar)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// parse builds an Article from raw text and, optionally, the YAML metadata
// kept beside it.
func parse(body, sidecar []byte) (*Article, error) {
	if len(body) > MaxSize {
		return nil, ErrTooLarge
	}
	if !utf8.Valid(body) {
		return nil, fmt.Errorf("%w: the first bad byte is at offset %d", ErrNotUTF8, firstInvalid(body))
	}
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, ErrEmpty
	}
	text := strings.ReplaceAll(string(body), "\r\n", "\n")

	a := &Article{}
	if hasFrontMatter(body) {
		front, rest, err := splitFrontMatter(text)
		if err != nil {
			return nil, err
		}
		if err := decodeMeta(front, &a.Meta); err != nil {
			return nil, err
		}
		text = rest
	} else if len(sidecar) > 0 {
		if err := decodeMeta(string(sidecar), &a.Meta); err != nil {
			return nil, err
		}
	}

	for i, p := range splitParagraphs(text) {
		para := Paragraph{N: i + 1, Text: p}
		para.Sentences = splitSentences(para.N, p)
		a.Paragraphs = append(a.Paragraphs, para)
		a.sentence = append(a.sentence, para.Sentences...)
		a.words += countWords(p)
	}
	if len(a.Paragraphs) == 0 {
		return nil, ErrNoParagraphs
	}
	if err := a.checkMeta(); err != nil {
		return nil, err
	}

	a.extractQuotes()
	a.buildIndex()
	a.buildSummary()
	return a, nil
}

// WordCount returns the number of words in the article's paragraphs.
func (a *Article) WordCount() int { return a.words }

// Sentences returns every sentence of the article in document order.
func (a *Article) Sentences() []Sentence { return a.sentence }

// Paragraph returns the paragraph numbered n, counting from 1.
func (a *Article) Paragraph(n int) (Paragraph, bool) {
	if n < 1 || n > len(a.Paragraphs) {
		return Paragraph{}, false
	}
	return a.Paragraphs[n-1], true
}

// hasFrontMatter reports whether body opens with a front matter fence.
func hasFrontMatter(body []byte) bool {
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	return bytes.HasPrefix(body, []byte("---\n")) || bytes.HasPrefix(body, []byte("---\r\n"))
}

// splitFrontMatter separates "---\n<yaml>\n---\n<text>" into its YAML and text.
func splitFrontMatter(text string) (front, rest string, err error) {
	text = strings.TrimPrefix(text, "\ufeff")
	after := strings.TrimPrefix(text, "---\n")
	for offset := 0; ; {
		line, tail, found := strings.Cut(after[offset:], "\n")
		if strings.TrimRight(line, " \t") == "---" || strings.TrimRight(line, " \t") == "..." {
			return after[:offset], tail, nil
		}
		if !found {
			return "", "", fmt.Errorf("%w: it opens with \"---\" but no closing \"---\" line follows", ErrFrontMatter)
		}
		offset += len(line) + 1
	}
}

// decodeMeta decodes YAML metadata strictly: unknown keys are errors, so a
// misspelt key is reported instead of silently ignored.
func decodeMeta(src string, m *Meta) error {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	dec := yaml.NewDecoder(strings.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(m); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: %w", ErrFrontMatter, err)
	}
	return nil
}

// checkMeta checks that an editor's summary cites paragraphs that exist.
func (a *Article) checkMeta() error {
	for i, p := range a.Meta.Summary {
		if strings.TrimSpace(p.Text) == "" {
			return fmt.Errorf("%w: summary point %d has no text", ErrFrontMatter, i+1)
		}
		for _, n := range p.Paragraphs {
			if n < 1 || n > len(a.Paragraphs) {
				return fmt.Errorf("%w: summary point %d cites paragraph %d, but the article has %d",
					ErrFrontMatter, i+1, n, len(a.Paragraphs))
			}
		}
	}
	return nil
}

// splitParagraphs returns the non-empty paragraphs of text. When a blank line
// separates two lines of text, paragraphs are blocks separated by blank lines
// and the lines of a block are joined with a space; otherwise every
// non-empty line is a paragraph.
func splitParagraphs(text string) []string {
	lines := strings.Split(text, "\n")
	blocks := false
	seenText, seenBlank := false, false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			seenBlank = seenText
			continue
		}
		if seenBlank {
			blocks = true
			break
		}
		seenText = true
	}

	var paras []string
	if !blocks {
		for _, l := range lines {
			if p := strings.TrimSpace(l); p != "" {
				paras = append(paras, p)
			}
		}
		return paras
	}
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if p := strings.TrimSpace(l); p != "" {
			cur = append(cur, p)
		} else {
			flush()
		}
	}
	flush()
	return paras
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
