package main

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// input is one file (or standard input) to check.
type input struct {
	name string // as the user gave it, or found in a directory; "-" for stdin
	data []byte
}

// manifestFile reports whether a file found in a directory is a manifest.
func manifestFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// file is a file to check: named on the command line, or found in a directory.
type file struct {
	name  string
	named bool
}

// collect expands paths: files as given, directories recursively (manifests only, sorted,
// hidden directories such as .git left out), and "-" for standard input. A path that
// cannot be read, or a directory without manifests, is an error; the other paths are still
// collected.
func collect(paths []string) (files []file, errs []error) {
	for _, p := range paths {
		if p == "-" {
			files = append(files, file{p, true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("read %s: %w", p, err))
			continue
		}
		if !info.IsDir() {
			files = append(files, file{p, true})
			continue
		}
		found, err := manifestsUnder(p)
		switch {
		case err != nil:
			errs = append(errs, err)
		case len(found) == 0:
			errs = append(errs, fmt.Errorf("%s: no .yaml, .yml or .json files", p))
		}
		for _, name := range found {
			files = append(files, file{name, false})
		}
	}
	return files, errs
}

// manifestsUnder lists the manifests in a directory tree, sorted.
func manifestsUnder(root string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && manifestFile(path):
			found = append(found, path)
		}
		return nil
	})
	slices.Sort(found)
	return found, err
}

// read reads one input whole.
func read(name string, stdin io.Reader) (input, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return input{}, fmt.Errorf("read %s: %w", name, err)
	}
	return input{name: name, data: data}, nil
}

// open opens one input for reading as a stream: a file, or "-" for stdin.
func open(name string, stdin io.Reader) (*bufio.Reader, func(), error) {
	if name == "-" {
		return bufio.NewReaderSize(stdin, templateWindow), func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	return bufio.NewReaderSize(f, templateWindow), func() { f.Close() }, nil
}

// templateWindow is how much of a file is looked at for template directives.
const templateWindow = 64 << 10

// templateAction is a Go template action as Helm charts write them: {{ .Values.x }},
// {{- include "..." }}, {{ $var }}.
var templateAction = regexp.MustCompile(`\{\{-?\s*[.$A-Za-z(/]`)

// hasTemplate reports whether the start of a stream holds template directives.
func hasTemplate(r *bufio.Reader) bool {
	head, _ := r.Peek(templateWindow)
	return templateAction.Match(head)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
