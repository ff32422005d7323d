package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

const healthcheckDetails = `Asks a running articlebot on this machine for /healthz and exits 0 when it
answers 200 OK, 1 otherwise: the health check of a container image, which
has no curl. It asks the server of the mode the configuration describes:
METRICS_ADDR when set (the gateway mode, "articlebot run"), HTTP_ADDR
otherwise (the HTTP mode, "articlebot serve", default :8080), at the
loopback address when the host part is empty or every interface. --url asks
another URL instead.
`

// defaultHealthTimeout bounds a health check that names no --timeout.
const defaultHealthTimeout = 3 * time.Second

func healthcheckFlags(e *env, fs *flag.FlagSet) func(context.Context, []string) error {
	var c commonFlags
	c.declare(fs, false)
	url := fs.String("url", "", "ask this `URL` instead of the /healthz of METRICS_ADDR or HTTP_ADDR")
	timeout := fs.Duration("timeout", defaultHealthTimeout, "give up after this long")
	return func(ctx context.Context, args []string) error {
		if err := noArgs("healthcheck", args); err != nil {
			return err
		}
		target := *url
		if target == "" {
			getenv, err := withDotenv(e.getenv, c.envFileOf(e))
			if err != nil {
				// A health check exits 1 whatever is wrong: container
				// engines reserve exit status 2.
				return errors.New(err.Error())
			}
			if target, err = healthURL(getenv); err != nil {
				return err
			}
		}
		ctx, cancel := context.WithTimeout(ctx, *timeout)
		defer cancel()
		status, err := checkHealth(ctx, target)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.stdout, "healthy: %s answered %s\n", target, status)
		return err
	}
}

// healthURL returns the URL of /healthz on the server the configuration
// in getenv describes: the health and metrics server of the gateway mode
// when METRICS_ADDR is set, the HTTP mode's server otherwise.
func healthURL(getenv func(string) string) (string, error) {
	name := envHTTPAddr
	if strings.TrimSpace(getenv(envMetricsAddr)) != "" {
		name = envMetricsAddr
	}
	addr, problems := listenAddr(getenv, name, defaultHTTPAddr)
	if len(problems) > 0 {
		return "", errors.New(problems[0])
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("%s=%q: %w", name, addr, err)
	}
	// A server listening on every interface is reached on the loopback one.
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}

// checkHealth sends GET url, never through a proxy, and returns the
// answer's status when it is 200 OK.
func checkHealth(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", fmt.Errorf("health check: %w", err)
	}
	client := &http.Client{Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("health check: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("health check: %s answered %s: %s", url, resp.Status, strings.TrimSpace(string(body)))
	}
	return resp.Status, nil
}
