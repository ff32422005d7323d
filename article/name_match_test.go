package article

import "testing"

// TestNearestTypoPerKey checks that a query is taken for a misspelling of
// an entry only by a key it is within a typo of, word for word: a key it
// is far from does not lend its word count to a nearer key whose words
// differ ("lena kovacs" stays no typo of "dan kovacs" though the entry
// also has the one-word key "ferrymaster"), and a nearer key whose words
// differ does not hide a farther one within a typo.
func TestNearestTypoPerKey(t *testing.T) {
	entries := []nameEntry{
		{keys: []speakerKey{
			{"dan kovacs", keyName},
			{"ferrymaster", keyWhole},
			{"kovacs", keyNamePart},
		}},
		{keys: []speakerKey{
			{"jo kovacs", keyName},
			{"al kovacsne", keyWhole},
		}},
	}
	entry := func(i int) *nameEntry { return &entries[i] }
	tests := []struct {
		name  string
		query string
		want  int
	}{
		{"another first name", "lena kovacs", -1},
		{"a typo in the first name", "dann kovacs", 0},
		{"a typo in the one-word key", "ferrymastr", 0},
		// "jo kovacs" is nearer, but "al" is no typo of "jo"; the key
		// two letters longer is within a typo, word for word.
		{"a farther key within a typo", "al kovacs", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _, _ := nearest(tt.query, len(entries), entry); got != tt.want {
				t.Errorf("nearest(%q) = %d, want %d", tt.query, got, tt.want)
			}
		})
	}
}
