package article

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 in the byte order asked for.
func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		hi, lo := byte(u>>8), byte(u)
		if bigEndian {
			b.Write([]byte{hi, lo})
		} else {
			b.Write([]byte{lo, hi})
		}
	}
	return b.Bytes()
}

// iconvCommand matches the conversion an encoding error suggests.
var iconvCommand = regexp.MustCompile(`"iconv -f (\S+) -t UTF-8 article\.txt > article-utf8\.txt"`)

// TestEncodingErrorsSayHowToConvert checks that an article in another
// encoding is refused with an error naming the encoding and an iconv
// command, and, where iconv is installed, that the command turns the file
// into one that parses with the same text.
func TestEncodingErrorsSayHowToConvert(t *testing.T) {
	const text = "The café on Quay Road will close in March, its owner said.\n"
	tests := []struct {
		name     string
		body     []byte
		wantMsg  string
		wantFrom string
	}{
		{"UTF-16 little-endian with a byte order mark", append([]byte{0xff, 0xfe}, utf16Bytes(text, false)...),
			"it is UTF-16 (little-endian), as the byte order mark", "UTF-16"},
		{"UTF-16 big-endian with a byte order mark", append([]byte{0xfe, 0xff}, utf16Bytes(text, true)...),
			"it is UTF-16 (big-endian), as the byte order mark", "UTF-16"},
		{"UTF-32 little-endian with a byte order mark", []byte("\xff\xfe\x00\x00T\x00\x00\x00"),
			"it is UTF-32 (little-endian)", "UTF-32"},
		{"UTF-16 little-endian without a byte order mark", utf16Bytes(text, false),
			"NUL byte at offset 1", "UTF-16LE"},
		{"UTF-16 big-endian without a byte order mark", utf16Bytes(text, true),
			"NUL byte at offset 0", "UTF-16BE"},
		{"Windows-1252", []byte(strings.ReplaceAll(text, "é", "\xe9")),
			"the byte 0xe9 at offset 7 (line 1) is not valid UTF-8", "WINDOWS-1252"},
	}
	iconv, iconvErr := exec.LookPath("iconv")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(bytes.NewReader(tc.body))
			if !errors.Is(err, ErrNotUTF8) || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("Parse = %v, want ErrNotUTF8 saying %q", err, tc.wantMsg)
			}
			m := iconvCommand.FindStringSubmatch(err.Error())
			if m == nil || m[1] != tc.wantFrom {
				t.Fatalf("Parse = %q, want it to suggest iconv -f %s", err, tc.wantFrom)
			}
			if iconvErr != nil || tc.wantFrom == "UTF-32" {
				return // UTF-32 is one character only: nothing to compare
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "article.txt")
			if err := os.WriteFile(in, tc.body, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(iconv, "-f", m[1], "-t", "UTF-8", in).Output()
			if err != nil {
				t.Fatalf("iconv -f %s -t UTF-8 = %v", m[1], err)
			}
			a, err := Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("Parse of the converted file = %v, want nil", err)
			}
			if got := a.Paragraphs[0].Text; got != strings.TrimSpace(text) {
				t.Errorf("converted paragraph = %q, want %q", got, strings.TrimSpace(text))
			}
		})
	}
	if iconvErr != nil {
		t.Logf("iconv is not installed, so the suggested conversions were not run: %v", iconvErr)
	}
}
