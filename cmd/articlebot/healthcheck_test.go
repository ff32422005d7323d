package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealthURL(t *testing.T) {
	tests := []struct {
		name    string
		vars    map[string]string
		want    string
		wantErr string
	}{
		{"default", nil, "http://127.0.0.1:8080/healthz", ""},
		{"every interface", map[string]string{envHTTPAddr: ":9000"}, "http://127.0.0.1:9000/healthz", ""},
		{"every IPv4 interface", map[string]string{envHTTPAddr: "0.0.0.0:9000"}, "http://127.0.0.1:9000/healthz", ""},
		{"every IPv6 interface", map[string]string{envHTTPAddr: "[::]:9000"}, "http://[::1]:9000/healthz", ""},
		{"one address", map[string]string{envHTTPAddr: "10.1.2.3:9000"}, "http://10.1.2.3:9000/healthz", ""},
		{"the gateway mode's server", map[string]string{envHTTPAddr: ":9000", envMetricsAddr: "127.0.0.1:9090"}, "http://127.0.0.1:9090/healthz", ""},
		{"a port out of range", map[string]string{envHTTPAddr: ":80800"}, "", `HTTP_ADDR=":80800" has no valid port`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := healthURL(mapEnv(tc.vars))
			if got != tc.want || (err == nil) != (tc.wantErr == "") || err != nil && !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("healthURL(%v) = %q, %v; want %q, error %q", tc.vars, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// TestHealthcheck runs the health check against servers that answer well
// and badly, and against none, and checks its exit codes: 0 or 1, never the
// 2 that container engines reserve.
func TestHealthcheck(t *testing.T) {
	handler := func(status int) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/healthz" {
				http.NotFound(w, r)
				return
			}
			w.WriteHeader(status)
			w.Write([]byte("status text\n"))
		})
	}
	healthy := httptest.NewServer(handler(http.StatusOK))
	defer healthy.Close()
	failing := httptest.NewServer(handler(http.StatusServiceUnavailable))
	defer failing.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	hostPort := func(url string) string { return strings.TrimPrefix(url, "http://") }

	tests := []struct {
		name     string
		vars     map[string]string
		args     []string
		wantCode int
		want     string // in stdout, or in the error
	}{
		{"healthy, from HTTP_ADDR", map[string]string{envHTTPAddr: hostPort(healthy.URL)}, nil, 0, "200 OK"},
		{"healthy, from METRICS_ADDR", map[string]string{envHTTPAddr: closed, envMetricsAddr: hostPort(healthy.URL)}, nil, 0, "200 OK"},
		{"healthy, from --url", nil, []string{"--url", healthy.URL + "/healthz"}, 0, "200 OK"},
		{"failing", map[string]string{envHTTPAddr: hostPort(failing.URL)}, nil, 1, "503 Service Unavailable: status text"},
		{"nothing listening", map[string]string{envHTTPAddr: closed}, nil, 1, "connection refused"},
		{"bad address", map[string]string{envHTTPAddr: "nowhere"}, nil, 1, "is not a listen address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, _, err := runArgs(t, tc.vars, append([]string{"healthcheck"}, tc.args...))
			if got := exitCode(err); got != tc.wantCode {
				t.Fatalf("run(healthcheck %q) = %v (exit code %d), want exit code %d", tc.args, err, got, tc.wantCode)
			}
			got := stdout
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("run(healthcheck %q) said %q, want it to contain %q", tc.args, got, tc.want)
			}
		})
	}
}

// TestHealthcheckOfServe checks the health check against a running serve,
// configured the same way, as a container's HEALTHCHECK runs it.
func TestHealthcheckOfServe(t *testing.T) {
	r := startBackground(t, serveVars(), []string{"serve"})
	addr := r.addr(t, serverInteractions)
	vars := serveVars()
	vars[envHTTPAddr] = addr
	stdout, _, err := runArgs(t, vars, []string{"healthcheck"})
	if err != nil || !strings.Contains(stdout, "http://"+addr+"/healthz answered 200 OK") {
		t.Errorf("run(healthcheck) against serve on %s = %q, %v; want it healthy", addr, stdout, err)
	}
	r.cancel()
	if res := r.wait(t); res.err != nil {
		t.Errorf("serve = %v, want nil after cancel", res.err)
	}
}
