//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/safefile/safefiletest"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(regular, []byte("twelve bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(regular, link); err != nil {
		t.Fatal(err)
	}
	fifo, zero := safefiletest.NotFiles(t, dir, "special")

	tests := []struct {
		name    string
		path    string
		limit   int64
		want    string
		wantErr error
		errHas  string
	}{
		{"a regular file", regular, 100, "twelve bytes", nil, ""},
		{"exactly the limit", regular, 12, "twelve bytes", nil, ""},
		{"a symbolic link to a regular file", link, 100, "twelve bytes", nil, ""},
		{"over the limit", regular, 11, "", ErrTooLarge, "12 bytes"},
		{"a named pipe", fifo, 100, "", ErrNotRegular, "named pipe"},
		{"a link to /dev/zero", zero, 100, "", ErrNotRegular, "character device"},
		{"a directory", dir, 100, "", ErrNotRegular, "directory"},
		{"missing", filepath.Join(dir, "missing"), 100, "", fs.ErrNotExist, "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []byte
			err := safefiletest.WithinASecond(t, "Read("+tt.path+")", func() (err error) {
				got, err = Read(tt.path, tt.limit)
				return err
			})
			if tt.wantErr == nil {
				if err != nil || string(got) != tt.want {
					t.Fatalf("Read(%q, %d) = %q, %v; want %q", tt.path, tt.limit, got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.errHas) || !strings.Contains(err.Error(), tt.path) {
				t.Fatalf("Read(%q, %d) = %v; want an error wrapping %v, naming the path and saying %q", tt.path, tt.limit, err, tt.wantErr, tt.errHas)
			}
		})
	}
}
