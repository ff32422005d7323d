package bot

import "regexp"

// tokenInPath matches the secret part of interaction callback and webhook
// URLs: /interactions/{id}/{token}/… and /webhooks/{application}/{token}.
var tokenInPath = regexp.MustCompile(`(/(?:interactions|webhooks)/[0-9]+/)[^/?#\s"']+`)

// RedactURLTokens returns s with the interaction and webhook tokens of any
// Discord URL path in it replaced by "[REDACTED]". An interaction token lets
// whoever holds it post as the bot for fifteen minutes, so it must not reach
// the logs, where errors from the HTTP client would otherwise show it.
func RedactURLTokens(s string) string {
	return tokenInPath.ReplaceAllString(s, "${1}[REDACTED]")
}
