package main

import (
	"encoding/base64"
	"regexp"
	"strings"
)

// tokenShape matches text shaped like a Discord bot token: three parts of
// URL-safe base64 separated by dots.
var tokenShape = regexp.MustCompile(`[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}`)

// redactTokens returns s with whatever looks like a bot token replaced by
// "[REDACTED]": three dot-separated parts of base64, the first of which
// encodes a user ID, as a token's does. Errors echo what the operator
// typed, and a token typed in the wrong place must not reach a terminal's
// scrollback or a log.
func redactTokens(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return tokenShape.ReplaceAllStringFunc(s, func(m string) string {
		first, _, _ := strings.Cut(m, ".")
		if encodesID(first) {
			return redacted
		}
		return m
	})
}

// encodesID reports whether s is base64 of a decimal number, as the first
// part of a bot token is.
func encodesID(s string) bool {
	s = strings.TrimRight(s, "=")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(s); err != nil {
			return false
		}
	}
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// redactedError is an error whose message has tokens redacted; it wraps
// the original, so errors.Is and errors.As still see it.
type redactedError struct {
	err error
	msg string
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redactError returns err with any token in its message redacted, or err
// itself when there is none.
func redactError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if r := redactTokens(msg); r != msg {
		return &redactedError{err: err, msg: r}
	}
	return err
}
