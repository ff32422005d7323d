package main

import (
	"fmt"
	"io"
	"runtime"
	"text/tabwriter"
	"unsafe"

	"github.com/articlebot/articlebot/article"
)

// heapStats is the heap after a full garbage collection.
type heapStats struct {
	live  int64 // bytes of reachable objects (MemStats.HeapAlloc)
	inUse int64 // bytes of the spans holding them (MemStats.HeapInuse)
}

// heapNow collects garbage and returns what the heap holds.
func heapNow() heapStats {
	// The second collection frees what the first one's finalizers released.
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return heapStats{live: int64(ms.HeapAlloc), inUse: int64(ms.HeapInuse)}
}

func (h heapStats) minus(o heapStats) heapStats {
	return heapStats{live: h.live - o.live, inUse: h.inUse - o.inUse}
}

// footprint is the memory an engine's index holds over an article whose
// paragraphs were already in memory.
type footprint struct {
	built    heapStats // after indexing, minus before
	searched heapStats // after also answering each query once, minus before
}

// builder makes an engine over paragraphs and returns a function that
// releases it.
type builder func(paragraphs []string) (engine, func(), error)

func buildArticlebot(paragraphs []string) (engine, func(), error) {
	return newArticlebot(paragraphs), func() {}, nil
}

func buildBleve(paragraphs []string) (engine, func(), error) {
	e, err := newBleve(paragraphs)
	if err != nil {
		return nil, nil, err
	}
	return e, func() { e.idx.Close() }, nil
}

// measure returns the footprint of the engine build makes over paragraphs.
// Both engines are measured the same way: the heap after a full collection,
// with the paragraphs' text held throughout, before and after.
func measure(build builder, paragraphs []string) (footprint, error) {
	before := heapNow()
	e, release, err := build(paragraphs)
	if err != nil {
		return footprint{}, err
	}
	defer release()
	var f footprint
	f.built = heapNow().minus(before)
	for _, q := range queries {
		if _, err := e.find(q.query); err != nil {
			return footprint{}, fmt.Errorf("finding %q: %w", q.query, err)
		}
	}
	f.searched = heapNow().minus(before)
	runtime.KeepAlive(e)
	return f, nil
}

// memoryRow is the index memory of both engines at one article size.
type memoryRow struct {
	copies, paragraphs int
	textBytes          int
	articlebot, bleve  footprint
}

// measureMemory measures both engines at each size, after building and
// searching a small index with each once, so that what a process pays once
// (analyzer registries, pools) is not counted as the index's.
func measureMemory(copies []int) ([]memoryRow, error) {
	warm := texts(1)
	for _, build := range []builder{buildArticlebot, buildBleve} {
		if _, err := measure(build, warm); err != nil {
			return nil, err
		}
	}
	var rows []memoryRow
	for _, c := range copies {
		paragraphs := texts(c)
		row := memoryRow{copies: c, paragraphs: len(paragraphs)}
		for _, p := range paragraphs {
			row.textBytes += len(p)
		}
		var err error
		if row.articlebot, err = measure(buildArticlebot, paragraphs); err != nil {
			return nil, fmt.Errorf("articlebot at %d×: %w", c, err)
		}
		if row.bleve, err = measure(buildBleve, paragraphs); err != nil {
			return nil, fmt.Errorf("bleve at %d×: %w", c, err)
		}
		rows = append(rows, row)
		runtime.KeepAlive(paragraphs)
	}
	return rows, nil
}

// paragraphListBytes is what articlebot's list of paragraphs takes per
// paragraph, beside the index: a Paragraph value pointing at its text.
const paragraphListBytes = int(unsafe.Sizeof(article.Paragraph{}))

// writeMemory prints the rows as a table.
func writeMemory(w io.Writer, rows []memoryRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "size\tparagraphs\ttext\tarticlebot\tbleve\tarticlebot/bleve\tin use: articlebot\tbleve\tafter queries: articlebot\tbleve\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%d×\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n",
			r.copies, r.paragraphs, megabytes(int64(r.textBytes)),
			megabytes(r.articlebot.built.live), megabytes(r.bleve.built.live),
			ratio(r.articlebot.built.live, r.bleve.built.live),
			megabytes(r.articlebot.built.inUse), megabytes(r.bleve.built.inUse),
			megabytes(r.articlebot.searched.live), megabytes(r.bleve.searched.live))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, `
Index memory: live heap (HeapAlloc) after building the index minus before,
with the paragraphs' text (the "text" column) in memory before and after and
so counted by neither engine. "in use" is HeapInuse, the heap's spans;
"after queries" is the live heap once every query has been answered once.
articlebot's figure includes its list of paragraphs (%d bytes each); bleve's
index is in memory (scorch, one segment) and stores no text.
`, paragraphListBytes)
	return err
}

// megabytes writes n bytes in MB (10^6 bytes), or in kB below 0.1 MB.
func megabytes(n int64) string {
	if n > -100e3 && n < 100e3 {
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.2f MB", float64(n)/1e6)
}

// ratio writes a/b as a factor.
func ratio(a, b int64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}
