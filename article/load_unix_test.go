//go:build unix

package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadRefusesWhatIsNotAFile checks that an article or metadata file
// that is a named pipe, a device or a directory is refused at once with an
// error that says what it is, instead of blocking or reading for ever.
func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	withFIFOSidecar := writeTemp(t, dir, "side.txt", "The ferry runs again.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "side.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"a named pipe", fifo, "named pipe"},
		{"a link to /dev/zero", zero, "character device"},
		{"a directory", dir, "directory"},
		{"a named pipe as the metadata file", withFIFOSidecar, "side.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Load(tt.path)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "not a regular file") {
					t.Errorf("Load(%s) = %v, want an error saying it is not a regular file and %q", tt.path, err, tt.want)
				}
				if errors.Is(err, ErrTooLarge) {
					t.Errorf("Load(%s) = %v, want no size error: nothing should be read", tt.path, err)
				}
			case <-time.After(time.Second):
				t.Fatalf("Load(%s) is still blocked after a second", tt.path)
			}
		})
	}
}
