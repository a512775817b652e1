// Package policy makes the Job controller's decisions as pure functions: which pod failure
// policy rule a failed pod matches and what it does, when a success policy is met, how long
// to back off before the next pod, and when a Job has failed, succeeded or expired
// (spec/semantics.md §1–§7, §11). It holds the minimal, wire-compatible pod types these
// read: a Pod from a real cluster (kubectl get pod -o json) decodes into [Pod] directly.
//
// One file per decision:
//
//   - failure_policy.go: [MatchPodFailure] and [ExplainPodFailure] (§2);
//   - per_index.go: completion indexes and per-index failure counts of pods, and whether a
//     failed pod fails its index (§3.3);
//   - success_policy.go: [SucceededBy] (§5.2);
//   - backoff.go: [Backoff] and [RemainingBackoff] (§4);
//   - pods.go: pod classification and finish time (§1);
//   - job.go: the Job-level decisions and status helpers (§3, §5.1, §6, §7, §11).
//
// Matching a failed pod allocates nothing; the FailJob message is built when asked for.
package policy
