package job

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// GroupName is the API group of Jobs.
const GroupName = "batch"

// Version is the API version jobkit implements.
const Version = "v1"

// Kinds of the types in this package.
const (
	Kind     = "Job"
	ListKind = "JobList"
)

// SchemeGroupVersion is batch/v1.
var SchemeGroupVersion = schema.GroupVersion{Group: GroupName, Version: Version}

// GroupVersionKind is batch/v1, Kind=Job.
var GroupVersionKind = SchemeGroupVersion.WithKind(Kind)

// Resource is the jobs resource of batch/v1.
var Resource = SchemeGroupVersion.WithResource("jobs")

// AddToScheme registers Job and JobList under batch/v1 in a scheme, for use with
// apimachinery serializers and clients.
func AddToScheme(s *runtime.Scheme) error {
	s.AddKnownTypes(SchemeGroupVersion, &Job{}, &JobList{})
	metav1.AddToGroupVersion(s, SchemeGroupVersion)
	return nil
}
