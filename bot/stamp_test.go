package bot

import "testing"

// stamped returns id, a custom_id as a handler makes it, as b sends it:
// with the stamp of the article b answers from.
func stamped(b *Bot, id string) string { return b.current().stampID(id) }

// stampedAll returns ids, each as b sends it.
func stampedAll(b *Bot, ids []string) []string {
	out := make([]string, len(ids))
	for k, id := range ids {
		out[k] = stamped(b, id)
	}
	return out
}

// unstamped returns id, a custom_id b sent, as its handler made it, and
// fails the test when id does not carry b's stamp.
func unstamped(t *testing.T, b *Bot, id string) string {
	t.Helper()
	inner, err := b.current().unstamp(id, "test")
	if err != nil {
		t.Fatalf("custom_id %q does not carry the stamp %q: %v", id, b.current().stamp, err)
	}
	return inner
}
