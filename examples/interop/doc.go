// Package interop shows jobkit beside k8s.io/api, the types client-go and controller-runtime
// use: converting a Job either way through its JSON form, which both sides share. It lives
// in a module of its own so that jobkit itself never imports k8s.io/api.
//
// Its tests are the proof of the shared form: every member of every batch/v1 type is a
// member of the jobkit type of the same name, with the same JSON shape, and every judged
// request body reads the same through either set of types.
package interop
