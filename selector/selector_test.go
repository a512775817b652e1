package selector_test

import (
	"github.com/jobkit/jobkit/internal/race"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jobkit/jobkit/selector"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

func TestMatches(t *testing.T) {
	set := map[string]string{"app": "pi", "tier": "batch"}
	tests := []struct {
		name        string
		sel         *metav1.LabelSelector
		want, valid bool
	}{
		{name: "nil matches nothing", sel: nil, want: false, valid: true},
		{name: "empty matches everything", sel: &metav1.LabelSelector{}, want: true, valid: true},
		{name: "matchLabels", sel: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "pi"}}, want: true, valid: true},
		{name: "matchLabels other value", sel: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "x"}}, want: false, valid: true},
		{name: "matchLabels missing key", sel: &metav1.LabelSelector{MatchLabels: map[string]string{"zone": "a"}}, want: false, valid: true},
		{name: "In", sel: expr("tier", metav1.LabelSelectorOpIn, "web", "batch"), want: true, valid: true},
		{name: "NotIn absent key", sel: expr("zone", metav1.LabelSelectorOpNotIn, "a"), want: true, valid: true},
		{name: "NotIn present value", sel: expr("app", metav1.LabelSelectorOpNotIn, "pi"), want: false, valid: true},
		{name: "Exists", sel: expr("app", metav1.LabelSelectorOpExists), want: true, valid: true},
		{name: "DoesNotExist", sel: expr("app", metav1.LabelSelectorOpDoesNotExist), want: false, valid: true},
		{name: "In without values", sel: expr("app", metav1.LabelSelectorOpIn), valid: false},
		{name: "Exists with values", sel: expr("app", metav1.LabelSelectorOpExists, "pi"), valid: false},
		{name: "unknown operator", sel: expr("app", "Equals", "pi"), valid: false},
		{name: "bad key", sel: &metav1.LabelSelector{MatchLabels: map[string]string{"a/b/c": "x"}}, valid: false},
		{name: "bad value", sel: &metav1.LabelSelector{MatchLabels: map[string]string{"app": "-x"}}, valid: false},
		{name: "bad expression value", sel: expr("app", metav1.LabelSelectorOpIn, "pi", "no spaces"), valid: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := selector.Matches(tt.sel, set)
			if got != tt.want || ok != tt.valid {
				t.Fatalf("Matches = %v, %v; want %v, %v", got, ok, tt.want, tt.valid)
			}
			if ok != selector.Valid(tt.sel) {
				t.Fatalf("Valid = %v, Matches ok = %v", selector.Valid(tt.sel), ok)
			}
		})
	}
}

func expr(key string, op metav1.LabelSelectorOperator, values ...string) *metav1.LabelSelector {
	return &metav1.LabelSelector{MatchExpressions: []metav1.LabelSelectorRequirement{{Key: key, Operator: op, Values: values}}}
}

func TestGenerate(t *testing.T) {
	got := selector.AddLabels(map[string]string{"app": "pi", "job-name": "other"}, "pi", "u-1")
	want := map[string]string{
		"app":                                "pi",
		"job-name":                           "other", // present keys keep their value
		"batch.kubernetes.io/job-name":       "pi",
		"controller-uid":                     "u-1",
		"batch.kubernetes.io/controller-uid": "u-1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("AddLabels (-want +got):\n%s", diff)
	}
	sel := selector.AddSelector(&metav1.LabelSelector{MatchLabels: map[string]string{"app": "pi"}}, "u-1")
	if diff := cmp.Diff(map[string]string{"app": "pi", selector.ControllerUIDLabel: "u-1"}, sel.MatchLabels); diff != "" {
		t.Fatalf("AddSelector (-want +got):\n%s", diff)
	}
	if m, ok := selector.MatchesGenerated(selector.ForJob("u-1"), "pi", "u-1", true); !m || !ok {
		t.Fatal("the generated selector must match the generated labels")
	}
	if m, _ := selector.MatchesGenerated(sel, "pi", "u-1", true); m {
		t.Fatal("a selector with an extra key must not match the generated labels")
	}
	if m, _ := selector.MatchesGenerated(selector.ForJob("u-1"), "pi", "u-1", false); m {
		t.Fatal("without the prefixed labels the generated selector cannot match")
	}
}

func TestMatchesDoesNotAllocate(t *testing.T) {
	if race.Enabled {
		t.Skip("the race detector changes allocation counts")
	}
	sel := &metav1.LabelSelector{
		MatchLabels:      map[string]string{selector.ControllerUIDLabel: "u-1"},
		MatchExpressions: []metav1.LabelSelectorRequirement{{Key: "app", Operator: metav1.LabelSelectorOpIn, Values: []string{"pi"}}},
	}
	set := selector.AddLabels(map[string]string{"app": "pi"}, "pi", "u-1")
	allocs := testing.AllocsPerRun(100, func() {
		selector.Matches(sel, set)
		selector.MatchesGenerated(sel, "pi", "u-1", true)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations, want 0", allocs)
	}
}

// FuzzMatchesAgreesWithApimachinery builds a selector and a label set from the input and
// requires Matches to answer as apimachinery's converted selector does.
func FuzzMatchesAgreesWithApimachinery(f *testing.F) {
	f.Add("app=pi;tier", "In:tier:batch,web", "app=pi;tier=batch")
	f.Add("a/b/c=x", "Exists:app:", "app=pi")
	f.Add("", "NotIn:zone:a", "")
	f.Add("", "Bogus:app:x", "app=x")
	f.Fuzz(func(t *testing.T, matchLabels, expressions, set string) {
		sel := &metav1.LabelSelector{MatchLabels: pairs(matchLabels)}
		for _, e := range strings.Split(expressions, ";") {
			parts := strings.SplitN(e, ":", 3)
			if len(parts) != 3 {
				continue
			}
			var values []string
			if parts[2] != "" {
				values = strings.Split(parts[2], ",")
			}
			sel.MatchExpressions = append(sel.MatchExpressions, metav1.LabelSelectorRequirement{
				Operator: metav1.LabelSelectorOperator(parts[0]), Key: parts[1], Values: values,
			})
		}
		labelSet := pairs(set)
		got, ok := selector.Matches(sel, labelSet)
		converted, err := metav1.LabelSelectorAsSelector(sel)
		if ok != (err == nil) {
			t.Fatalf("ok = %v, apimachinery error = %v for %+v", ok, err, sel)
		}
		if ok && got != converted.Matches(labels.Set(labelSet)) {
			t.Fatalf("Matches = %v, apimachinery %v for %+v on %v", got, !got, sel, labelSet)
		}
	})
}

// pairs reads "k=v;k2=v2" (a key without "=" has an empty value).
func pairs(s string) map[string]string {
	m := map[string]string{}
	for _, p := range strings.Split(s, ";") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		m[k] = v
	}
	return m
}
