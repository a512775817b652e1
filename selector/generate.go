package selector

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// The generated label keys.
const (
	// JobNameLabel holds the Job's name.
	JobNameLabel = "batch.kubernetes.io/job-name"
	// ControllerUIDLabel holds the Job's UID; generated selectors select on it.
	ControllerUIDLabel = "batch.kubernetes.io/controller-uid"
	// LegacyJobNameLabel is the unprefixed job-name label.
	LegacyJobNameLabel = "job-name"
	// LegacyControllerUIDLabel is the unprefixed controller-uid label.
	LegacyControllerUIDLabel = "controller-uid"
)

// AddLabels adds the generated labels of a Job with this name and UID to labels where
// their keys are absent, and returns labels: a new map when labels is nil. Present keys
// keep their values, right or wrong; validation reports wrong ones.
func AddLabels(labels map[string]string, name string, uid types.UID) map[string]string {
	if labels == nil {
		labels = make(map[string]string, 4)
	}
	setAbsent(labels, LegacyJobNameLabel, name)
	setAbsent(labels, JobNameLabel, name)
	setAbsent(labels, LegacyControllerUIDLabel, string(uid))
	setAbsent(labels, ControllerUIDLabel, string(uid))
	return labels
}

func setAbsent(labels map[string]string, key, value string) {
	if _, ok := labels[key]; !ok {
		labels[key] = value
	}
}

// AddSelector adds the generated requirement, batch.kubernetes.io/controller-uid equal to
// uid, to sel's matchLabels unless the key is there, and returns sel: a new selector when
// sel is nil. Other matchLabels and matchExpressions are kept.
func AddSelector(sel *metav1.LabelSelector, uid types.UID) *metav1.LabelSelector {
	if sel == nil {
		sel = &metav1.LabelSelector{}
	}
	if sel.MatchLabels == nil {
		sel.MatchLabels = make(map[string]string, 1)
	}
	setAbsent(sel.MatchLabels, ControllerUIDLabel, string(uid))
	return sel
}

// ForJob returns the selector the API server generates for a Job with this UID.
func ForJob(uid types.UID) *metav1.LabelSelector {
	return AddSelector(nil, uid)
}

// Generated returns the four labels the API server generates for a Job.
func Generated(name string, uid types.UID) map[string]string {
	return AddLabels(nil, name, uid)
}

// MatchesGenerated reports whether sel matches the label set a Job with this name and UID
// generates: the two unprefixed labels, and the two prefixed ones when prefixed is true.
// ok is false when sel cannot be converted to a selector.
func MatchesGenerated(sel *metav1.LabelSelector, name string, uid types.UID, prefixed bool) (matches, ok bool) {
	return match(sel, func(key string) (string, bool) {
		switch key {
		case LegacyJobNameLabel:
			return name, true
		case LegacyControllerUIDLabel:
			return string(uid), true
		case JobNameLabel:
			return name, prefixed
		case ControllerUIDLabel:
			return string(uid), prefixed
		}
		return "", false
	})
}
