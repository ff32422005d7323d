// Package fetch downloads the web page an operator names as the article,
// within bounds: a time limit on the whole exchange, a size limit on the
// body, a limit on redirects and a check of the content type, each failing
// with an error that says which bound was crossed. The operator's proxy
// settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) are honoured.
package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// Errors that Get wraps, with details. Test for them with errors.Is.
var (
	// ErrTimeout is the error for a page that did not arrive in time.
	ErrTimeout = errors.New("the page did not arrive in time")
	// ErrTooLarge is the error for a body larger than the limit.
	ErrTooLarge = errors.New("the page is too large")
	// ErrTooManyRedirects is the error for a chain of redirects longer
	// than the limit.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrContentType is the error for a body that is not of a type
	// accepted.
	ErrContentType = errors.New("the page is not of a type articlebot reads")
	// ErrStatus is the error for an answer other than 200 OK.
	ErrStatus = errors.New("the server did not send the page")
	// ErrURL is the error for an address that is not an http or https URL.
	ErrURL = errors.New("not an http or https URL")
)

// Defaults of a Client's bounds.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 8 << 20
	DefaultMaxRedirects = 5
)

// Client fetches pages within bounds. The zero value uses the defaults, no
// proxy and the system's certificate authorities.
type Client struct {
	// Timeout bounds the whole fetch, redirects and body included
	// (default DefaultTimeout).
	Timeout time.Duration
	// MaxBytes bounds the body (default DefaultMaxBytes).
	MaxBytes int64
	// MaxRedirects bounds the redirects followed (default
	// DefaultMaxRedirects).
	MaxRedirects int
	// Accept lists the media types accepted, such as "text/html"; empty
	// accepts any.
	Accept []string
	// Proxy chooses the proxy for a request, as http.Transport's Proxy
	// does; nil means none. ProxyFromEnv makes one from the operator's
	// settings.
	Proxy func(*http.Request) (*url.URL, error)
	// TLSConfig, when set, replaces the default TLS configuration, as a
	// test's own certificate authority needs.
	TLSConfig *tls.Config
}

// Page is a page as fetched.
type Page struct {
	// Body is the page's content.
	Body []byte
	// ContentType is the Content-Type it was served with.
	ContentType string
	// URL is the page's address after redirects.
	URL string
}

// ProxyFromEnv returns the proxy function for the settings in getenv:
// HTTPS_PROXY for https URLs, HTTP_PROXY for http URLs, NO_PROXY for the
// hosts to reach directly, each also read in lower case. As usual, requests
// to localhost and loopback addresses never go through a proxy.
func ProxyFromEnv(getenv func(string) string) func(*http.Request) (*url.URL, error) {
	either := func(name string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return getenv(strings.ToLower(name))
	}
	cfg := &httpproxy.Config{
		HTTPProxy:  either("HTTP_PROXY"),
		HTTPSProxy: either("HTTPS_PROXY"),
		NoProxy:    either("NO_PROXY"),
	}
	proxy := cfg.ProxyFunc()
	return func(r *http.Request) (*url.URL, error) { return proxy(r.URL) }
}

// Get fetches the page at rawURL. It stops when ctx is done, and fails with
// an error wrapping one of the package's errors when a bound is crossed or
// the page is not sent; errors name the URL.
func (c *Client) Get(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is %w", rawURL, ErrURL)
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, ErrTimeout)
	defer cancel()

	page, err := c.get(ctx, u)
	if err != nil {
		if context.Cause(ctx) == ErrTimeout {
			return nil, fmt.Errorf("fetching %s: %w: no complete answer within %v", u.Redacted(), ErrTimeout, timeout)
		}
		return nil, fmt.Errorf("fetching %s: %w", u.Redacted(), err)
	}
	return page, nil
}

func (c *Client) get(ctx context.Context, u *url.URL) (*Page, error) {
	maxRedirects := c.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = DefaultMaxRedirects
	}
	transport := &http.Transport{
		Proxy:                 c.Proxy,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second}).DialContext,
		TLSClientConfig:       c.TLSConfig,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 0, // the context bounds the whole exchange
		ForceAttemptHTTP2:     true,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d, the last to %s", ErrTooManyRedirects, maxRedirects, req.URL.Redacted())
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to %s, which is %w", req.URL.Redacted(), ErrURL)
			}
			return nil
		},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", accept(c.Accept))
	req.Header.Set("User-Agent", "articlebot (+https://github.com/articlebot/articlebot)")
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is named by the caller
		}
		return nil, err
	}
	defer resp.Body.Close()

	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: it answered %s", ErrStatus, resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	if !accepted(ct, c.Accept) {
		if ct == "" {
			ct = "no content type"
		}
		return nil, fmt.Errorf("%w: it is %s, not one of %s", ErrContentType, ct, strings.Join(c.Accept, ", "))
	}
	maxBytes := c.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if resp.ContentLength > maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than the %d allowed", ErrTooLarge, resp.ContentLength, maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	if int64(len(body)) > maxBytes {
		return nil, fmt.Errorf("%w: more than the %d bytes allowed", ErrTooLarge, maxBytes)
	}
	return &Page{Body: body, ContentType: ct, URL: resp.Request.URL.String()}, nil
}

// accept returns the Accept header for the media types types.
func accept(types []string) string {
	if len(types) == 0 {
		return "*/*"
	}
	return strings.Join(types, ", ") + ", */*;q=0.1"
}

// accepted reports whether the Content-Type ct is one of types, or types
// is empty.
func accepted(ct string, types []string) bool {
	if len(types) == 0 {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	for _, t := range types {
		if strings.EqualFold(mt, t) {
			return true
		}
	}
	return false
}
