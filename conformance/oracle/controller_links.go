package oracle

import (
	_ "unsafe" // for go:linkname

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/klog/v2"

	_ "k8s.io/kubernetes/pkg/apis/batch/validation" // for the linknamed index checks
	_ "k8s.io/kubernetes/pkg/controller/job"        // for the linknamed controller helpers
)

// The Job controller's unexported helpers, pulled by //go:linkname. The declarations repeat
// upstream's signatures; interval and orderedIntervals repeat the layout of its types.

type interval struct {
	First int
	Last  int
}

type orderedIntervals []interval

//go:linkname matchPodFailurePolicy k8s.io/kubernetes/pkg/controller/job.matchPodFailurePolicy
func matchPodFailurePolicy(podFailurePolicy *batchv1.PodFailurePolicy, failedPod *corev1.Pod) (*string, bool, *batchv1.PodFailurePolicyAction)

//go:linkname isPodFailed k8s.io/kubernetes/pkg/controller/job.isPodFailed
func isPodFailed(p *corev1.Pod, job *batchv1.Job) bool

//go:linkname isIndexFailed k8s.io/kubernetes/pkg/controller/job.isIndexFailed
func isIndexFailed(logger klog.Logger, job *batchv1.Job, pod *corev1.Pod) bool

//go:linkname getCompletionIndex k8s.io/kubernetes/pkg/controller/job.getCompletionIndex
func getCompletionIndex(annotations map[string]string) int

//go:linkname parseIndexesFromString k8s.io/kubernetes/pkg/controller/job.parseIndexesFromString
func parseIndexesFromString(logger klog.Logger, indexesStr string, completions int) orderedIntervals

//go:linkname withOrderedIndexes k8s.io/kubernetes/pkg/controller/job.orderedIntervals.withOrderedIndexes
func withOrderedIndexes(oi orderedIntervals, newIndexes []int) orderedIntervals

//go:linkname intervalsString k8s.io/kubernetes/pkg/controller/job.orderedIntervals.String
func intervalsString(oi orderedIntervals) string

//go:linkname intervalsTotal k8s.io/kubernetes/pkg/controller/job.orderedIntervals.total
func intervalsTotal(oi orderedIntervals) int

//go:linkname validateIndexesFormat k8s.io/kubernetes/pkg/apis/batch/validation.validateIndexesFormat
func validateIndexesFormat(indexesStr string, completions int32) (int32, error)

//go:linkname validateFailedIndexesNotOverlapCompleted k8s.io/kubernetes/pkg/apis/batch/validation.validateFailedIndexesNotOverlapCompleted
func validateFailedIndexesNotOverlapCompleted(completedIndexesStr string, failedIndexesStr string, completions int32) error
