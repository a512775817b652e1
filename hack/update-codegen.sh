#!/usr/bin/env bash
# Regenerates jobkit's generated code. The generators live in the hack/podschema module, so
# that neither k8s.io/api nor k8s.io/code-generator enters the module graph of jobkit's users.
set -euo pipefail
cd "$(dirname "$0")/podschema"
# The pod template's types, codec and equality, read from k8s.io/api. They come first:
# deep copies are generated for them.
go run . -header ../boilerplate.go.txt -job ../../job
# Deep copies, with the pinned deepcopy-gen (a tool of this module).
go tool deepcopy-gen --output-file zz_generated.deepcopy.go --go-header-file ../boilerplate.go.txt github.com/jobkit/jobkit/job
# Conversions between jobkit's types and k8s.io/api's, for the k8sapi module. They read the
# generated pod types, so they come last.
go run ./conversions -header ../boilerplate.go.txt -out ../../k8sapi/zz_generated.conversion.go
