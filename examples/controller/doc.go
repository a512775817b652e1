// Package controller shows jobkit in the unit tests of a controller that watches Jobs:
// fixtures from jobtest, decisions from policy, and the API server's answers from
// validation, with no cluster. See controller_test.go.
package controller
