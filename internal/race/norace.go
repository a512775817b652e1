//go:build !race

// Package race says whether the race detector is on: it changes how much code allocates,
// so tests that count allocations skip under it.
package race

// Enabled is true in a build with -race.
const Enabled = false
