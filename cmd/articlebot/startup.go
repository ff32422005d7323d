package main

import (
	"context"
	"errors"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
)

// errInterrupted ends a start-up that SIGINT or SIGTERM cut short. The
// gateway and HTTP modes treat it as a shutdown.
var errInterrupted = errors.New("interrupted before start-up finished")

// untilDone runs f on a goroutine of its own and returns what it returns,
// or errInterrupted as soon as ctx is done. Start-up steps that do not
// watch ctx, such as loading a large article, then never delay a shutdown:
// f finishes in the background, in a process about to exit.
func untilDone[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, errInterrupted
	}
}

// newBot builds the bot of a run on a, or returns errInterrupted when ctx
// ends first.
func newBot(ctx context.Context, a *article.Article, opts ...bot.Option) (*bot.Bot, error) {
	return untilDone(ctx, func() (*bot.Bot, error) { return bot.New(a, opts...) })
}

// withArticleLoader makes the run load article files with load instead of
// article.Load.
func withArticleLoader(load func(path string) (*article.Article, error)) option {
	return func(o *options) { o.loadArticle = load }
}
