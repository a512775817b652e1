// Command jobcheck checks Kubernetes Jobs offline, with the API server's rules.
//
//	jobcheck validate [flags] PATH...     validate Job manifests (files, directories, - for stdin)
//	jobcheck default FILE                 print a Job with the API server's defaults
//	jobcheck explain --job FILE --pod FILE
//	                                      which pod failure policy rule a failed pod meets, and why
//	jobcheck indexes TEXT --completions N parse an index list such as 1,3-5,7
//	jobcheck simulate --job FILE --events FILE
//	                                      run the Job through the Job controller on a virtual clock
//
// It exits 0 when everything checked is valid, 1 when something is not, 2 on usage or
// read errors.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC lets the heap grow to a few times what is live, within a soft limit, where the
// collector would otherwise run after every few dozen documents: a validate run keeps little
// alive (the documents in flight) and makes much garbage. GOGC and GOMEMLIMIT in the
// environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
}

// run executes a command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmds := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{
		"validate": runValidate,
		"default":  runDefault,
		"explain":  runExplain,
		"indexes":  runIndexes,
		"simulate": runSimulate,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		if args[0] != "help" && args[0] != "-h" && args[0] != "--help" {
			fmt.Fprintf(stderr, "jobcheck: unknown command %q\n\n", args[0])
		}
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	return cmd(args[1:], stdin, stdout, stderr)
}

const usage = `Usage:
  jobcheck validate [flags] PATH...       validate Job manifests (files, directories, - for stdin)
  jobcheck default FILE                   print the Job with the API server's defaults, as YAML
  jobcheck explain --job FILE --pod FILE  which pod failure policy rule a failed pod meets, and why
  jobcheck indexes TEXT --completions N   parse an index list such as 1,3-5,7
  jobcheck simulate --job FILE --events FILE
                                          run the Job through the Job controller on a virtual clock

Run "jobcheck COMMAND -h" for a command's flags.
Exit status: 0 valid, 1 invalid, 2 usage or read error.
`
