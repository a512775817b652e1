package policy

import "time"

// The Job controller's backoff before it creates a pod after failures.
const (
	// DefaultBackoff is the delay after the first failure.
	DefaultBackoff = 10 * time.Second
	// MaxBackoff caps the delay.
	MaxBackoff = 10 * time.Minute
)

// Backoff returns the delay after n consecutive failures: none for n <= 0, then 10s,
// doubling with each failure, and at most 10 minutes: 10s, 20s, 40s, ..., 320s, 600s.
func Backoff(n int) time.Duration {
	if n <= 0 {
		return 0
	}
	d := DefaultBackoff
	for i := 1; i < n; i++ {
		if d *= 2; d >= MaxBackoff {
			return MaxBackoff
		}
	}
	return d
}

// RemainingBackoff returns how much of Backoff(n) is left at now, the last failure having
// been at lastFailure; zero once it has passed. The controller re-syncs a Job after
// max(remaining, 1s).
func RemainingBackoff(n int, lastFailure, now time.Time) time.Duration {
	d := Backoff(n)
	elapsed := now.Sub(lastFailure)
	if d < elapsed {
		return 0
	}
	return d - elapsed
}
