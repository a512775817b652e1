// Package policy makes the Job controller's decisions as pure functions: which pod failure
// policy rule a failed pod matches and what it does, when a success policy is met, how long
// to back off before the next pod, and when a Job has failed, succeeded or expired
// (the rules of the Job controller, pkg/controller/job). It holds the minimal, wire-compatible pod types these
// read: a Pod from a real cluster (kubectl get pod -o json) decodes into [Pod] directly.
//
// One file per decision:
//
//   - failure_policy.go: [MatchPodFailure] and [ExplainPodFailure];
//   - per_index.go: completion indexes and per-index failure counts of pods, and whether a
//     failed pod fails its index;
//   - success_policy.go: [SucceededBy];
//   - backoff.go: [Backoff] and [RemainingBackoff];
//   - pods.go: pod classification and finish time;
//   - job.go: the Job-level decisions and status helpers.
//
// Matching a failed pod allocates nothing; the FailJob message is built when asked for.
package policy
