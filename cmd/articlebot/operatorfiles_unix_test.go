//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/safefile/safefiletest"
)

// TestOperatorFilesThatAreNotFiles checks that a .env file or an article
// (or its metadata file) that is a named pipe or a link to /dev/zero is
// refused at once with a clear error, instead of blocking start-up or being
// read until memory runs out.
func TestOperatorFilesThatAreNotFiles(t *testing.T) {
	dir := t.TempDir()
	fifo, zero := safefiletest.NotFiles(t, dir, "operator")
	article := writeFile(t, dir, "article.txt", "The ferry runs again.\n")
	safefiletest.Pipe(t, filepath.Join(dir, "article.yaml"))
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
			err := safefiletest.WithinASecond(t, "articlebot "+strings.Join(tt.args, " "), func() error {
				_, _, err := runArgs(t, tt.vars, tt.args, tt.opts...)
				return err
			})
			if err == nil || exitCode(err) != 2 {
				t.Fatalf("run(%q) = %v, want a configuration error", tt.args, err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("run(%q) = %v, want it to say %q", tt.args, err, want)
				}
			}
		})
	}
}
