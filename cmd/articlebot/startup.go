package main

import (
	"context"
	"fmt"

	"github.com/articlebot/articlebot/article"
	"github.com/articlebot/articlebot/bot"
)

// newBot builds the bot of a run on a on a goroutine of its own. When ctx
// is done first, it returns at once with an error wrapping errStopped, so
// that building the bot on a large article never delays a shutdown: the
// goroutine finishes in the background, in a process about to exit.
func newBot(ctx context.Context, a *article.Article, opts ...bot.Option) (*bot.Bot, error) {
	type result struct {
		b   *bot.Bot
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := bot.New(a, opts...)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("%w while starting: %w", errStopped, context.Cause(ctx))
	}
}
