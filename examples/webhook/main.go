// Command webhook is a validating and defaulting admission webhook for batch/v1 Jobs,
// built on jobkit and net/http alone.
//
//	webhook --tls-cert tls.crt --tls-key tls.key [--addr :8443]
//	webhook --plain-http [--addr 127.0.0.1:8080]     (no TLS: for local testing only)
//	        [--read-timeout 15s] [--handler-timeout 30s]
//
// POST /validate admits creates and updates of Jobs and of their status that the API
// server's Job validation accepts, and denies the others with the server's 422 status
// and causes; POST /mutate answers with a JSON patch that applies the batch/v1 defaults.
// deploy/ holds the ValidatingWebhookConfiguration and MutatingWebhookConfiguration that
// register it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// The API server gives a webhook 10 s by default and 30 s at most: a request body takes at
// most readTimeout to arrive, and its answer at most handlerTimeout, after which the request
// context is done and the work on it stops.
const (
	readTimeout    = 15 * time.Second
	handlerTimeout = 30 * time.Second
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, os.Args[1:], nil); err != nil {
		fmt.Fprintln(os.Stderr, "webhook:", err)
		os.Exit(2)
	}
}

// serve parses the flags, listens, and serves until ctx is done. When ready is not nil it
// receives the listening address.
func serve(ctx context.Context, args []string, ready chan<- net.Addr) error {
	fs := flag.NewFlagSet("webhook", flag.ContinueOnError)
	addr := fs.String("addr", ":8443", "address to listen on")
	cert := fs.String("tls-cert", "", "TLS certificate file")
	key := fs.String("tls-key", "", "TLS key file")
	plain := fs.Bool("plain-http", false, "serve plain HTTP without TLS; the API server only calls webhooks over TLS, so this is for local tests")
	readLimit := fs.Duration("read-timeout", readTimeout, "how long a request, body included, may take to arrive")
	handlerLimit := fs.Duration("handler-timeout", handlerTimeout, "how long answering a request may take")
	if err := fs.Parse(args); err != nil {
		return err
	}
	tls := *cert != "" && *key != ""
	if !tls && !(*plain && *cert == "" && *key == "") {
		return errors.New("give --tls-cert and --tls-key, or --plain-http for local testing")
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           http.TimeoutHandler(newHandler(), *handlerLimit, "the webhook timed out"),
		ReadHeaderTimeout: min(10*time.Second, *readLimit),
		ReadTimeout:       *readLimit,
		WriteTimeout:      *handlerLimit + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if ready != nil {
		ready <- ln.Addr()
	}
	if tls {
		log.Printf("serving TLS on %s", ln.Addr())
		err = srv.ServeTLS(ln, *cert, *key)
	} else {
		log.Printf("serving plain HTTP on %s (not for use with an API server)", ln.Addr())
		err = srv.Serve(ln)
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
