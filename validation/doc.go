// Package validation is the Kubernetes API server's validation of batch/v1 Jobs, error for
// error: each rule reports the field path and error type the server reports, in its order,
// so callers can use field.ErrorList and apierrors.NewInvalid as the server does.
//
// Validate what the server validates: a Job after job.SetDefaults and
// job.PrepareForCreate (or PrepareForUpdate, PrepareForStatusUpdate). Validation does not
// decode, default or modify its input, and a valid Job allocates nothing.
//
// # Where each rule is
//
//   - [ValidateJob]: create. Metadata in meta.go; generated selector and labels and
//     selector rules in selector.go; the spec in spec.go (counts, deadlines, completion
//     modes and the Indexed limits, podReplacementPolicy, the restart policy),
//     podfailurepolicy.go, successpolicy.go, template.go and scheduling.go (spec.scheduling,
//     hand-written and declarative rules); the Indexed hostname rule in job.go.
//   - [ValidateJobUpdate]: update, immutability in update.go, template mutability of
//     suspended Jobs in template_update.go.
//   - [ValidateJobStatusUpdate]: status updates in status.go, with the rules that
//     apply derived from what changed.
//   - [ValidateJobTemplateSpec]: a CronJob's Job template.
//   - [Warnings]: the warnings of accepted requests.
//   - [ValidateCreateOptions], [ValidateUpdateOptions], [ValidatePatchOptions],
//     [ValidateDeleteOptions], [ValidateListOptions]: request options of the endpoints.
//   - [InvalidError]: the 422 status error of a rejected request.
//
// # The pod template
//
// jobkit does not carry the whole core/v1 pod schema, so of the API server's pod template
// validation it applies what Job users hit most, measured on the judged cases and
// real-world manifests, and what does not depend on core/v1 defaulting:
//
//   - template labels and annotations;
//   - containers: at least one; container and init container names (present, DNS labels,
//     unique across both lists); images present; ports (names, numbers, protocols, and
//     host ports on the host network); env var names; volume mounts (a name that is a
//     valid volume of the pod, a mount path present and unique in the container); image
//     pull policies; resources (names a container may ask for, quantities not negative and
//     whole for integer resources, requests within limits and equal to them for resources
//     that may not be overcommitted, huge pages in whole pages and with cpu or memory);
//     security contexts (privileged unless [Options].DenyPrivileged, user and group
//     IDs in range); probes (one handler, timings, thresholds; on init containers only
//     for sidecars);
//   - volumes: names present, DNS labels and unique; a volume with two sources is not
//     valid to mount (the sources themselves are not checked);
//   - the pod's DNS policy, node selector, security context IDs, scheduling gates, service
//     account, priority class, host name, subdomain, tolerations and
//     activeDeadlineSeconds;
//   - no ephemeral containers.
//
// Members that core defaulting fills in (dnsPolicy, imagePullPolicy, a port's protocol)
// are accepted empty. Not checked: volume sources, env var sources, probe handlers' own
// members, lifecycle hooks, container restart rules, host port conflicts, capabilities,
// seccomp and AppArmor profiles, sysctls, affinity, DNS config, topology spread, resource
// claims, pod-level resources, OS-specific rules, and pod-specific annotations. On the
// judged cases and real-world manifests these checks reproduce all 243 errors that come
// from core pod template validation. The Job's own template rules — restart policy, selector match,
// generated labels, container names in the pod failure policy, mutability — are all
// applied.
//
// # Deviations
//
// The API server fails with an internal error on an Indexed Job that has a successPolicy
// and no completions; jobkit reports the missing completions and skips the checks of the
// rules that need them. A nil Job gives an InternalError instead of a panic.
//
// # Options and gates
//
// The zero [Options] is Kubernetes 1.37 with its default feature gates: WorkloadWithJob
// off, MutablePodResourcesForSuspendedJobs and MutableSchedulingDirectivesForSuspendedJobs
// on. Everything the server derives from the stored Job is derived from the old Job given.
package validation
