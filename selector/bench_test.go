package selector_test

import (
	"testing"

	"github.com/jobkit/jobkit/selector"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/types"
)

// BenchmarkMatches times the check a controller makes on every pod it lists: a Job's
// generated selector against the pod's labels. The apimachinery variant converts the
// selector first, as code that calls metav1.LabelSelectorAsSelector does.
func BenchmarkMatches(b *testing.B) {
	const uid = types.UID("0b9e4fa1-7a1d-4b5e-9a43-5c1f2f8f3e11")
	sel := selector.ForJob(uid)
	pod := selector.AddLabels(map[string]string{"app": "pi"}, "pi", uid)
	b.Run("generated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if m, ok := selector.Matches(sel, pod); !m || !ok {
				b.Fatal("the generated selector must match")
			}
		}
	})
	b.Run("apimachinery", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := metav1.LabelSelectorAsSelector(sel)
			if err != nil || !s.Matches(labels.Set(pod)) {
				b.Fatal("the generated selector must match", err)
			}
		}
	})
}

// BenchmarkAddLabels times the labels the create strategy gives a Job's pod template.
func BenchmarkAddLabels(b *testing.B) {
	const uid = types.UID("0b9e4fa1-7a1d-4b5e-9a43-5c1f2f8f3e11")
	b.ReportAllocs()
	for b.Loop() {
		selector.AddLabels(map[string]string{"app": "pi"}, "pi", uid)
	}
}
