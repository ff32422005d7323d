// Buildimage builds articlebot's container image without a Docker daemon,
// from the last stage of the repository's Dockerfile, and writes it as a
// tarball that "docker load" and "podman load" read, or that crane and
// skopeo push to a registry.
//
// Usage, from the deploy directory:
//
//	go run ./cmd/buildimage -o articlebot.tar [-tag articlebot:v0.2.0] [-version v0.2.0]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/articlebot/articlebot/deploy/image"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

func main() {
	root := flag.String("root", "..", "the repository's root, which holds the Dockerfile")
	out := flag.String("o", "articlebot.tar", "write the image to this `file`")
	tag := flag.String("tag", "articlebot:latest", "the image's name and tag in the tarball")
	version := flag.String("version", "", "the version articlebot reports, the Dockerfile's VERSION argument")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := build(ctx, *root, *out, *tag, *version); err != nil {
		fmt.Fprintf(os.Stderr, "buildimage: %v\n", err)
		os.Exit(1)
	}
}

func build(ctx context.Context, root, out, tag, version string) error {
	ref, err := name.NewTag(tag)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "buildimage")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	img, err := image.Build(ctx, root, version, work)
	if err != nil {
		return err
	}
	if err := tarball.WriteToFile(out, ref, img); err != nil {
		return err
	}
	d, err := img.Digest()
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s to %s (%s)\n", ref, out, d)
	return nil
}
