# articlebot's container image: a static binary on an empty base, run as an
# unprivileged user. From the repository's root:
#
#   docker build -t articlebot .
#   docker build --build-arg VERSION=v0.2.0 -t articlebot:v0.2.0 .
#
# Without a Docker daemon, deploy/cmd/buildimage builds the same image from
# this file's last stage (see docs/deployment.md).

FROM golang:1.26-bookworm AS build
# The version "articlebot version" reports; empty means the one Go records.
ARG VERSION=
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" \
        -o /out/articlebot ./cmd/articlebot

FROM scratch
# Root certificates, for the HTTPS and websocket connections to Discord.
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/articlebot /articlebot
# A user with no name and no home: the binary needs neither.
USER 65532:65532
# HTTP_ADDR's default, where "articlebot serve" listens.
EXPOSE 8080
ENTRYPOINT ["/articlebot"]
CMD ["serve"]
# /healthz of serve on HTTP_ADDR, or of run on METRICS_ADDR when it is set;
# the binary is its own probe, since the image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/articlebot", "healthcheck"]
