package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// version is the release version. A release build may set it with
// -ldflags "-X main.version=v1.2.3"; otherwise it comes from the build
// information, and is "devel" for a build from a source checkout.
var version = ""

// versionString describes this build in one line: the version, the commit
// when the build recorded one, the Go version and platform, and the
// discordgo version.
func versionString() string {
	v := version
	var details []string
	info, ok := debug.ReadBuildInfo()
	if ok {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if modified == "true" {
				rev += "+dirty"
			}
			details = append(details, "commit "+rev)
		}
	}
	if v == "" {
		v = "devel"
	}
	details = append(details, runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH)
	if ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/bwmarrin/discordgo" {
				details = append(details, "discordgo "+d.Version)
			}
		}
	}
	return fmt.Sprintf("articlebot %s (%s)", v, strings.Join(details, ", "))
}
