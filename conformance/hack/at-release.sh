#!/usr/bin/env bash
# Judges the committed corpus with the oracle built at another Kubernetes release, and reports
# how many answers change: ./hack/at-release.sh v1.36.3 [build tags]
# It works on a copy of the module in a temporary folder; the repository is not touched.
set -euo pipefail
release=${1:?usage: at-release.sh vMAJOR.MINOR.PATCH [tags]}
tags=${2:-}
staging=v0.${release#v1.}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/." "$work"
cd "$work"
sed -i "s#k8s.io/kubernetes v1\.[0-9.]*#k8s.io/kubernetes $release#; s#=> \(k8s.io/[a-z-]*\) v0\.[0-9.]*#=> \1 $staging#" go.mod
go mod tidy
go run -tags "$tags" ./cmd/corpus -loose -show 10 check || true
