//go:build unix

package article

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/safefile/safefiletest"
)

// TestLoadRefusesWhatIsNotAFile checks that an article or metadata file
// that is a named pipe, a device or a directory is refused at once with an
// error that says what it is, instead of blocking or reading for ever.
func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo, zero := safefiletest.NotFiles(t, dir, "article")
	withPipeBeside := writeTemp(t, dir, "side.txt", "The ferry runs again.\n")
	safefiletest.Pipe(t, filepath.Join(dir, "side.yaml"))
	tests := []struct {
		name, path, want string
	}{
		{"a named pipe", fifo, "named pipe"},
		{"a link to /dev/zero", zero, "character device"},
		{"a directory", dir, "directory"},
		{"a named pipe as the metadata file", withPipeBeside, "side.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := safefiletest.WithinASecond(t, "Load("+tt.path+")", func() error {
				_, err := Load(tt.path)
				return err
			})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("Load(%s) = %v, want an error saying it is not a regular file and %q", tt.path, err, tt.want)
			}
			if errors.Is(err, ErrTooLarge) {
				t.Errorf("Load(%s) = %v, want no size error: nothing should be read", tt.path, err)
			}
		})
	}
}
