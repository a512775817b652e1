package validation

import (
	"reflect"
	"testing"

	"github.com/jobkit/jobkit/job"
)

// TestEphemeralAsContainer checks that every member of an ephemeral container reaches the
// container validated in its place: each is set to a value that is not zero, by reflection,
// and must come out equal.
func TestEphemeralAsContainer(t *testing.T) {
	var ec job.EphemeralContainer
	common := reflect.ValueOf(&ec.EphemeralContainerCommon).Elem()
	for i := range common.NumField() {
		f := common.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Struct:
			if f.Type() == reflect.TypeFor[job.ResourceRequirements]() {
				f.Set(reflect.ValueOf(job.ResourceRequirements{Limits: job.ResourceList{}}))
				continue
			}
			t.Fatalf("member %s of kind struct has no test value", common.Type().Field(i).Name)
		default:
			t.Fatalf("member %s of kind %s has no test value", common.Type().Field(i).Name, f.Kind())
		}
	}
	c := reflect.ValueOf(ephemeralAsContainer(&ec)).Elem()
	for i := range common.NumField() {
		name := common.Type().Field(i).Name
		if got := c.FieldByName(name); !reflect.DeepEqual(got.Interface(), common.Field(i).Interface()) {
			t.Errorf("member %s is not carried over", name)
		}
	}
}
