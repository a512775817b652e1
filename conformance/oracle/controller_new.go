//go:build !k8s1_36

package oracle

import (
	"context"
	_ "unsafe" // for go:linkname

	batchinformers "k8s.io/client-go/informers/batch/v1"
	coreinformers "k8s.io/client-go/informers/core/v1"
	schedulinginformers "k8s.io/client-go/informers/scheduling/v1beta1"
	clientset "k8s.io/client-go/kubernetes"
	"k8s.io/utils/clock"

	jobcontroller "k8s.io/kubernetes/pkg/controller/job"
)

//go:linkname newControllerWithClock k8s.io/kubernetes/pkg/controller/job.newControllerWithClock
func newControllerWithClock(ctx context.Context, kubeClient clientset.Interface, clock clock.WithTicker,
	podInformer coreinformers.PodInformer, jobInformer batchinformers.JobInformer,
	workloadInformer schedulinginformers.WorkloadInformer,
	podGroupInformer schedulinginformers.PodGroupInformer) (*jobcontroller.Controller, error)

// newController is the Job controller's constructor with the clock injected; the scheduling
// informers it takes are nil, as their feature gate is off.
func newController(ctx context.Context, client clientset.Interface, clock clock.WithTicker, pods coreinformers.PodInformer, jobs batchinformers.JobInformer) (*jobcontroller.Controller, error) {
	return newControllerWithClock(ctx, client, clock, pods, jobs, nil, nil)
}
