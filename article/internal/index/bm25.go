package index

import "math"

// BM25 parameters, as Lucene sets them by default: k1 bounds how much a
// repeated word adds, b how much a long document is discounted.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// IDF is BM25's inverse document frequency of a word that df of n
// documents hold.
func IDF(n, df float64) float64 {
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// TF is BM25's saturated weight of a word occurring tf times in a
// document of length words, where documents average avgLen words.
func TF(tf, length, avgLen float64) float64 {
	return tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*length/avgLen))
}
