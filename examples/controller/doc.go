// Package controller shows jobkit in the unit tests of controllers that watch Jobs: fixtures
// from jobtest, decisions from policy, the API server's answers from validation, and, in
// parent_test.go, a JobSet-like parent that reacts to its child Jobs' failures, tested with
// the statuses the Job controller's simulator writes rather than hand-made ones. No cluster.
package controller
