#!/usr/bin/env bash
# Regenerates jobkit's generated code with the generators pinned as tools in go.mod.
set -euo pipefail
cd "$(dirname "$0")/.."
# The pod template's types, codec and equality are read from k8s.io/api in a module of its
# own, so that jobkit never imports it. They come first: deep copies are generated for them.
(cd hack/podschema && go run . -header ../boilerplate.go.txt -job ../../job)
go tool deepcopy-gen --output-file zz_generated.deepcopy.go --go-header-file hack/boilerplate.go.txt ./job
