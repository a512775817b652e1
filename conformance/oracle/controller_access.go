package oracle

import (
	"context"
	"reflect"
	"time"
	"unsafe"

	"k8s.io/client-go/tools/cache"

	jobcontroller "k8s.io/kubernetes/pkg/controller/job"
)

// The Job controller's sync of one Job and its in-memory backoff store, pulled by
// //go:linkname.

//go:linkname syncJob k8s.io/kubernetes/pkg/controller/job.(*Controller).syncJob
func syncJob(jm *jobcontroller.Controller, ctx context.Context, key string) error

// backoffRecord and backoffStore repeat the layout of the controller's types.
type backoffRecord struct {
	key                      string
	failuresAfterLastSuccess int32
	lastFailureTime          *time.Time
}

type backoffStore struct {
	store cache.Store
}

//go:linkname updateBackoffRecord k8s.io/kubernetes/pkg/controller/job.(*backoffStore).updateBackoffRecord
func updateBackoffRecord(s *backoffStore, record backoffRecord) error

// controllerField returns a settable view of the controller's unexported field name.
func controllerField(jm *jobcontroller.Controller, name string) reflect.Value {
	f := reflect.ValueOf(jm).Elem().FieldByName(name)
	if !f.IsValid() {
		panic("the Job controller has no field " + name)
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// setField replaces the controller's unexported field name with v.
func setField(jm *jobcontroller.Controller, name string, v any) {
	controllerField(jm, name).Set(reflect.ValueOf(v))
}

// podBackoffStore is the controller's in-memory backoff store.
func podBackoffStore(jm *jobcontroller.Controller) *backoffStore {
	return (*backoffStore)(controllerField(jm, "podBackoffStore").UnsafePointer())
}

// readBackoffRecord reads the record the store keeps for key, which is of the controller's
// own type.
func readBackoffRecord(s *backoffStore, key string) (backoffRecord, bool) {
	obj, ok, err := s.store.GetByKey(key)
	if err != nil || !ok {
		return backoffRecord{}, false
	}
	return *(*backoffRecord)(reflect.ValueOf(obj).UnsafePointer()), true
}
