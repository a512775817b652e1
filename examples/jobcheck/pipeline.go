package main

import (
	"fmt"
	"io"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jobkit/jobkit/job"
)

// A task is one document to read and check, numbered in the order of the input.
type task struct {
	seq  int
	file string
	raw  job.RawDocument
	// done, when set, is a file-level result instead of a document (a notice, an error).
	done *result
	// results are the task's results, filled in by a worker; ch is closed then.
	results []result
	ch      chan struct{}
}

// checkAll reads the files in order, splits them into documents, checks the documents in
// parallel and yields the results in input order, as they are found: a stream of any
// length is checked in the memory of a few hundred documents.
func checkAll(c *checker, files []file, stdin io.Reader, stderr io.Writer) iter.Seq[result] {
	return func(yield func(result) bool) {
		workers := runtime.GOMAXPROCS(0)
		tasks := make(chan *task, 4*workers)    // to the workers
		ordered := make(chan *task, 64*workers) // in input order, to the collector
		quit := make(chan struct{})
		var checked atomic.Int64
		stop := progress(stderr, &checked)
		defer stop()
		go c.split(files, stdin, tasks, ordered, quit)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for t := range tasks {
					t.check(c)
					checked.Add(1)
					close(t.doneCh())
				}
			})
		}
		defer func() {
			close(quit)
			for range ordered { // let the splitter finish
			}
			wg.Wait()
		}()
		for t := range ordered {
			<-t.doneCh()
			for _, r := range t.results {
				if !yield(r) {
					return
				}
			}
		}
	}
}

// split reads the files in order and hands their documents to the workers, in order to
// the collector too.
func (c *checker) split(files []file, stdin io.Reader, tasks, ordered chan<- *task, quit <-chan struct{}) {
	defer close(ordered)
	defer close(tasks)
	seq := 0
	send := func(t *task) bool {
		seq++
		t.seq = seq
		t.ch = make(chan struct{})
		select {
		case ordered <- t:
		case <-quit:
			return false
		}
		if t.done != nil {
			t.results = []result{*t.done}
			close(t.ch)
			return true
		}
		select {
		case tasks <- t:
			return true
		case <-quit:
			return false
		}
	}
	for _, f := range files {
		if !c.splitFile(f, stdin, send) {
			return
		}
	}
}

// splitFile sends the documents of one file, or the notice or error that stands for it. A
// file that holds nothing is an error when it was named, and a notice when it was found in
// a directory.
func (c *checker) splitFile(f file, stdin io.Reader, send func(*task) bool) bool {
	name := f.name
	r, closeFile, err := open(name, stdin)
	if err != nil {
		return send(&task{done: &result{Source: name, File: name, readError: true, Errors: []cause{{Detail: err.Error(), body: err.Error()}}}})
	}
	defer closeFile()
	if hasTemplate(r) {
		return send(&task{done: &result{Source: name, File: name, Line: 1, Skipped: notCheckable, notice: true}})
	}
	n := 0
	for raw := range job.Split(r, c.decode) {
		n++
		if !send(&task{file: name, raw: raw}) {
			return false
		}
	}
	if n == 0 && f.named {
		err := fmt.Errorf("%s holds nothing to check", displayName(name))
		return send(&task{done: &result{Source: name, File: name, readError: true, Errors: []cause{{Detail: err.Error(), body: err.Error()}}}})
	}
	if n == 0 {
		return send(&task{done: &result{Source: name, File: name, Skipped: "empty: it holds no documents", notice: true}})
	}
	return true
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// check reads the task's document and checks what it holds.
func (t *task) check(c *checker) {
	for _, d := range t.raw.Decode(c.decode) {
		t.results = append(t.results, c.checkDocument(t.file, d))
	}
}

func (t *task) doneCh() chan struct{} { return t.ch }

// progress shows, on a terminal, how many documents have been checked, while there are
// many. It returns a function that clears the line.
func progress(w io.Writer, checked *atomic.Int64) func() {
	if !isTerminal(w) {
		return func() {}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-quit:
				if shown {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-tick.C:
				fmt.Fprintf(w, "\rchecked %d documents", checked.Load())
				shown = true
			}
		}
	})
	return func() {
		close(quit)
		wg.Wait()
	}
}
