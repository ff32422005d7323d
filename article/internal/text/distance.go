package text

import "github.com/agnivade/levenshtein"

// EditDistance returns the Levenshtein distance between two folded words.
func EditDistance(a, b string) int { return levenshtein.ComputeDistance(a, b) }
