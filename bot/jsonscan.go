package bot

import (
	"errors"
	"fmt"
)

// A small JSON scanner for the interactions endpoint: it walks the members
// of an object and finds where each value ends, checking the syntax on the
// way, without decoding what it skips. Decoding a whole interaction with
// encoding/json costs a third of the signature check, most of it on fields
// the bot never reads; the scanner passes over them once and leaves the few
// values the bot reads to encoding/json.

// maxJSONDepth bounds the nesting of arrays and objects, as encoding/json
// does.
const maxJSONDepth = 10000

var errJSONSyntax = errors.New("invalid JSON")

var errBadNumber = fmt.Errorf("%w: malformed number", errJSONSyntax)

// eachMember calls f with the name and the raw value of each member of the
// JSON object b, in order, and fails when b is not one JSON object, alone
// but for white space, or when f fails. name is the name as written,
// without its quotation marks; hasEscape says whether it holds a backslash
// escape, which f must then decode itself.
func eachMember(b []byte, f func(name []byte, hasEscape bool, value []byte) error) error {
	i := skipSpace(b, 0)
	end, err := scanMembers(b, i, 0, f)
	if err != nil {
		return err
	}
	if skipSpace(b, end) != len(b) {
		return fmt.Errorf("%w: data after the object", errJSONSyntax)
	}
	return nil
}

// scanMembers scans the object starting at b[i], calling f, if not nil, on
// each member, and returns the index just past the object.
func scanMembers(b []byte, i, depth int, f func([]byte, bool, []byte) error) (int, error) {
	if i >= len(b) || b[i] != '{' {
		return 0, fmt.Errorf("%w: want an object", errJSONSyntax)
	}
	if depth >= maxJSONDepth {
		return 0, fmt.Errorf("%w: nested too deeply", errJSONSyntax)
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, nil
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, fmt.Errorf("%w: want a member name", errJSONSyntax)
		}
		nameEnd, esc, err := scanString(b, i)
		if err != nil {
			return 0, err
		}
		name := b[i+1 : nameEnd-1]
		i = skipSpace(b, nameEnd)
		if i >= len(b) || b[i] != ':' {
			return 0, fmt.Errorf("%w: want a colon", errJSONSyntax)
		}
		i = skipSpace(b, i+1)
		valueEnd, err := scanValue(b, i, depth+1)
		if err != nil {
			return 0, err
		}
		if f != nil {
			if err := f(name, esc, b[i:valueEnd]); err != nil {
				return 0, err
			}
		}
		i = skipSpace(b, valueEnd)
		if i >= len(b) {
			return 0, fmt.Errorf("%w: unexpected end", errJSONSyntax)
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return i + 1, nil
		default:
			return 0, fmt.Errorf("%w: want a comma or a closing brace", errJSONSyntax)
		}
	}
}

// eachElement calls f with each element of the JSON array b, in order, and
// fails when b is not one JSON array, alone but for white space, or when f
// fails.
func eachElement(b []byte, f func(value []byte) error) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return fmt.Errorf("%w: want an array", errJSONSyntax)
	}
	end, err := scanArray(b, i, 0, f)
	if err != nil {
		return err
	}
	if skipSpace(b, end) != len(b) {
		return fmt.Errorf("%w: data after the array", errJSONSyntax)
	}
	return nil
}

// scanValue returns the index just past the JSON value starting at b[i].
func scanValue(b []byte, i, depth int) (int, error) {
	if i >= len(b) {
		return 0, fmt.Errorf("%w: unexpected end", errJSONSyntax)
	}
	switch c := b[i]; {
	case c == '{':
		return scanMembers(b, i, depth, nil)
	case c == '[':
		return scanArray(b, i, depth, nil)
	case c == '"':
		end, _, err := scanString(b, i)
		return end, err
	case c == 't':
		return scanLiteral(b, i, "true")
	case c == 'f':
		return scanLiteral(b, i, "false")
	case c == 'n':
		return scanLiteral(b, i, "null")
	case c == '-' || (c >= '0' && c <= '9'):
		return scanNumber(b, i)
	}
	return 0, fmt.Errorf("%w: unexpected character %q", errJSONSyntax, b[i])
}

// scanArray scans the array starting at b[i], calling f, if not nil, on
// each element, and returns the index just past the array.
func scanArray(b []byte, i, depth int, f func([]byte) error) (int, error) {
	if depth >= maxJSONDepth {
		return 0, fmt.Errorf("%w: nested too deeply", errJSONSyntax)
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return i + 1, nil
	}
	for {
		end, err := scanValue(b, i, depth+1)
		if err != nil {
			return 0, err
		}
		if f != nil {
			if err := f(b[i:end]); err != nil {
				return 0, err
			}
		}
		i = skipSpace(b, end)
		if i >= len(b) {
			return 0, fmt.Errorf("%w: unexpected end", errJSONSyntax)
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case ']':
			return i + 1, nil
		default:
			return 0, fmt.Errorf("%w: want a comma or a closing bracket", errJSONSyntax)
		}
	}
}

// scanString returns the index just past the string starting at b[i], and
// whether it holds a backslash escape.
func scanString(b []byte, i int) (end int, escaped bool, err error) {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped, nil
		case c == '\\':
			escaped = true
			i++
			if i >= len(b) {
				break
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(b) || !isHex(b[i+1]) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) {
					return 0, false, fmt.Errorf("%w: bad \\u escape", errJSONSyntax)
				}
				i += 4
			default:
				return 0, false, fmt.Errorf("%w: bad escape", errJSONSyntax)
			}
		case c < 0x20:
			return 0, false, fmt.Errorf("%w: control character in a string", errJSONSyntax)
		}
	}
	return 0, false, fmt.Errorf("%w: unterminated string", errJSONSyntax)
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func scanLiteral(b []byte, i int, lit string) (int, error) {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return 0, fmt.Errorf("%w: unexpected literal", errJSONSyntax)
	}
	return i + len(lit), nil
}

// scanNumber returns the index just past the number starting at b[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func scanNumber(b []byte, i int) (int, error) {
	bad := errBadNumber
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = skipDigits(b, i)
	default:
		return 0, bad
	}
	if i < len(b) && b[i] == '.' {
		j := skipDigits(b, i+1)
		if j == i+1 {
			return 0, bad
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := skipDigits(b, i)
		if j == i {
			return 0, bad
		}
		i = j
	}
	return i, nil
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
