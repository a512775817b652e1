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
// The pod template is checked by every rule of the API server's core/v1 pod template
// validation, in its order, with its paths (odd ones included, such as the
// "persistentDisk" of a gcePersistentDisk volume or the "namespace" of a pod affinity
// term's namespaces):
//
//   - template labels and annotations;
//   - volumes (podspec.go, volumes.go, volumesources.go, claims.go, certificates.go): names,
//     exactly one source of thirty, and each source's members; a volume with an error
//     cannot be mounted;
//   - containers, init containers and ephemeral containers (template.go, env.go,
//     mounts.go, restart.go, handlers.go, probes.go, securitycontext.go, resources.go,
//     claimrefs.go, ephemeral.go): names, images, termination message policies, ports and
//     host port conflicts, env vars and their sources, envFrom, volume mounts and devices,
//     pull policies, resources and claim references, resize policies, security contexts,
//     probes and lifecycle hooks with their handlers, restart policies and rules, sidecars;
//     ephemeral containers are checked, then refused in a template;
//   - the pod (podspec.go, affinity.go, topology.go, podmisc.go, podresources.go, os.go):
//     resource claims, pod-level resources, the host network, restart and DNS policies,
//     node selector, security context and sysctls, affinity, DNS config, readiness gates,
//     scheduling gates, topology spread, Windows host processes, hostname overrides,
//     service account, node name, deadline, host name and subdomain, tolerations, host
//     aliases, priority class, runtime class, preemption policy, overhead, OS-specific
//     members, and the volumes of env files.
//
// Members that core defaulting fills in (dnsPolicy, imagePullPolicy, a port's protocol, a
// probe's timings, an HTTP action's path and scheme, an image volume's pull policy) are
// accepted empty, so that a Job validated before defaulting is not refused for them. On
// the judged corpus, whose randomized mutations reach every member of PodSpec, every
// answer is the server's.
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
