package text

import "testing"

func TestRoot(t *testing.T) {
	same := [][2]string{
		{"extorting", "extortion"},
		{"extortion", "extortionist"},
		{"extort", "extortionists"},
		{"suspend", "suspension"},
		{"suspended", "suspension"},
		{"ill", "illness"},
		{"cringe", "cringey"},
		{"cringing", "cringey"},
		{"respond", "response"},
		{"responded", "responses"},
		{"decide", "decision"},
		{"explode", "explosion"},
		{"conclude", "conclusion"},
		{"invade", "invasion"},
		{"extend", "extension"},
		{"defend", "defense"},
		{"invest", "investors"},
		{"prosecute", "prosecutor"},
		{"kill", "killer"},
		{"lead", "leadership"},
		{"economy", "economic"},
		{"employ", "employee"},
		{"free", "freedom"},
		{"journalism", "journalist"},
		{"negotiate", "negotiations"},
	}
	for _, p := range same {
		if a, b := Root(p[0]), Root(p[1]); a != b {
			t.Errorf("Root(%q) = %q, Root(%q) = %q, want them equal", p[0], a, p[1], b)
		}
	}
	apart := [][2]string{
		{"sense", "send"},
		{"tense", "tend"},
		{"party", "part"},
		{"body", "bod"},
		{"mother", "moth"},
		{"brother", "broth"},
		{"city", "cit"},
		{"family", "famil"},
		{"owner", "own"},
		{"order", "ord"},
		{"news", "new"},
		{"actor", "act"},
	}
	for _, p := range apart {
		if a, b := Root(p[0]), Root(p[1]); a == b {
			t.Errorf("Root(%q) = Root(%q) = %q, want them apart", p[0], p[1], a)
		}
	}
}

func TestNumbers(t *testing.T) {
	values := []struct {
		w    string
		want float64
		ok   bool
	}{
		{"4", 4, true}, {"four", 4, true}, {"18442", 18442, true}, {"5.8", 5.8, true},
		{"dozen", 12, true}, {"twenty", 20, true}, {"fourth", 0, false}, {"w0000042", 0, false}, {"", 0, false},
	}
	for _, v := range values {
		if got, ok := NumberValue(v.w); got != v.want || ok != v.ok {
			t.Errorf("NumberValue(%q) = %v, %v, want %v, %v", v.w, got, ok, v.want, v.ok)
		}
	}
	twins := []struct{ w, want string }{
		{"4", "four"}, {"four", "4"}, {"12", "twelve"}, {"dozen", "12"}, {"twenty", "20"}, {"21", ""}, {"5.8", ""}, {"russia", ""},
	}
	for _, tw := range twins {
		if got, _ := NumberTwin(tw.w); got != tw.want {
			t.Errorf("NumberTwin(%q) = %q, want %q", tw.w, got, tw.want)
		}
	}
}
