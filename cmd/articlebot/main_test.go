package main

import (
	"flag"
	"os"
	"testing"
)

// TestMain runs more tests at once than the machine has cores, unless
// -parallel says otherwise: the end-to-end tests spend most of their time
// waiting, on the fake Discord and on discordgo's second-long close, not
// computing.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		if err := flag.Set("test.parallel", "8"); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
