package main

import (
	"flag"
	"log"
	"net/http"

	batchv1 "k8s.io/api/batch/v1"
	"k8s.io/apimachinery/pkg/runtime"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/webhook"
	"sigs.k8s.io/controller-runtime/pkg/webhook/admission"
)

// Paths are the paths the webhooks are served at.
const (
	ValidatePath = "/validate-batch-v1-job"
	MutatePath   = "/mutate-batch-v1-job"
)

// newScheme is the scheme the webhooks decode Jobs with.
func newScheme() *runtime.Scheme {
	s := runtime.NewScheme()
	if err := batchv1.AddToScheme(s); err != nil {
		panic(err) // a fixed, known type: it cannot fail
	}
	return s
}

// registrar is where webhooks are served: controller-runtime's webhook.Server, or a mux.
type registrar interface {
	Register(path string, hook http.Handler)
}

// register adds the webhooks of w to a webhook server.
func register(srv registrar, w JobWebhook) {
	s := newScheme()
	srv.Register(ValidatePath, admission.WithValidator[*batchv1.Job](s, w))
	srv.Register(MutatePath, admission.WithDefaulter[*batchv1.Job](s, w))
}

func main() {
	port := flag.Int("port", 9443, "the port to serve on")
	certDir := flag.String("cert-dir", "", "the directory holding tls.crt and tls.key")
	flag.Parse()
	srv := webhook.NewServer(webhook.Options{Port: *port, CertDir: *certDir})
	register(srv, JobWebhook{})
	if err := srv.Start(ctrl.SetupSignalHandler()); err != nil {
		log.Fatal(err)
	}
}
