package article

import "github.com/articlebot/articlebot/article/internal/text"

// Fold returns s as the package compares words: in lower case, without
// diacritics, with straight apostrophes and without periods, so that
// "U.S." and "us" are one word.
func Fold(s string) string { return text.Fold(s) }
