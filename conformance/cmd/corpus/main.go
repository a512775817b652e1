// Command corpus generates jobkit's judged corpus and checks it.
//
//	go run ./cmd/corpus write   generate every case from the seed, judge it, write corpus/
//	go run ./cmd/corpus check   regenerate and re-judge; report every case whose input or
//	                            answer differs from corpus/, and exit 1 if any does
//
// With -loose, check compares validation errors by type and field only: that is how the
// answers of two Kubernetes releases are compared (hack/at-release.sh).
//
// Both run from the conformance module's directory.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/go-logr/logr"
	"k8s.io/klog/v2"
)

func main() {
	klog.SetLogger(logr.Discard()) // the controller logs what it meets in hostile cases
	dir := flag.String("dir", "corpus", "the corpus directory")
	show := flag.Int("show", 20, "differences to print per file")
	loose := flag.Bool("loose", false, "compare errors by type and field only, as between releases whose error details differ")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: corpus [-dir DIR] write|check\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	switch flag.Arg(0) {
	case "write":
		err = write(*dir)
	case "check":
		var differ bool
		differ, err = check(*dir, *show, *loose)
		if err == nil && differ {
			os.Exit(1)
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}
