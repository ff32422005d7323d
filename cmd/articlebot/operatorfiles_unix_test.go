//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOperatorFilesThatAreNotFiles checks that a .env file or an article
// (or its metadata file) that is a named pipe or a link to /dev/zero is
// refused at once with a clear error, instead of blocking start-up or being
// read until memory runs out.
func TestOperatorFilesThatAreNotFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	zero := filepath.Join(dir, "zero")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	article := writeFile(t, dir, "article.txt", "The ferry runs again.\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "article.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		vars map[string]string
		args []string
		opts []option
		want []string
	}{
		{".env is a named pipe", nil, []string{"article"}, []option{withEnvFile(fifo)}, []string{"env file", "named pipe"}},
		{".env is a link to /dev/zero", nil, []string{"article"}, []option{withEnvFile(zero)}, []string{"env file", "character device"}},
		{"--env-file is a named pipe", nil, []string{"article", "--env-file", fifo}, nil, []string{"env file", "named pipe"}},
		{"the article is a named pipe", map[string]string{envArticleFile: fifo}, []string{"article"}, nil, []string{"ARTICLE_FILE", "named pipe"}},
		{"the article is a link to /dev/zero", nil, []string{"try", "--article", zero, "/about"}, nil, []string{"ARTICLE_FILE", "character device"}},
		{"the article's metadata is a named pipe", nil, []string{"article", "--article", article}, nil, []string{"article.yaml", "named pipe"}},
		{"run checks them before connecting", map[string]string{envToken: shapedToken, envArticleFile: fifo}, []string{"run"}, nil, []string{"named pipe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, _, err := runArgs(t, tt.vars, tt.args, tt.opts...)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || exitCode(err) != 2 {
					t.Fatalf("run(%q) = %v, want a configuration error", tt.args, err)
				}
				for _, want := range tt.want {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("run(%q) = %v, want it to say %q", tt.args, err, want)
					}
				}
			case <-time.After(time.Second):
				t.Fatalf("run(%q) is still blocked after a second", tt.args)
			}
		})
	}
}
