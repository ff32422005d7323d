package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"path"
	"strings"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/internal/fetch"
)

// errStopped is the error for a start-up stopped by SIGINT or SIGTERM,
// which is a shutdown rather than a failure.
var errStopped = errors.New("stopped")

// pageTypes are the media types articlebot reads from a URL.
var pageTypes = []string{"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}

// articleSource is where the article comes from: a file, a URL, or neither
// for the embedded article.
type articleSource struct {
	file string
	url  string
	// client fetches the URL.
	client *fetch.Client
	// loadFile parses the file; article.Load when nil.
	loadFile func(path string) (*article.Article, error)
}

// withArticleLoader makes the run's article source parse article files
// with load instead of article.Load.
func withArticleLoader(load func(path string) (*article.Article, error)) option {
	return func(o *options) { o.loadFile = load }
}

// newArticleSource returns the source the configuration names, fetching
// URLs through the proxy getenv names.
func newArticleSource(cfg config, getenv func(string) string) articleSource {
	return articleSource{
		file: cfg.articleFile,
		url:  cfg.articleURL,
		client: &fetch.Client{
			Accept: pageTypes,
			Proxy:  fetch.ProxyFromEnv(getenv),
			// The page's markup may be larger than the article's text.
			MaxBytes: article.MaxPageSize,
		},
	}
}

// load reads the article from its file or URL, or returns the embedded one
// when there is neither. It reads everything afresh, so calling it again
// reloads the article. When ctx is done it returns at once with an error
// wrapping errStopped, even while a large page is being parsed.
func (s articleSource) load(ctx context.Context) (*article.Article, error) {
	if s.file == "" && s.url == "" {
		return article.Default(), nil
	}
	type result struct {
		a   *article.Article
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		if s.url != "" {
			r.a, r.err = s.fetch(ctx)
		} else {
			load := s.loadFile
			if load == nil {
				load = article.Load
			}
			r.a, r.err = load(s.file)
		}
		done <- r
	}()
	select {
	case r := <-done:
		if r.err != nil && ctx.Err() != nil {
			return nil, fmt.Errorf("%w while loading the article: %w", errStopped, context.Cause(ctx))
		}
		if r.err != nil && s.url != "" {
			return nil, fmt.Errorf("cannot use the article at the URL (--article or %s): %w", envArticleURL, r.err)
		}
		if r.err != nil {
			return nil, fmt.Errorf("cannot use the article file (--article or %s): %w", envArticleFile, r.err)
		}
		return r.a, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%w while loading the article: %w", errStopped, context.Cause(ctx))
	}
}

// fetch downloads the article at s.url and parses it as its content type
// says: a web page, Markdown, or plain text (which may still be a page).
func (s articleSource) fetch(ctx context.Context) (*article.Article, error) {
	page, err := s.client.Get(ctx, s.url)
	if err != nil {
		return nil, err
	}
	format := article.FormatHTML
	mt, _, _ := mime.ParseMediaType(page.ContentType)
	switch mt {
	case "text/markdown", "text/x-markdown":
		format = article.FormatMarkdown
	case "text/plain":
		name := ""
		if u, err := url.Parse(page.URL); err == nil {
			name = path.Base(u.Path)
		}
		format = article.DetectFormat(page.Body, name)
	}
	var a *article.Article
	switch format {
	case article.FormatHTML:
		return article.ParseHTML(bytes.NewReader(page.Body), page.URL, page.ContentType)
	case article.FormatMarkdown:
		a, err = article.ParseMarkdown(bytes.NewReader(page.Body))
	default:
		a, err = article.Parse(bytes.NewReader(page.Body))
	}
	if err != nil {
		return nil, err
	}
	if a.Meta.URL == "" {
		// Nobody else holds a yet, so its metadata may still be set.
		a.Meta.URL = page.URL
	}
	return a, nil
}

// isURL reports whether ref names an article by URL rather than by file.
func isURL(ref string) bool {
	lower := strings.ToLower(ref)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// redactURL returns raw with any password in it hidden.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Redacted()
}
