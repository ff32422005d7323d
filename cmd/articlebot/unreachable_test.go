package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/articlebot/articlebot/internal/discordtest"
)

// unreachableTransport fails every request as a machine with no route to
// Discord does: the name does not resolve.
type unreachableTransport struct{}

func (unreachableTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: r.URL.Hostname(), IsNotFound: true}}
}

// TestRunSaysWhatToCheckWhenDiscordIsUnreachable checks that a run that
// cannot reach Discord at all says to check the network, the proxy and
// DNS, and that the error is told once: returned for main to print, not
// also logged.
func TestRunSaysWhatToCheckWhenDiscordIsUnreachable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		vars map[string]string
	}{
		{"connecting", nil},
		{"asking for the number of shards", map[string]string{envShardID: "0", envShardCount: "auto"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]string{envToken: discordtest.BotToken}
			for k, v := range tc.vars {
				vars[k] = v
			}
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"run"}, mapEnv(vars), &stdout, &stderr,
				withEnvFile(""), withHTTPClient(&http.Client{Transport: unreachableTransport{}}))
			if err == nil {
				t.Fatal("run = nil, want an error")
			}
			for _, want := range []string{"cannot reach Discord", "network", "proxy", "DNS", "no such host"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("run = %q, want it to mention %q", err, want)
				}
			}
			if strings.Contains(stderr.String(), "no such host") {
				t.Errorf("the log shows the error too; want it told once, by main:\n%s", stderr.String())
			}
			if got := exitCode(err); got != 1 {
				t.Errorf("exitCode(%v) = %d, want 1: the network may come back", err, got)
			}
		})
	}
}
