package quote

import (
	"strings"

	"github.com/articlebot/articlebot/article/internal/text"
)

// An interview printed as questions and answers gives the interviewee's
// words without attributing each answer. It comes in three shapes:
// paragraphs marked "Q:" and "A:"; questions in bold ("**Why now?**")
// each followed by the answer; and questions in the interviewer's own
// paragraph, each followed by a paragraph that is nothing but a quotation.
// The questions are the interviewer's: nothing in them is anyone else's
// statement, even when they name someone ("Q: The council says the cuts
// are unavoidable. Do you agree?").

// paraRole is what a paragraph is in an interview.
type paraRole uint8

const (
	roleProse    paraRole = iota // any paragraph outside the interview's questions and answers
	roleQuestion                 // the interviewer's question
	roleAnswer                   // the interviewee's answer
)

// interviewRoles finds the questions and answers of an interview, when the
// article is one; it returns nil otherwise. At least two questions are
// needed in the bold and plain shapes, so that one question in a report
// ("Why not?" a headline asks) makes no interview.
func interviewRoles(ps []paragraph) []paraRole {
	roles := make([]paraRole, len(ps))
	marked, bold, paired := 0, 0, 0
	for i := range ps {
		switch {
		case isInterviewMark(ps[i].toks, "q"):
			roles[i] = roleQuestion
			marked++
		case isInterviewMark(ps[i].toks, "a"):
			roles[i] = roleAnswer
		}
	}
	if marked > 0 {
		return roles
	}
	clear(roles)
	for i := range ps {
		if boldQuestion(ps[i].text) {
			roles[i] = roleQuestion
			bold++
		}
	}
	if bold >= 2 {
		// Every paragraph after a question, up to the next one, answers it.
		answering := false
		for i := range ps {
			switch {
			case roles[i] == roleQuestion:
				answering = true
			case answering:
				roles[i] = roleAnswer
			}
		}
		return roles
	}
	clear(roles)
	for i := 0; i+1 < len(ps); i++ {
		if plainQuestion(&ps[i]) && onlyQuotation(&ps[i+1]) {
			roles[i], roles[i+1] = roleQuestion, roleAnswer
			paired++
		}
	}
	if paired >= 2 {
		return roles
	}
	return nil
}

// isInterviewMark reports whether a paragraph opens with a question or an
// answer mark: "Q:" or "A:".
func isInterviewMark(toks []text.Token, mark string) bool {
	return len(toks) > 2 && toks[0].Kind == text.Word && toks[0].Fold == mark && toks[0].Upper && toks[1].Fold == ":"
}

// boldQuestion reports whether a paragraph is a question set in bold, as
// Markdown writes it: "**Why now?**".
func boldQuestion(s string) bool {
	s = strings.TrimSpace(s)
	for _, m := range []string{"**", "__"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			inner := strings.TrimSpace(s[len(m) : len(s)-len(m)])
			return strings.HasSuffix(inner, "?") && !strings.Contains(inner, m)
		}
	}
	return false
}

// plainQuestion reports whether a paragraph is a short question in the
// article's own words, holding no quotation: "What will the cuts mean?"
func plainQuestion(p *paragraph) bool {
	if len(p.toks) == 0 || len(p.toks) > 60 || !strings.HasSuffix(strings.TrimSpace(p.text), "?") {
		return false
	}
	for _, t := range p.toks {
		if t.Kind == text.Quote {
			return false
		}
	}
	return true
}

// onlyQuotation reports whether a paragraph is one quotation and nothing
// else but punctuation.
func onlyQuotation(p *paragraph) bool {
	quotes := 0
	for _, t := range p.toks {
		switch t.Kind {
		case text.Quote:
			quotes++
		case text.Word:
			return false
		}
	}
	return quotes == 1
}

// answerSpan returns the words of an answer that holds no quotation marks
// (an "A:" answer, or one after a bold question), as a quotation of the
// whole paragraph without its mark and its bold; ok is false when the
// paragraph holds quotations of its own, which are read as they are.
func answerSpan(p *paragraph) (q text.Quotation, ok bool) {
	for _, t := range p.toks {
		if t.Kind == text.Quote {
			return q, false
		}
	}
	start := 0
	if isInterviewMark(p.toks, "a") {
		start = p.toks[2].Span.Start
	}
	end := len(p.text)
	for start < end && (p.text[start] == '*' || p.text[start] == '_' || p.text[start] == ' ') {
		start++
	}
	for end > start && (p.text[end-1] == '*' || p.text[end-1] == '_' || p.text[end-1] == ' ') {
		end--
	}
	if end <= start {
		return q, false
	}
	return text.Quotation{Open: start, End: end, Inner: text.Span{Start: start, End: end}, Closed: true}, true
}
