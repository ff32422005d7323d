package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const page = "<html><body><p>The ferry runs again.</p></body></html>"

var htmlTypes = []string{"text/html", "text/plain"}

// testServer serves a small site: /page, redirects, a PDF, large bodies and
// a page that never comes.
func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/{n}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/x"+r.PathValue("n"), http.StatusFound)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.7")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte{0, 1, 2})
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, strings.Repeat("x", 2000))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 20 {
			io.WriteString(w, strings.Repeat("x", 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<p>The start")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestGet(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		name    string
		path    string
		client  Client
		wantErr error
		errHas  string
	}{
		{"a page", "/page", Client{Accept: htmlTypes}, nil, ""},
		{"a redirect", "/moved", Client{Accept: htmlTypes}, nil, ""},
		{"not found", "/missing", Client{Accept: htmlTypes}, ErrStatus, "404 Not Found"},
		{"too many redirects", "/loop/0", Client{Accept: htmlTypes, MaxRedirects: 3}, ErrTooManyRedirects, "more than 3"},
		{"not a page", "/report.pdf", Client{Accept: htmlTypes}, ErrContentType, "application/pdf"},
		{"no content type", "/untyped", Client{Accept: htmlTypes}, ErrContentType, "no content type"},
		{"too large, by its length", "/big", Client{Accept: htmlTypes, MaxBytes: 1000}, ErrTooLarge, "2000 bytes"},
		{"too large, as it comes", "/big-chunked", Client{Accept: htmlTypes, MaxBytes: 1000}, ErrTooLarge, "1000 bytes"},
		{"no answer in time", "/slow", Client{Accept: htmlTypes, Timeout: 200 * time.Millisecond}, ErrTimeout, "200ms"},
		{"a body that stops coming", "/slow-body", Client{Accept: htmlTypes, Timeout: 200 * time.Millisecond}, ErrTimeout, "200ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			p, err := tt.client.Get(context.Background(), srv.URL+tt.path)
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("Get(%s) took %v", tt.path, elapsed)
			}
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Get(%s) = %v", tt.path, err)
				}
				if string(p.Body) != page || p.URL != srv.URL+"/page" || !strings.HasPrefix(p.ContentType, "text/html") {
					t.Errorf("Get(%s) = %q from %s (%s), want the page from %s", tt.path, p.Body, p.URL, p.ContentType, srv.URL+"/page")
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.errHas) || !strings.Contains(err.Error(), srv.URL) {
				t.Errorf("Get(%s) = %v; want an error wrapping %q that names the URL and says %q", tt.path, err, tt.wantErr, tt.errHas)
			}
		})
	}
}

func TestGetRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"ftp://files.example/a.html", "file:///etc/passwd", "news.example/page", "https://"} {
		if _, err := (&Client{}).Get(context.Background(), u); !errors.Is(err, ErrURL) {
			t.Errorf("Get(%q) = %v, want an error wrapping %v", u, err, ErrURL)
		}
	}
}

// TestGetStopsWithContext checks that a fetch ends as soon as its context
// does, as when the operator stops articlebot during start-up.
func TestGetStopsWithContext(t *testing.T) {
	srv := testServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := (&Client{Timeout: time.Minute}).Get(ctx, srv.URL+"/slow")
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Errorf("Get() = %v, want an error wrapping context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("Get() returned %v after its context was cancelled", elapsed)
	}
}

// TestGetThroughProxy checks that an https page is fetched through the
// proxy HTTPS_PROXY names, as a CONNECT tunnel.
func TestGetThroughProxy(t *testing.T) {
	origin := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page)
	}))
	defer origin.Close()

	var tunnels atomic.Int32
	var target atomic.Value
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "this proxy only tunnels", http.StatusMethodNotAllowed)
			return
		}
		tunnels.Add(1)
		target.Store(r.Host)
		// Whatever host was asked for, the tunnel leads to the test origin.
		up, err := net.Dial("tcp", origin.Listener.Addr().String())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer up.Close()
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		io.WriteString(conn, "HTTP/1.1 200 Connection established\r\n\r\n")
		go io.Copy(up, buf)
		io.Copy(conn, up)
	}))
	defer proxy.Close()

	env := map[string]string{"HTTPS_PROXY": proxy.URL}
	c := &Client{
		Accept:    htmlTypes,
		Proxy:     ProxyFromEnv(func(k string) string { return env[k] }),
		TLSConfig: &tls.Config{RootCAs: origin.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs},
	}
	p, err := c.Get(context.Background(), "https://news.example.com/ferry")
	if err != nil {
		t.Fatalf("Get() through the proxy = %v", err)
	}
	if string(p.Body) != page || tunnels.Load() != 1 || target.Load() != "news.example.com:443" {
		t.Errorf("Get() = %q with %d tunnels to %v; want the page through one tunnel to news.example.com:443",
			p.Body, tunnels.Load(), target.Load())
	}

}

func TestProxyFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		url  string
		want string // the proxy's host, or "" for none
	}{
		{"https", map[string]string{"HTTPS_PROXY": "http://proxy.example:3128"}, "https://news.example.com/", "proxy.example:3128"},
		{"lower case", map[string]string{"https_proxy": "http://proxy.example:3128"}, "https://news.example.com/", "proxy.example:3128"},
		{"http", map[string]string{"HTTP_PROXY": "http://proxy.example:8080", "HTTPS_PROXY": "http://other.example:1"}, "http://news.example.com/", "proxy.example:8080"},
		{"no proxy for the host", map[string]string{"HTTPS_PROXY": "http://proxy.example:3128", "NO_PROXY": ".example.com"}, "https://news.example.com/", ""},
		{"none set", nil, "https://news.example.com/", ""},
		{"never for loopback", map[string]string{"HTTP_PROXY": "http://proxy.example:8080"}, "http://127.0.0.1:8000/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			proxy := ProxyFromEnv(func(k string) string { return tt.env[k] })
			req, _ := http.NewRequest(http.MethodGet, tt.url, nil)
			u, err := proxy(req)
			got := ""
			if u != nil {
				got = u.Host
			}
			if err != nil || got != tt.want {
				t.Errorf("ProxyFromEnv(%v)(%s) = %v, %v; want %q", tt.env, tt.url, u, err, tt.want)
			}
		})
	}
}
