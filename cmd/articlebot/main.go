// Articlebot is a Discord bot that answers questions about one news article:
// /summary, /quote, /find and /ask, the Find in article message command and
// questions asked by mentioning the bot are answered with the article's own
// passages, each citing the paragraph it comes from.
//
// Usage:
//
//	articlebot [run]           connect to Discord's gateway and answer slash commands
//	articlebot serve           answer Discord's signed HTTP interactions
//	articlebot register        register the commands over REST only
//	articlebot unregister      remove the commands, in one server or globally
//	articlebot try "/find x"   answer one command offline
//	articlebot play            serve a local page that shows the answers as Discord does
//	articlebot commands        print the commands registration sends
//	articlebot healthcheck     ask a running articlebot's /healthz
//	articlebot article         print the article as the bot sees it
//	articlebot version         (also --version, -v)
//	articlebot help [command]
//
// Configuration comes from the environment and from .env; see .env.example
// and README.md. The exit status is 0 on success, 2 for a usage or
// configuration error and 1 for anything else.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal a second one ends the process at once.
	context.AfterFunc(ctx, stop)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "articlebot: %v\n", err)
	}
	os.Exit(exitCode(err))
}
