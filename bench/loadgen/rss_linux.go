package main

// rssBytes converts getrusage's ru_maxrss, in kilobytes on Linux, to bytes.
func rssBytes(maxrss int64) int64 { return maxrss * 1024 }
