package gateway

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"
)

// Shard is the gateway shard one process runs. Discord splits a bot's
// servers among its shards by server ID, and sends the interactions of
// direct messages to shard 0; a large bot runs one process per shard.
type Shard struct {
	// Set is true when the process runs a shard. Without it the process is
	// the bot's only connection and its IDENTIFY names no shard.
	Set bool
	// ID is this process's shard, from 0 to Count-1.
	ID int
	// Count is the number of shards; with Auto it is 0 until
	// [ResolveShard] has asked Discord.
	Count int
	// Auto makes Count Discord's recommendation from GET /gateway/bot.
	Auto bool
}

// Registers reports whether this process registers the commands. Commands
// belong to the application, not to a shard, so shard 0 alone registers
// them and every other shard leaves them as they are.
func (sc Shard) Registers() bool { return sc.ID == 0 }

// Attrs returns the log attributes that name the shard, or none when the
// process is not sharded.
func (sc Shard) Attrs() []any {
	if !sc.Set {
		return nil
	}
	count := any(sc.Count)
	if sc.Auto && sc.Count == 0 {
		count = "auto"
	}
	return []any{"shard_id", sc.ID, "shard_count", count}
}

// ShardRangeError says that a shard's ID is not below the number of shards
// Discord recommends.
type ShardRangeError struct {
	ID, Count int
}

func (e *ShardRangeError) Error() string {
	return fmt.Sprintf("shard %d is out of range: Discord recommends %d shard(s), numbered from 0 to %d", e.ID, e.Count, e.Count-1)
}

// gatewayBotter is the part of a session ResolveShard needs.
type gatewayBotter interface {
	GatewayBot(options ...discordgo.RequestOption) (*discordgo.GatewayBotResponse, error)
}

var _ gatewayBotter = (*discordgo.Session)(nil)

// ResolveShard returns sc with its count known: for an Auto shard, the
// number of shards Discord recommends for the bot, from GET /gateway/bot.
// It fails with [Fatal]'s error when Discord rejects the token, with a
// *[ShardRangeError] when the ID is not below the recommendation, and with
// the request's error when Discord cannot be asked.
func ResolveShard(ctx context.Context, s gatewayBotter, sc Shard, log *slog.Logger) (Shard, error) {
	if !sc.Auto {
		return sc, nil
	}
	gb, err := s.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		if fatal := Fatal(err); fatal != nil {
			return sc, fatal
		}
		return sc, fmt.Errorf("asking Discord for the recommended number of shards: %w", err)
	}
	sc.Count = max(gb.Shards, 1)
	if sc.ID >= sc.Count {
		return sc, &ShardRangeError{ID: sc.ID, Count: sc.Count}
	}
	if log != nil {
		log.Info("Discord recommends a number of shards", "shard_count", sc.Count,
			"max_concurrency", gb.SessionStartLimit.MaxConcurrency)
	}
	return sc, nil
}

// ApplyShard makes s identify as shard sc, so that IDENTIFY carries
// "shard": [id, count]. It leaves an unsharded session as it is.
func ApplyShard(s *discordgo.Session, sc Shard) {
	if !sc.Set {
		return
	}
	s.ShardID, s.ShardCount = sc.ID, sc.Count
	// discordgo fills Identify.Shard itself only for more than one shard;
	// an explicit [0, 1] is what the operator asked for and Discord accepts
	// it.
	s.Identify.Shard = &[2]int{sc.ID, sc.Count}
}
