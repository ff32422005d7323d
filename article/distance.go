package article

import "github.com/agnivade/levenshtein"

// editDistance returns the Levenshtein distance between two folded words.
func editDistance(a, b string) int { return levenshtein.ComputeDistance(a, b) }
