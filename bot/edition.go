package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/articlebot/articlebot/article"
)

// An edition is what the bot answers from at one time: an article, the
// commands built for it and the stamp their buttons carry (see stamp.go).
// An edition never changes; [Bot.Reload] puts a new one in place of the
// current one. Each request is answered by the edition that was current
// when it arrived, read once at the top of the pipeline and passed down,
// so that no answer mixes two articles, whatever reloads happen while it
// is worked out.
//
// An edition is a *Bot: the command handlers are methods of Bot that read
// b.art and b.reg, which on an edition stay as they were built. Every
// edition of a bot shares its configuration and its live state.

// live is the state every edition of a bot shares: which edition answers
// new requests, and how the last reload went.
type live struct {
	current atomic.Pointer[Bot]
	// reloading is held for the whole of a reload, so that reloads run
	// one at a time.
	reloading sync.Mutex
	// failed is the last reload when it failed, or nil when it succeeded
	// or none has run.
	failed atomic.Pointer[reloadFailure]
	// began is when the reload that runs now began, or nil when none
	// runs.
	began atomic.Pointer[time.Time]
}

// reloadFailure is a reload that left the bot answering from the article
// it had. Why it failed is for the caller to log: /readyz, which reports
// the failure, may be open to anyone.
type reloadFailure struct {
	at time.Time
}

// current returns the edition that answers new requests: b itself for a
// bot that was never reloaded, or one made by the bot's last reload.
func (b *Bot) current() *Bot {
	if b.live != nil {
		if e := b.live.current.Load(); e != nil {
			return e
		}
	}
	return b
}

// edition returns a new edition of b's bot that answers from a.
func (b *Bot) edition(a *article.Article) (*Bot, error) {
	e := &Bot{art: a, stamp: stampOf(a), loaded: b.cfg.now(), cfg: b.cfg, log: b.log, live: b.live}
	cmds := e.builtins
	if b.cfg.commands != nil {
		cmds = func() []*command { return b.cfg.commands(e) }
	}
	if err := e.register(cmds()...); err != nil {
		return nil, err
	}
	return e, nil
}

// Article returns the article the bot answers from: the one it was made
// with, or the one its last successful reload loaded.
func (b *Bot) Article() *article.Article { return b.current().art }

// Fingerprint returns the fingerprint of the article the bot answers
// from: a short digest of its metadata and paragraphs, which its buttons
// carry. Two bots with the same fingerprint answer each other's buttons.
func (b *Bot) Fingerprint() string { return b.current().stamp }

// Reloaded describes a reload that succeeded: the article the bot
// answered from before it and the one it answers from after it, each
// with its fingerprint (see [Bot.Fingerprint]).
type Reloaded struct {
	Before, After                       *article.Article
	BeforeFingerprint, AfterFingerprint string
}

// Same reports whether the article loaded is the one the bot had: the
// buttons of earlier answers keep working.
func (r Reloaded) Same() bool { return r.BeforeFingerprint == r.AfterFingerprint }

// Reload loads an article with load and answers from it: the requests
// that arrive once Reload has returned are answered about the new
// article, while those in flight finish on the one they started with.
// Reloads run one at a time; a call made while another runs waits for it.
// While one runs, /readyz (see [NewOpsMux]) says since when.
//
// When load fails, or the bot's commands cannot be built for the new
// article, the bot keeps answering from the article it had, Reload
// returns the error, the bot's metrics count the failure and /readyz
// reports it until a reload succeeds. A reload that fails because ctx
// ended, as when the process shuts down, is neither counted nor reported.
func (b *Bot) Reload(ctx context.Context, load func(context.Context) (*article.Article, error)) (Reloaded, error) {
	l := b.live
	if l == nil {
		return Reloaded{}, errors.New("this bot cannot reload: make it with New")
	}
	l.reloading.Lock()
	defer l.reloading.Unlock()
	began := b.cfg.now()
	l.began.Store(&began)
	defer l.began.Store(nil)

	a, err := load(ctx)
	if err == nil && a == nil {
		err = errors.New("loading the article gave no article")
	}
	var e *Bot
	if err == nil {
		if e, err = b.edition(a); err != nil {
			err = fmt.Errorf("the bot's commands cannot be built for the new article: %w", err)
		}
	}
	if err != nil {
		if ctx.Err() == nil {
			l.failed.Store(&reloadFailure{at: b.cfg.now()})
			b.cfg.metrics.countReload(false)
		}
		return Reloaded{}, err
	}
	old := l.current.Load()
	l.current.Store(e)
	l.failed.Store(nil)
	b.cfg.metrics.countReload(true)
	b.cfg.metrics.articleLoaded(a, e.loaded)
	return Reloaded{Before: old.art, After: a, BeforeFingerprint: old.stamp, AfterFingerprint: e.stamp}, nil
}

// reloadBegan returns when the reload that runs now began, or nil when
// none runs.
func (b *Bot) reloadBegan() *time.Time {
	if b.live == nil {
		return nil
	}
	return b.live.began.Load()
}

// lastReloadFailure returns the last reload when it failed, or nil.
func (b *Bot) lastReloadFailure() *reloadFailure {
	if b.live == nil {
		return nil
	}
	return b.live.failed.Load()
}
