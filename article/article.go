// Package article turns the text of a news article into what the bot answers
// from: numbered paragraphs and sentences, the people quoted with what they
// said, a ranked search index and a summary.
//
// Everything is computed from the text when the article is parsed, so an
// article the package has never seen works the same way as the embedded
// default: the paragraphs are segmented once into tokens, quotations and
// sentences (internal/text), their quotes are attributed (internal/quote),
// their words indexed (internal/index) and the numbers, dates, places and
// people of each sentence typed (internal/spans), with the word lists of
// internal/lexicon; a question is read with internal/qa. The package knows
// nothing about Discord; it returns
// plain values (paragraph numbers, byte spans, speakers, citations) and
// leaves their presentation to its callers.
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

	"github.com/articlebot/articlebot/article/internal/index"
	"github.com/articlebot/articlebot/article/internal/text"
	"github.com/articlebot/articlebot/internal/safefile"
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

// Errors that [Parse] and [Load] wrap, with details such as the offset of a
// bad byte or the key that is not known. Test for them with [errors.Is].
var (
	// ErrEmpty is the error for an article with no text, or only white space.
	ErrEmpty = errors.New("the article is empty")
	// ErrTooLarge is the error for an article, or a metadata file, larger
	// than MaxSize.
	ErrTooLarge = fmt.Errorf("the article is larger than 1 MiB (%d bytes)", MaxSize)
	// ErrNotUTF8 is the error for an article that is not UTF-8 text: an
	// invalid byte sequence, or a NUL byte as in UTF-16 and binary files.
	ErrNotUTF8 = errors.New("the article is not UTF-8 text")
	// ErrNoParagraphs is the error for an article whose front matter is
	// followed by no text.
	ErrNoParagraphs = errors.New("the article has no paragraphs")
	// ErrFrontMatter is the error for metadata, in front matter or in a file
	// beside the article, that cannot be used: YAML that does not parse, an
	// unknown key, front matter with no closing line, or a summary point
	// with no text or citing a paragraph the article does not have.
	ErrFrontMatter = errors.New("the article's metadata is not valid")
)

// Article is a parsed and indexed news article.
//
// An Article does not change once [Parse] or [Load] returns it, so any
// number of goroutines may read it at once. The slices its methods return
// and its Paragraphs share memory with it rather than being copies: treat
// them as read-only, since changing them would change every later answer.
type Article struct {
	// Meta is the article's metadata. Every field may be empty.
	Meta Meta
	// Paragraphs holds the paragraphs in document order; Paragraphs[i].N is i+1.
	Paragraphs []Paragraph

	words    int
	sentence []Sentence // every sentence, in document order

	// Built by the parts of the package that own them.
	quotes       []Quote
	unattributed []Quote // quotations read as speech that no one can be given
	speakers     []*Speaker
	cast         []*Person
	lookup       nameIndex // built on the first lookup by name
	idx          *index.Index
	ask          *sentIndex // the sentences as Ask reads them
	summary      lazySummary
}

// Meta is what an editor may say about an article besides its text, given as
// YAML front matter or in a file beside it.
type Meta struct {
	// Title is the headline.
	Title string `yaml:"title"`
	// Byline names the article's authors, as in "Jane Roe and John Doe".
	Byline string `yaml:"byline"`
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

// Span is a half-open byte range [Start, End) of a paragraph's Text. It is
// the span every part of the engine uses.
type Span = text.Span

// Sentence is one sentence of a paragraph.
type Sentence struct {
	// Paragraph is the number of the paragraph holding the sentence.
	Paragraph int
	// Span locates the sentence in the paragraph's Text.
	Span Span
	// Text is the sentence itself.
	Text string
	// InQuote reports that the sentence begins inside, or with, a
	// quotation, or inside an interview's answer given without quotation
	// marks: on its own it may be a fragment of someone's words.
	InQuote bool
}

// Default returns the article embedded in the binary, parsed once.
func Default() *Article {
	return defaultArticle()
}

var defaultArticle = sync.OnceValue(func() *Article {
	a, err := parse(seedText, seedMeta, "seed/article.yaml")
	if err != nil {
		// The embedded article is fixed at build time and checked by the
		// package's tests, so this cannot happen in a tested build.
		panic("article: the embedded article does not parse: " + err.Error())
	}
	return a
})

// Parse reads an article: optional YAML front matter between two "---"
// lines, then the text, either one paragraph per line or paragraphs
// separated by blank lines, whose lines are joined. Text that has both, such
// as a headline set apart above one paragraph per line, is read as one
// paragraph per line when nearly every line inside its blocks ends a
// sentence. The input must be UTF-8 and at most [MaxSize] bytes; a byte order
// mark and CRLF or CR line endings are accepted. Paragraphs are numbered
// from 1, every non-empty one counting.
func Parse(r io.Reader) (*Article, error) {
	body, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the article: %w", err)
	}
	return parse(body, nil, "")
}

// Load reads the article in the file at path: a web page as [ParseHTML]
// does, Markdown as [ParseMarkdown] does and plain text as [Parse] does,
// telling them apart with [DetectFormat]. Only a regular file is read: a
// directory, a named pipe or a device is refused at once. When the file has
// no front matter, its metadata is read from a YAML file beside it with the
// same name and the extension ".yaml" (or ".yml"), if there is one; an
// article with front matter ignores such a file. The metadata in that file
// takes precedence over a web page's own. Errors name the file.
func Load(path string) (*Article, error) {
	body, err := readLimited(path, MaxPageSize)
	if err != nil {
		return nil, fmt.Errorf("reading the article: %w", err)
	}
	format := DetectFormat(body, path)
	if format != FormatHTML && len(body) > MaxSize {
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	var sidecar []byte
	var sidecarPath string
	if !hasFrontMatter(normalizeNewlines(string(body))) {
		base := strings.TrimSuffix(path, filepath.Ext(path))
		for _, ext := range []string{".yaml", ".yml"} {
			if base+ext == path {
				continue
			}
			sidecar, err = readLimited(base+ext, MaxSize)
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("reading the article's metadata: %w", err)
			}
			sidecarPath = base + ext
			break
		}
	}
	a, err := parseFormat(format, body, sidecar, sidecarPath)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// readLimited reads the regular file at path, failing with ErrTooLarge when
// it holds more than limit bytes, and at once, without blocking, when it is
// a directory, a named pipe or a device.
func readLimited(path string, limit int) ([]byte, error) {
	body, err := safefile.Read(path, int64(limit))
	if errors.Is(err, safefile.ErrTooLarge) {
		if limit == MaxPageSize {
			return nil, fmt.Errorf("%s: %w", path, ErrPageTooLarge)
		}
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	return body, err // an *fs.PathError, which names the file
}

// parse builds an Article from raw text and, optionally, the YAML metadata
// kept beside it in the file named sidecarName.
func parse(body, sidecar []byte, sidecarName string) (*Article, error) {
	return parseWith(body, sidecar, sidecarName, splitParagraphs)
}

// parseWith is parse with split, which returns the paragraphs of the text
// that follows the front matter.
func parseWith(body, sidecar []byte, sidecarName string, split func(string) []string) (*Article, error) {
	if len(body) > MaxSize {
		return nil, ErrTooLarge
	}
	if err := checkText(body); err != nil {
		return nil, err
	}
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	if len(body) == 0 {
		return nil, ErrEmpty
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("%w: it holds only white space", ErrEmpty)
	}
	text := normalizeNewlines(string(body))

	a := &Article{}
	frontMatter := hasFrontMatter(text)
	if frontMatter {
		front, rest, err := splitFrontMatter(text)
		if err != nil {
			return nil, err
		}
		// The front matter starts on the file's second line.
		if err := decodeMeta(front, 2, "in the front matter", &a.Meta); err != nil {
			return nil, err
		}
		text = rest
	} else if len(sidecar) > 0 {
		if len(sidecar) > MaxSize {
			return nil, fmt.Errorf("the metadata in %s: %w", sidecarName, ErrTooLarge)
		}
		if err := decodeMeta(string(sidecar), 1, "in "+sidecarName, &a.Meta); err != nil {
			return nil, err
		}
	}

	err := a.build(split(text))
	if errors.Is(err, ErrNoParagraphs) && frontMatter {
		return nil, fmt.Errorf("%w: no text follows the front matter", ErrNoParagraphs)
	}
	if err != nil {
		return nil, err
	}
	return a, nil
}

// build numbers the paragraphs paras, splits them into sentences, checks
// the metadata against them and computes the quotes, the index and the
// summary.
func (a *Article) build(paras []string) error {
	segs := a.read(paras)
	if len(a.Paragraphs) == 0 {
		return ErrNoParagraphs
	}
	if err := a.checkMeta(); err != nil {
		return err
	}

	a.compute(segs)
	return nil
}

// checkText checks that body is UTF-8 text, naming the offset and line of
// the first byte that is not.
//
// Each error says how to convert the file with iconv: from the encoding its
// byte order mark names, from UTF-16 when it holds NUL bytes as UTF-16 text
// does, and otherwise from Windows-1252, the usual encoding of text that is
// not UTF-8.
func checkText(body []byte) error {
	if name, from, ok := unicodeBOM(body); ok {
		return fmt.Errorf("%w: it is %s, as the byte order mark at its start says; %s",
			ErrNotUTF8, name, convertWith(from))
	}
	bad := -1
	if !utf8.Valid(body) {
		bad = firstInvalid(body)
	}
	if nul := bytes.IndexByte(body, 0); nul >= 0 && (bad < 0 || nul < bad) {
		// In UTF-16 text that is mostly ASCII, the NUL bytes are the high
		// bytes of its characters: the second of each pair in
		// little-endian order, the first in big-endian order.
		from := "UTF-16LE"
		if nul%2 == 0 {
			from = "UTF-16BE"
		}
		return fmt.Errorf("%w: it holds a NUL byte at offset %d (line %d), as UTF-16 and binary files do; if it is UTF-16 text, %s",
			ErrNotUTF8, nul, lineOf(body, nul), convertWith(from))
	}
	if bad >= 0 {
		return fmt.Errorf("%w: the byte 0x%02x at offset %d (line %d) is not valid UTF-8; if the file is in Windows-1252 or Latin-1, %s",
			ErrNotUTF8, body[bad], bad, lineOf(body, bad), convertWith("WINDOWS-1252"))
	}
	return nil
}

// convertWith says how to convert a file from the encoding named for iconv.
func convertWith(from string) string {
	return "convert it to UTF-8 with \"iconv -f " + from + " -t UTF-8 article.txt > article-utf8.txt\""
}

// unicodeBOM reports the Unicode encoding other than UTF-8 whose byte order
// mark body starts with, by its name and the name iconv knows it by.
func unicodeBOM(body []byte) (name, iconvName string, ok bool) {
	for _, b := range []struct{ mark, name, iconv string }{
		// UTF-32's marks first: the little-endian one starts with UTF-16's.
		{"\xff\xfe\x00\x00", "UTF-32 (little-endian)", "UTF-32"},
		{"\x00\x00\xfe\xff", "UTF-32 (big-endian)", "UTF-32"},
		{"\xff\xfe", "UTF-16 (little-endian)", "UTF-16"},
		{"\xfe\xff", "UTF-16 (big-endian)", "UTF-16"},
	} {
		if bytes.HasPrefix(body, []byte(b.mark)) {
			return b.name, b.iconv, true
		}
	}
	return "", "", false
}

// lineOf returns the number, counting from 1, of the line holding the byte at
// offset i.
func lineOf(body []byte, i int) int {
	return bytes.Count(body[:i], []byte("\n")) + 1
}

// normalizeNewlines turns CRLF and CR line endings, and the Unicode line and
// paragraph separators, into the newlines the rest of the parser expects.
func normalizeNewlines(s string) string {
	if !strings.ContainsAny(s, "\r\u2028\u2029") {
		return s
	}
	return newlines.Replace(s)
}

var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n")

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

// hasFrontMatter reports whether text, with its newlines normalized, opens
// with a front matter fence: a line holding only "---".
func hasFrontMatter(text string) bool {
	text = strings.TrimPrefix(text, "\ufeff")
	first, _, found := strings.Cut(text, "\n")
	return found && strings.TrimRight(first, " \t") == "---"
}

// splitFrontMatter separates "---\n<yaml>\n---\n<text>" into its YAML and
// text. The closing line may also be "...", YAML's end of document.
func splitFrontMatter(text string) (front, rest string, err error) {
	text = strings.TrimPrefix(text, "\ufeff")
	_, after, _ := strings.Cut(text, "\n")
	for offset := 0; ; {
		line, tail, found := strings.Cut(after[offset:], "\n")
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			return after[:offset], tail, nil
		}
		if !found {
			return "", "", fmt.Errorf("%w: the article opens with a \"---\" line, "+
				"but no closing \"---\" line ends its front matter", ErrFrontMatter)
		}
		offset += len(line) + 1
	}
}

// decodeMeta decodes YAML metadata strictly: unknown keys are errors, so a
// misspelt key is reported instead of silently ignored. first is the line of
// the file src starts on, and where says where the metadata came from, for
// the error message, whose line numbers are the file's.
func decodeMeta(src string, first int, where string, m *Meta) error {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	// The decoder leaves out the line number of an error on its first line;
	// a blank line in front keeps every error numbered.
	dec := yaml.NewDecoder(strings.NewReader("\n" + src))
	dec.KnownFields(true)
	err := dec.Decode(m)
	if err == nil || errors.Is(err, io.EOF) {
		return nil
	}
	var typeErr *yaml.TypeError
	if !errors.As(err, &typeErr) {
		return fmt.Errorf("%w %s: %s", ErrFrontMatter, where, yamlLines(err.Error(), first))
	}
	msgs := make([]string, len(typeErr.Errors))
	unknown := false
	for i, msg := range typeErr.Errors {
		if field, _, ok := strings.Cut(msg, " not found in type "); ok {
			// "line 3: field titel not found in type article.Meta"
			msg = strings.Replace(field, "field ", "unknown key ", 1)
			unknown = true
		} else if before, _, ok := strings.Cut(msg, " into article.Meta"); ok {
			msg = before + ": the metadata must be a mapping of keys to values"
		}
		msgs[i] = yamlLines(msg, first)
	}
	text := strings.Join(msgs, "; ")
	if unknown {
		text += " (the keys are title, byline, publication, url, date and summary; " +
			"a summary point has text and paragraphs)"
	}
	return fmt.Errorf("%w %s: %s", ErrFrontMatter, where, text)
}

// checkMeta checks that every point of an editor's summary has text and
// cites at least one paragraph, and only paragraphs that exist.
func (a *Article) checkMeta() error {
	for i, p := range a.Meta.Summary {
		if strings.TrimSpace(p.Text) == "" {
			return fmt.Errorf("%w: summary point %d has no text", ErrFrontMatter, i+1)
		}
		if len(p.Paragraphs) == 0 {
			return fmt.Errorf("%w: summary point %d cites no paragraph; "+
				"list the paragraphs it rests on, as in \"paragraphs: [1, 2]\"", ErrFrontMatter, i+1)
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

// splitParagraphs returns the non-empty paragraphs of text, trimmed.
//
// Text without blank lines between its lines holds one paragraph per line.
// Otherwise paragraphs are blocks separated by blank lines, and the lines of
// a block are joined with a space, as hard-wrapped text needs, unless three
// quarters or more of the lines that end inside a block also end a sentence:
// then the text is one paragraph per line with some blank lines, such as a
// headline set apart from the body.
func splitParagraphs(text string) []string {
	var blocks [][]string
	var cur []string
	for line := range strings.SplitSeq(text, "\n") {
		if l := strings.TrimSpace(line); l != "" {
			cur = append(cur, l)
			continue
		}
		if len(cur) > 0 {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}

	inner, ends := 0, 0
	for _, b := range blocks {
		for _, l := range b[:len(b)-1] {
			inner++
			if endsSentence(l) {
				ends++
			}
		}
	}
	var paras []string
	if len(blocks) <= 1 || 4*ends >= 3*inner {
		for _, b := range blocks {
			paras = append(paras, b...)
		}
		return paras
	}
	for _, b := range blocks {
		paras = append(paras, strings.Join(b, " "))
	}
	return paras
}

// firstInvalid returns the offset of the first byte of b that is not part of
// a valid UTF-8 sequence, or -1.
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
