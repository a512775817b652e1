#!/usr/bin/env bash
# Regenerates jobkit's generated code with the generators pinned as tools in go.mod.
set -euo pipefail
cd "$(dirname "$0")/.."
go tool deepcopy-gen --output-file zz_generated.deepcopy.go --go-header-file hack/boilerplate.go.txt ./job
