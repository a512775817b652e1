package validation

import (
	"strings"

	"github.com/jobkit/jobkit/internal/names"
	"k8s.io/apimachinery/pkg/api/validate/content"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Object metadata is validated by apimachinery, as in the API server
// (ValidateObjectMeta on create, ValidateObjectMetaUpdate on update). A cheap check that allocates nothing decides first whether
// apimachinery could find anything; only then is it asked for its errors.

// The finalizers that may be named without a domain.
const (
	finalizerKubernetes         = "kubernetes"
	finalizerOrphanDependents   = metav1.FinalizerOrphanDependents
	finalizerForegroundDeletion = metav1.FinalizerDeleteDependents
)

// metadataPath is the path of object metadata errors.
func metadataPath() *field.Path { return field.NewPath("metadata") }

// createMeta checks the metadata of a Job being created: a DNS subdomain name, a
// namespace, labels, annotations, owner references, finalizers and managed fields.
func (v *validator) createMeta(m *metav1.ObjectMeta) {
	if metaCreateOK(m) {
		return
	}
	v.addAll(apivalidation.ValidateObjectMeta(m, true, apivalidation.NameIsDNSSubdomain, metadataPath()))
	v.addAll(kubeFinalizers(m.Finalizers))
}

// updateMeta checks the metadata of an update: the generic checks the API server applies to
// every update (names as path segments, immutable identity, a resourceVersion, a generation
// that does not go back) and the Job's own.
func (v *validator) updateMeta(m, old *metav1.ObjectMeta) {
	if metaUpdateOK(m, old) {
		return
	}
	path := metadataPath()
	v.addAll(apivalidation.ValidateObjectMetaAccessor(m, true, pathSegmentName, path))
	v.addAll(apivalidation.ValidateObjectMetaAccessorUpdate(m, old, path))
	v.addAll(apivalidation.ValidateObjectMetaUpdate(m, old, path))
	v.addAll(kubeFinalizers(m.Finalizers))
}

// pathSegmentName is the API server's name check for every update: a name that can be a
// URL path segment.
func pathSegmentName(name string, prefix bool) []string {
	if prefix {
		return content.IsPathSegmentPrefix(name)
	}
	return content.IsPathSegmentName(name)
}

// kubeFinalizers applies the Kubernetes rule that a finalizer without a domain must be one
// of the standard ones.
func kubeFinalizers(finalizers []string) field.ErrorList {
	var errs field.ErrorList
	for i, f := range finalizers {
		if !strings.Contains(f, "/") && !standardFinalizer(f) {
			errs = append(errs, field.Invalid(metadataPath().Child("finalizers").Index(i), f,
				"name is neither a standard finalizer name nor is it fully qualified"))
		}
	}
	return errs
}

func standardFinalizer(f string) bool {
	return f == finalizerKubernetes || f == finalizerOrphanDependents || f == finalizerForegroundDeletion
}

// metaCreateOK reports whether create metadata surely passes apimachinery's checks.
func metaCreateOK(m *metav1.ObjectMeta) bool {
	return names.IsDNS1123Subdomain(m.Name) &&
		(m.GenerateName == "" || names.IsDNS1123SubdomainPrefix(m.GenerateName)) &&
		metaCommonOK(m)
}

// metaUpdateOK reports whether update metadata surely passes every metadata check.
func metaUpdateOK(m, old *metav1.ObjectMeta) bool {
	return m.Name != "" && names.IsPathSegmentName(m.Name) &&
		(m.GenerateName == "" || names.IsPathSegmentName(m.GenerateName)) &&
		metaCommonOK(m) &&
		m.ResourceVersion != "" && m.Generation >= old.Generation &&
		m.Name == old.Name && m.Namespace == old.Namespace && m.UID == old.UID &&
		m.CreationTimestamp.Equal(&old.CreationTimestamp) &&
		timesEqual(m.DeletionTimestamp, old.DeletionTimestamp) &&
		int64PtrEqual(m.DeletionGracePeriodSeconds, old.DeletionGracePeriodSeconds) &&
		(old.DeletionTimestamp == nil || noNewFinalizers(m.Finalizers, old.Finalizers))
}

// metaCommonOK checks what create and update share.
func metaCommonOK(m *metav1.ObjectMeta) bool {
	return m.Namespace != "" && names.IsDNS1123Label(m.Namespace) && m.Generation >= 0 &&
		labelsOK(m.Labels) && annotationsOK(m.Annotations) &&
		len(m.OwnerReferences) == 0 && len(m.ManagedFields) == 0 && finalizersOK(m.Finalizers)
}

// labelsOK reports whether every label has a qualified-name key and a label value.
func labelsOK(labels map[string]string) bool {
	for k, v := range labels {
		if !names.IsQualifiedName(k) || !names.IsLabelValue(v) {
			return false
		}
	}
	return true
}

// annotationsOK reports whether every annotation key is a qualified name (case
// insensitively) and the annotations fit in 256 KiB.
func annotationsOK(annotations map[string]string) bool {
	size := 0
	for k, v := range annotations {
		if !names.IsQualifiedNameFold(k) {
			return false
		}
		size += len(k) + len(v)
	}
	return size <= apivalidation.TotalAnnotationSizeLimitB
}

// finalizersOK reports whether every finalizer passes both the generic and the Kubernetes
// rules, and orphan and foregroundDeletion are not both set.
func finalizersOK(finalizers []string) bool {
	orphan, foreground := false, false
	for _, f := range finalizers {
		if !names.IsQualifiedName(f) || !strings.Contains(f, "/") && !standardFinalizer(f) {
			return false
		}
		orphan = orphan || f == finalizerOrphanDependents
		foreground = foreground || f == finalizerForegroundDeletion
	}
	return !orphan || !foreground
}

// noNewFinalizers reports whether every finalizer of m was already in old.
func noNewFinalizers(m, old []string) bool {
	for _, f := range m {
		found := false
		for _, o := range old {
			if f == o {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func timesEqual(a, b *metav1.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(b)
}

func int64PtrEqual(a, b *int64) bool {
	return a == b || a != nil && b != nil && *a == *b
}
