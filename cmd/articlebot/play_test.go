package main

import (
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlayServesThePlayground starts "articlebot play" on a loopback port
// with an article of its own and uses the page's API as the page does.
func TestPlayServesThePlayground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ferry.txt")
	text := "---\ntitle: Ferry service returns to the island\n---\n" +
		"The ferry to the island runs again from Monday, the harbour office said.\n" +
		"\"We have waited all winter for this,\" said Ines Varga, who runs the island's bakery.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := startBackground(t, nil, []string{"play", "--addr", "127.0.0.1:0", "--article", path})
	base := "http://" + r.addr(t, serverPlayground)

	code, ctype, body := httpDo(t, http.MethodGet, base+"/", "", nil)
	if code != http.StatusOK || !strings.HasPrefix(ctype, "text/html") || !strings.Contains(body, "#playground") {
		t.Errorf("GET / = %d %s, want the page", code, ctype)
	}
	code, _, body = httpDo(t, http.MethodGet, base+"/api/app", "", nil)
	var app struct{ Title string }
	if err := json.Unmarshal([]byte(body), &app); code != http.StatusOK || err != nil {
		t.Fatalf("GET /api/app = %d %v", code, err)
	}
	if app.Title != "Ferry service returns to the island" {
		t.Errorf("the playground's title = %q, want the --article's", app.Title)
	}
	h := http.Header{"Content-Type": {"application/json"}}
	code, _, body = httpDo(t, http.MethodPost, base+"/api/interactions", summaryBody, h)
	if code != http.StatusOK || !strings.Contains(body, `"type":4`) || !strings.Contains(body, "ferry") {
		t.Errorf("POST /api/interactions with /summary = %d %s, want the summary of the article", code, body)
	}

	r.cancel()
	res := r.wait(t)
	if res.err != nil {
		t.Fatalf("play = %v, want nil after the signal\nlog:\n%s", res.err, res.stderr)
	}
	if want := "open " + base + "/ in a browser"; !strings.Contains(res.stdout, want) {
		t.Errorf("play printed %q, want it to say %q", res.stdout, want)
	}
}

func TestPlayRefusesBadArguments(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"an argument", []string{"play", "extra"}, "play takes no arguments"},
		{"no port", []string{"play", "--addr", "127.0.0.1"}, "not a listen address"},
		{"missing article", []string{"play", "--article", filepath.Join(t.TempDir(), "none.txt")}, "cannot use the article file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runArgs(t, nil, tc.args)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("articlebot %q = %v, want an error saying %q", tc.args, err, tc.wantErr)
			}
			if got := exitCode(err); got != 2 {
				t.Errorf("exit status = %d, want 2", got)
			}
		})
	}
}

func TestPageURL(t *testing.T) {
	tests := []struct {
		addr string
		want string
	}{
		{"127.0.0.1:8090", "http://127.0.0.1:8090/"},
		{"0.0.0.0:8090", "http://127.0.0.1:8090/"},
		{"[::]:8090", "http://[::1]:8090/"},
		{"[::1]:9000", "http://[::1]:9000/"},
		{"192.0.2.7:80", "http://192.0.2.7:80/"},
	}
	for _, tc := range tests {
		a, err := net.ResolveTCPAddr("tcp", tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := pageURL(a); got != tc.want {
			t.Errorf("pageURL(%s) = %q, want %q", tc.addr, got, tc.want)
		}
	}
}

func TestPlayListensOnThisMachineByDefault(t *testing.T) {
	host, _, err := net.SplitHostPort(defaultPlayAddr)
	if err != nil {
		t.Fatal(err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		t.Errorf("play listens on %s by default, want a loopback address", defaultPlayAddr)
	}
}
