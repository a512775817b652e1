#!/usr/bin/env bash
# Regenerates jobkit's generated code with the generators pinned as tools in go.mod.
set -euo pipefail
cd "$(dirname "$0")/.."
go tool deepcopy-gen --output-file zz_generated.deepcopy.go --go-header-file hack/boilerplate.go.txt ./job
# The pod schema is read from k8s.io/api in a module of its own, so that jobkit never imports it.
(cd hack/podschema && go run . ../boilerplate.go.txt ../../internal/podschema/zz_generated.schema.go)
