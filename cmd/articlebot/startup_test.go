package main

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/internal/discordtest"
)

// TestStartUpStopsOnSignal checks that a signal while the article file is
// still being parsed ends each command at once, as a shutdown. The article
// never finishes loading here.
func TestStartUpStopsOnSignal(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		vars map[string]string
	}{
		{"run", []string{"run"}, map[string]string{envToken: discordtest.BotToken}},
		{"serve", []string{"serve"}, map[string]string{envPublicKey: testPublicKeyHex, envHTTPAddr: "127.0.0.1:0"}},
		{"try", []string{"try", "/about"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			loading := make(chan struct{})
			never := make(chan struct{})
			t.Cleanup(func() { close(never) })
			load := func(string) (*article.Article, error) {
				close(loading)
				<-never
				return nil, errors.New("never loaded")
			}
			vars := map[string]string{envArticleFile: "big.txt"}
			for k, v := range tc.vars {
				vars[k] = v
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() {
				done <- run(ctx, tc.args, mapEnv(vars), io.Discard, io.Discard, withEnvFile(""), withArticleLoader(load))
			}()
			<-loading
			cancel() // as SIGTERM does
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("run(%q) after a signal while loading = %v, want nil (a shutdown)", tc.args, err)
				}
			case <-time.After(discordtest.WaitTimeout):
				t.Fatalf("run(%q) did not return after a signal while the article was loading", tc.args)
			}
		})
	}
}
