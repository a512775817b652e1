package selector

import (
	"slices"

	"github.com/jobkit/jobkit/internal/names"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Matches reports whether sel matches a set of labels. A nil selector matches nothing and
// an empty one everything. ok is false, and matches false, when sel cannot be converted to
// a selector: a key that is not a qualified name, a value that is not a label value, an
// unknown operator, In or NotIn without values, or Exists or DoesNotExist with values.
func Matches(sel *metav1.LabelSelector, labels map[string]string) (matches, ok bool) {
	return match(sel, func(key string) (string, bool) {
		v, ok := labels[key]
		return v, ok
	})
}

// Valid reports whether sel converts to a selector (see Matches).
func Valid(sel *metav1.LabelSelector) bool {
	_, ok := match(sel, func(string) (string, bool) { return "", false })
	return ok
}

// match evaluates sel against the label set that get reads. Every requirement is checked
// for validity before any is evaluated, so ok does not depend on the labels.
func match(sel *metav1.LabelSelector, get func(string) (string, bool)) (matches, ok bool) {
	if sel == nil {
		return false, true
	}
	if !convertible(sel) {
		return false, false
	}
	for k, v := range sel.MatchLabels {
		if got, ok := get(k); !ok || got != v {
			return false, true
		}
	}
	for i := range sel.MatchExpressions {
		if !requirementMatches(&sel.MatchExpressions[i], get) {
			return false, true
		}
	}
	return true, true
}

// convertible reports whether apimachinery's LabelSelectorAsSelector accepts sel.
func convertible(sel *metav1.LabelSelector) bool {
	for k, v := range sel.MatchLabels {
		if !names.IsQualifiedName(k) || !names.IsLabelValue(v) {
			return false
		}
	}
	for i := range sel.MatchExpressions {
		r := &sel.MatchExpressions[i]
		switch r.Operator {
		case metav1.LabelSelectorOpIn, metav1.LabelSelectorOpNotIn:
			if len(r.Values) == 0 {
				return false
			}
		case metav1.LabelSelectorOpExists, metav1.LabelSelectorOpDoesNotExist:
			if len(r.Values) != 0 {
				return false
			}
		default:
			return false
		}
		if !names.IsQualifiedName(r.Key) {
			return false
		}
		for _, v := range r.Values {
			if !names.IsLabelValue(v) {
				return false
			}
		}
	}
	return true
}

// requirementMatches evaluates one valid requirement.
func requirementMatches(r *metav1.LabelSelectorRequirement, get func(string) (string, bool)) bool {
	v, has := get(r.Key)
	switch r.Operator {
	case metav1.LabelSelectorOpIn:
		return has && slices.Contains(r.Values, v)
	case metav1.LabelSelectorOpNotIn:
		return !has || !slices.Contains(r.Values, v)
	case metav1.LabelSelectorOpExists:
		return has
	default: // DoesNotExist
		return !has
	}
}
