package sim

import (
	"errors"
	"strconv"
	"time"

	"github.com/jobkit/jobkit/internal/names"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
)

// maxPodChanges caps the pods one sync creates or deletes (and the finished pods it counts).
const maxPodChanges = 500

// minRequeue is the shortest delay of a re-sync the controller asks for after pod failures.
const minRequeue = time.Second

// deleteActivePods deletes every active pod of a Job that meets a finishing criterion,
// keeping their finalizers for the tracking to remove, and returns how many of them were
// ready and how many were deleted.
func (s *syncer) deleteActivePods() (ready, deleted int32) {
	for _, p := range s.active {
		s.delete(p)
		if policy.IsReady(p) {
			ready++
		}
	}
	return ready, int32(len(s.active))
}

// delete asks the API server to delete a pod.
func (s *syncer) delete(p *policy.Pod) {
	s.res.Deleted = append(s.res.Deleted, p.Name)
	s.event(EventNormal, "SuccessfulDelete", "Deleted pod: "+p.Name)
}

// deleteTracked removes a pod's tracking finalizer, then deletes it.
func (s *syncer) deleteTracked(pods []*policy.Pod) (ready, deleted int32) {
	for _, p := range pods {
		if hasTrackingFinalizer(p) {
			s.res.FinalizersRemoved = append(s.res.FinalizersRemoved, p.Name)
		}
		s.delete(p)
		if policy.IsReady(p) {
			ready++
		}
	}
	return ready, int32(len(pods))
}

// manage brings the number of active pods to what the Job wants, and returns the number of
// active pods after it: a suspended Job's pods are deleted; surplus pods, and for Indexed
// Jobs pods with a repeated, missing or out-of-range index, are deleted; missing pods are
// created, unless a pod failure backoff is running. A sync that deletes creates nothing.
func (s *syncer) manage() (int32, error) {
	j := s.j
	active := int32(len(s.active))
	if policy.IsSuspended(j) {
		ready, deleted := s.deleteTracked(podsForRemoval(j, s.active, int(active)))
		s.terminating += deleted
		s.ready -= ready
		return active - deleted, nil
	}
	want := s.wantActive(active)
	rm := podsForRemoval(j, s.active, int(max(active-want, 0)))
	if len(rm) > maxPodChanges {
		rm = rm[:maxPodChanges]
	}
	if len(rm) > 0 {
		ready, deleted := s.deleteTracked(rm)
		s.terminating += deleted
		s.ready -= ready
		return active - deleted, nil
	}
	terminating := int32(0)
	if onlyReplaceFailed(j) {
		terminating = s.terminating
	}
	diff := want - terminating - active
	if diff <= 0 {
		return active, nil
	}
	if j.Spec.BackoffLimitPerIndex == nil {
		if left := remaining(s.newBackoff, s.in.Now); left > 0 {
			s.requeue(max(left, minRequeue))
			return active, nil
		}
	}
	diff = min(diff, maxPodChanges)
	var toCreate []int
	if s.indexed() {
		toCreate = s.firstPendingIndexes(int(diff))
		if j.Spec.BackoffLimitPerIndex != nil {
			var left time.Duration
			if toCreate, left = s.indexesReady(toCreate); left > 0 {
				s.requeue(max(left, minRequeue))
				return active, nil
			}
		}
		diff = int32(len(toCreate))
	}
	created, err := s.create(int(diff), toCreate)
	return active + int32(created), err
}

// wantActive is how many pods the Job should have active: without completions, its
// parallelism until a pod succeeds, then as many as are active; with completions, the
// completions left, at most parallelism.
func (s *syncer) wantActive(active int32) int32 {
	parallelism := *s.j.Spec.Parallelism
	if s.j.Spec.Completions == nil {
		if s.succeeded > 0 {
			return active
		}
		return parallelism
	}
	return max(min(*s.j.Spec.Completions-s.succeeded, parallelism), 0)
}

// create asks for n pods, at the given completion indexes for Indexed Jobs, and returns how
// many were created.
func (s *syncer) create(n int, toCreate []int) (int, error) {
	j := s.j
	template := j.Spec.Template.DeepCopy()
	if s.indexed() {
		addCompletionIndexEnv(template)
	}
	if !contains(template.Finalizers, job.JobTrackingFinalizer) {
		template.Finalizers = append(template.Finalizers, job.JobTrackingFinalizer)
	}
	if len(template.Labels) == 0 {
		return 0, errors.New("unable to create pods, no labels")
	}
	for i := range n {
		pod := CreatedPod{Index: -1, GenerateName: podsPrefix(j.Name), Template: *template.DeepCopy()}
		if len(toCreate) > 0 {
			pod = s.indexedPod(template, toCreate[i])
		}
		pod.Name = s.name(pod.GenerateName)
		s.res.Created = append(s.res.Created, pod)
		s.event(EventNormal, "SuccessfulCreate", "Created pod: "+pod.Name)
	}
	return n, nil
}

// indexedPod is the pod of one completion index: the index in its annotation and label, its
// hostname, and for per-index Jobs the failure counts of the pod it replaces.
func (s *syncer) indexedPod(template *job.PodTemplateSpec, ix int) CreatedPod {
	t := template.DeepCopy()
	if t.Annotations == nil {
		t.Annotations = map[string]string{}
	}
	if t.Labels == nil {
		t.Labels = map[string]string{}
	}
	t.Annotations[job.JobCompletionIndexAnnotation] = strconv.Itoa(ix)
	t.Labels[job.JobCompletionIndexAnnotation] = strconv.Itoa(ix)
	t.Spec.Hostname = s.j.Name + "-" + strconv.Itoa(ix)
	if s.j.Spec.BackoffLimitPerIndex != nil {
		failures, ignored := s.failureCounts(s.delayed[ix])
		t.Annotations[job.JobIndexFailureCountAnnotation] = strconv.Itoa(int(failures))
		if ignored > 0 {
			t.Annotations[job.JobIndexIgnoredFailureCountAnnotation] = strconv.Itoa(int(ignored))
		}
	}
	return CreatedPod{Index: ix, GenerateName: indexedGenerateName(s.j.Name, ix), Template: *t}
}

// failureCounts are the failure counts a pod that replaces failed gets: its own, with its
// failure added to the ignored count when an Ignore rule matched it, else to the counted.
func (s *syncer) failureCounts(failed *policy.Pod) (failures, ignored int32) {
	if failed == nil {
		return 0, 0
	}
	failures, ignored = policy.IndexFailureCount(failed), policy.IndexIgnoredFailureCount(failed)
	if s.j.Spec.PodFailurePolicy != nil && !policy.MatchPodFailure(s.j.Spec.PodFailurePolicy, failed).CountFailed {
		return failures, ignored + 1
	}
	return failures + 1, ignored
}

// addCompletionIndexEnv gives every container and init container the JOB_COMPLETION_INDEX
// variable, read from the pod's completion index label, unless it has one.
func addCompletionIndexEnv(t *job.PodTemplateSpec) {
	for _, list := range [][]job.Container{t.Spec.InitContainers, t.Spec.Containers} {
		for i := range list {
			addIndexEnv(&list[i])
		}
	}
}

func addIndexEnv(c *job.Container) {
	for _, e := range c.Env {
		if e.Name == job.CompletionIndexEnvName {
			return
		}
	}
	c.Env = append(c.Env, job.EnvVar{Name: job.CompletionIndexEnvName, ValueFrom: &job.EnvVarSource{
		FieldRef: &job.ObjectFieldSelector{FieldPath: completionIndexField},
	}})
}

// completionIndexField is the field the JOB_COMPLETION_INDEX variable reads: the pod's
// completion index label.
const completionIndexField = "metadata.labels['" + job.JobCompletionIndexAnnotation + "']"

// podsPrefix is the generateName of a Job's pods: its name and a dash, or its name alone
// when that would not make a valid name prefix.
func podsPrefix(name string) string {
	if prefix := name + "-"; names.IsDNS1123SubdomainPrefix(prefix) {
		return prefix
	}
	return name
}

// indexedGenerateName is <job>-<index>-, the Job's name cut to keep it within 58 characters.
func indexedGenerateName(name string, ix int) string {
	const maxGeneratedNameLength = 58
	suffix := "-" + strconv.Itoa(ix) + "-"
	if prefix := name + suffix; len(prefix) <= maxGeneratedNameLength {
		return prefix
	}
	return (name + suffix)[:maxGeneratedNameLength-len(suffix)] + suffix
}

// name is the name the API server gives a pod created with generateName.
func (s *syncer) name(generateName string) string {
	if s.in.Name != nil {
		return s.in.Name(generateName)
	}
	s.generated[generateName]++
	return generateName + zeroPad(s.generated[generateName])
}

func zeroPad(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 5 {
		s = "0" + s
	}
	return s
}

func onlyReplaceFailed(j *job.Job) bool {
	return j.Spec.PodReplacementPolicy != nil && *j.Spec.PodReplacementPolicy == job.Failed
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
