// Package jobtest builds Jobs for tests, as net/http/httptest serves net/http's:
//
//	j := jobtest.Make("pi", "default").Indexed(5).Parallelism(2).BackoffLimitPerIndex(1).Obj()
//
// [Make] returns a Job that the API server would accept as it stands: defaulted, with a UID
// and the generated selector and template labels, one container and restartPolicy Never.
// Setters are named after the JSON fields they set and return the wrapper, so they chain;
// [Wrapper.Obj] returns the Job and [Wrapper.Clone] a deep copy of the wrapper.
//
// [CompareErrors] and [EquateJobs] are go-cmp options for comparing what validation
// returns and Jobs themselves.
package jobtest
