package validation

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Warnings returns the warnings the API server sends with an accepted create (old nil) or
// update of j, each as "<path>: <message>":
//
//   - on create, a name that is not a DNS label (pod names and hostnames derive from it);
//   - on create, and on an update that changes the spec (the generation), an Indexed Job
//     with more than 10^5 completions and a parallelism above 10^4;
//   - with either, the pod template warnings for image pull secrets without a name,
//     fractional memory and ephemeral-storage quantities (of containers and of the pod's
//     overhead) and a negative terminationGracePeriodSeconds. Other core pod template
//     warnings (deprecated annotations and volume types, duplicate env vars and ports,
//     affinity terms) are not produced.
//
// Status updates have no warnings.
func Warnings(j, old *job.Job) []string {
	if j == nil {
		return nil
	}
	var warnings []string
	if old == nil {
		if msgs := validation.IsDNS1123Label(j.Name); len(msgs) != 0 {
			warnings = append(warnings, fmt.Sprintf("metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: %v", msgs))
		}
	} else if j.Generation == old.Generation {
		return nil
	}
	return append(warnings, specWarnings(&j.Spec, field.NewPath("spec"))...)
}

// specWarnings returns the warnings about a Job spec at base.
func specWarnings(s *job.JobSpec, base *field.Path) []string {
	var warnings []string
	if s.CompletionMode != nil && *s.CompletionMode == job.IndexedCompletion &&
		deref(s.Completions) > HighCompletions && deref(s.Parallelism) > MaxParallelismForHighCompletions {
		warnings = append(warnings, base.String()+": In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail")
	}
	spec := base.Child("template", "spec")
	for i, ref := range s.Template.Spec.ImagePullSecrets {
		if ref.Name == "" {
			warnings = append(warnings, fmt.Sprintf("%s: invalid empty name %q", spec.Child("imagePullSecrets").Index(i).Child("name"), ref.Name))
		}
	}
	for _, name := range []job.ResourceName{job.ResourceMemory, job.ResourceEphemeralStorage} {
		if q, ok := s.Template.Spec.Overhead[name]; ok && q.MilliValue()%1000 != 0 {
			warnings = append(warnings, fmt.Sprintf("%s: fractional byte value %q is invalid, must be an integer", spec.Child("overhead").Key(string(name)), q.String()))
		}
	}
	for _, group := range []struct {
		name       string
		containers []job.Container
	}{{"initContainers", s.Template.Spec.InitContainers}, {"containers", s.Template.Spec.Containers}} {
		for i := range group.containers {
			warnings = append(warnings, resourceWarnings(&group.containers[i].Resources, spec.Child(group.name).Index(i).Child("resources"))...)
		}
	}
	if grace := s.Template.Spec.TerminationGracePeriodSeconds; grace != nil && *grace < 0 {
		warnings = append(warnings, spec.Child("terminationGracePeriodSeconds").String()+": must be >= 0; negative values are invalid and will be treated as 1")
	}
	return warnings
}

// resourceWarnings warns of memory and ephemeral-storage quantities that are not whole
// bytes.
func resourceWarnings(r *job.ResourceRequirements, p *field.Path) []string {
	var warnings []string
	for _, name := range []job.ResourceName{job.ResourceMemory, job.ResourceEphemeralStorage} {
		for _, list := range []struct {
			name      string
			resources job.ResourceList
		}{{"limits", r.Limits}, {"requests", r.Requests}} {
			if q, ok := list.resources[name]; ok && q.MilliValue()%1000 != 0 {
				warnings = append(warnings, fmt.Sprintf("%s: fractional byte value %q is invalid, must be an integer", p.Child(list.name).Key(string(name)), q.String()))
			}
		}
	}
	return warnings
}

func deref(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}
