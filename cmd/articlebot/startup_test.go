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

// TestStartUpStopsOnSignal checks that a signal while the article is still
// loading ends each mode at once: the gateway and HTTP modes as a clean
// shutdown, try with an error. The article never finishes loading here.
func TestStartUpStopsOnSignal(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		vars    map[string]string
		wantErr bool
	}{
		{"run", []string{"run"}, map[string]string{envToken: discordtest.BotToken}, false},
		{"serve", []string{"serve"}, map[string]string{envPublicKey: testPublicKeyHex, envHTTPAddr: "127.0.0.1:0"}, false},
		{"try", []string{"try", "/about"}, nil, true},
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
				if (err != nil) != tc.wantErr {
					t.Errorf("run(%q) after a signal while loading = %v, want an error: %v", tc.args, err, tc.wantErr)
				}
				if tc.wantErr && !errors.Is(err, errInterrupted) {
					t.Errorf("run(%q) = %v, want errInterrupted", tc.args, err)
				}
			case <-time.After(discordtest.WaitTimeout):
				t.Fatalf("run(%q) did not return after a signal while the article was loading", tc.args)
			}
		})
	}
}
