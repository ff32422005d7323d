package article

import (
	"regexp"
	"strconv"
	"strings"
)

// yamlParserProblems are the problems the YAML decoder's parser reports, as
// opposed to its scanner. The parser numbers the line of an error from 0,
// the scanner from 1: fileLine corrects for that.
var yamlParserProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"did not find expected key",
	"did not find expected node content",
	"found duplicate %TAG directive",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found undefined tag handle",
}

var (
	// yamlSyntaxError matches the message of a YAML syntax error.
	yamlSyntaxError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// yamlLineRef matches a line number in a message of the decoder.
	yamlLineRef = regexp.MustCompile(`\bline (\d+)\b`)
)

// yamlLines turns the line numbers in msg, a message of the YAML decoder
// about text that was given to it with one blank line in front, into the
// numbers of those lines in the file, whose first line of YAML is line
// first. A syntax error loses its "yaml: " prefix.
func yamlLines(msg string, first int) string {
	toFile := func(decoderLine int) string { return strconv.Itoa(decoderLine - 2 + first) }
	if m := yamlSyntaxError.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		for _, p := range yamlParserProblems {
			if strings.HasPrefix(m[2], p) {
				n++
				break
			}
		}
		return "line " + toFile(n) + ": " + m[2]
	}
	return yamlLineRef.ReplaceAllStringFunc(msg, func(ref string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(ref, "line "))
		return "line " + toFile(n)
	})
}
