package oracle

import (
	"fmt"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/klog/v2"
	"k8s.io/utils/ptr"
)

// Match judges how the Job controller reads one pod of a Job against its pod failure policy.
func Match(in MatchInput) (out MatchExpect) {
	out.ID = in.ID
	defer func() {
		if r := recover(); r != nil {
			out = MatchExpect{ID: in.ID, Panic: fmt.Sprint(r)}
		}
	}()
	j, err := decodeV1Job(in.Job)
	if err != nil {
		return MatchExpect{ID: in.ID, Error: "job: " + err.Error()}
	}
	pod, err := decodeV1Pod(in.Pod)
	if err != nil {
		return MatchExpect{ID: in.ID, Error: "pod: " + err.Error()}
	}
	msg, countFailed, action := matchPodFailurePolicy(j.Spec.PodFailurePolicy, pod)
	out.CountFailed = countFailed
	out.Message = msg
	if action != nil {
		out.Action = ptr.To(string(*action))
		out.RuleIndex = ptr.To(decidingRule(j.Spec.PodFailurePolicy, pod))
		if *action == batchv1.PodFailurePolicyActionFailJob {
			out.Reason = ptr.To(batchv1.JobReasonPodFailurePolicy)
		}
	}
	out.PodFailed = isPodFailed(pod, j)
	if ptr.Deref(j.Spec.CompletionMode, "") == batchv1.IndexedCompletion && j.Spec.BackoffLimitPerIndex != nil {
		out.IndexFailed = ptr.To(isIndexFailed(klog.Background(), j, pod))
	}
	out.CompletionIndex = getCompletionIndex(pod.Annotations)
	valid := Validate(ValidateInput{ID: in.ID, Op: "create", Object: in.Job})
	out.JobValid = len(valid.Errors) == 0 && valid.RequestError == "" && valid.Panic == ""
	return out
}

// decidingRule finds the index of the rule that decided, as the shortest prefix of the rules
// that the controller's matching already decides with.
func decidingRule(policy *batchv1.PodFailurePolicy, pod *corev1.Pod) int {
	for k := range policy.Rules {
		prefix := &batchv1.PodFailurePolicy{Rules: policy.Rules[:k+1]}
		if _, _, action := matchPodFailurePolicy(prefix, pod); action != nil {
			return k
		}
	}
	return -1
}
