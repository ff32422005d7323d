package article

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/lexicon"
)

func (t qtok) has(f lexicon.Class) bool { return t.flags&f != 0 }

// isRole reports whether a token is a role word or a role's plural.
func (t qtok) isRole() bool {
	return t.flags&(lexicon.Role|lexicon.RolePlural) != 0 || strings.HasSuffix(t.low, "-year-old")
}
