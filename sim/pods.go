package sim

import (
	"fmt"
	"slices"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/policy"
	"github.com/jobkit/jobkit/selector"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// claimPods returns the Job's pods as the controller claims them: the pods it controls, then
// those of its namespace without a controller, in the cache's order; a controlled pod that
// no longer matches the selector is released, an orphan that matches is adopted (and counts
// as having the tracking finalizer). Neither happens while the Job is being deleted; an
// orphan being deleted is not adopted.
func (s *syncer) claimPods() ([]*policy.Pod, error) {
	j := s.j
	if !selector.Valid(j.Spec.Selector) {
		_, err := metav1.LabelSelectorAsSelector(j.Spec.Selector)
		return nil, fmt.Errorf("couldn't convert Job selector: %v", err)
	}
	var owned, orphans []*policy.Pod
	for _, p := range s.in.Pods {
		if p.Namespace != j.Namespace && p.Namespace != "" {
			continue
		}
		switch ref := metav1.GetControllerOfNoCopy(p); {
		case ref == nil:
			orphans = append(orphans, p)
		case ref.Kind == job.Kind && ref.Name == j.Name && ref.UID == j.UID:
			owned = append(owned, p)
		}
	}
	var claimed []*policy.Pod
	for _, p := range owned {
		if matches(j, p) {
			claimed = append(claimed, p)
		} else if j.DeletionTimestamp == nil {
			// The release drops the tracking finalizer too, whether the pod has it or not.
			s.res.Released = append(s.res.Released, p.Name)
			s.res.FinalizersRemoved = append(s.res.FinalizersRemoved, p.Name)
		}
	}
	for _, p := range orphans {
		if j.DeletionTimestamp != nil || !matches(j, p) || p.DeletionTimestamp != nil {
			continue
		}
		s.res.Adopted = append(s.res.Adopted, p.Name)
		claimed = append(claimed, adopted(p))
	}
	return claimed, nil
}

// matches reports whether the Job's selector matches the pod's labels.
func matches(j *job.Job, p *policy.Pod) bool {
	ok, _ := selector.Matches(j.Spec.Selector, p.Labels)
	return ok
}

// adopted is an orphan pod as the controller goes on with it after adopting it: with the
// tracking finalizer, which the adoption added.
func adopted(p *policy.Pod) *policy.Pod {
	if hasTrackingFinalizer(p) {
		return p
	}
	c := *p
	c.Finalizers = append(slices.Clone(p.Finalizers), job.JobTrackingFinalizer)
	return &c
}
