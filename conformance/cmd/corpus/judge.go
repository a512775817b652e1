package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jobkit/jobkit/conformance/corpusfile"
	"github.com/jobkit/jobkit/conformance/generate"
	"github.com/jobkit/jobkit/conformance/oracle"
)

// A kind is one file of the corpus: its generated inputs and how to judge one.
type kind struct {
	file   string
	inputs []any
	judge  func(input []byte) (any, error)
}

func judgeAs[I any](judge func(I) any) func([]byte) (any, error) {
	return func(raw []byte) (any, error) {
		var in I
		if err := json.Unmarshal(raw, &in); err != nil {
			return nil, err
		}
		return judge(in), nil
	}
}

func kinds() []kind {
	in := generate.Generate(generate.Seed)
	return []kind{
		{"validate.jsonl.gz", anys(in.Validate), judgeAs(func(i oracle.ValidateInput) any { return oracle.Validate(i) })},
		{"match.jsonl.gz", anys(in.Match), judgeAs(func(i oracle.MatchInput) any { return oracle.Match(i) })},
		{"indexes.jsonl.gz", anys(in.Indexes), judgeAs(func(i oracle.IndexesInput) any { return oracle.Indexes(i) })},
		{"sync.jsonl.gz", anys(in.Sync), judgeAs(func(i oracle.SyncInput) any { return oracle.Sync(i) })},
		{"cronjob.jsonl.gz", anys(in.CronJob), judgeAs(func(i oracle.ValidateInput) any { return oracle.ValidateCronJob(i) })},
	}
}

func anys[T any](s []T) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// judgeAll judges every input, in parallel, and returns the case lines in input order.
func judgeAll(inputs [][]byte, judge func([]byte) (any, error)) ([][]byte, error) {
	lines := make([][]byte, len(inputs))
	errs := make([]error, len(inputs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				expect, err := judge(inputs[i])
				if err != nil {
					errs[i] = err
					continue
				}
				lines[i], errs[i] = json.Marshal(corpusfile.Line{Input: inputs[i], Expect: mustMarshal(expect)})
			}
		})
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("case %d: %w", i, err)
		}
	}
	return lines, nil
}

func mustMarshal(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func marshalInputs(inputs []any) [][]byte {
	out := make([][]byte, len(inputs))
	for i, in := range inputs {
		out[i] = mustMarshal(in)
	}
	return out
}

func write(dir string) error {
	total := 0
	for _, k := range kinds() {
		start := time.Now()
		lines, err := judgeAll(marshalInputs(k.inputs), k.judge)
		if err != nil {
			return fmt.Errorf("%s: %w", k.file, err)
		}
		if err := corpusfile.Write(filepath.Join(dir, k.file), lines); err != nil {
			return err
		}
		total += len(lines)
		fmt.Printf("%s: %d cases judged in %v\n", k.file, len(lines), time.Since(start).Round(time.Millisecond))
	}
	fmt.Printf("%d cases\n", total)
	return nil
}

// check regenerates the inputs and re-judges the committed ones, and reports every difference.
func check(dir string, show int, loose bool) (bool, error) {
	differ := false
	for _, k := range kinds() {
		start := time.Now()
		committed, err := corpusfile.Read(filepath.Join(dir, k.file))
		if err != nil {
			return false, err
		}
		var inputs [][]byte
		var expects []json.RawMessage
		for _, l := range committed {
			var line corpusfile.Line
			if err := json.Unmarshal(l, &line); err != nil {
				return false, fmt.Errorf("%s: %w", k.file, err)
			}
			inputs, expects = append(inputs, line.Input), append(expects, line.Expect)
		}
		fresh := marshalInputs(k.inputs)
		stale := compareInputs(fresh, inputs)
		rejudged, err := judgeAll(inputs, k.judge)
		if err != nil {
			return false, fmt.Errorf("%s: %w", k.file, err)
		}
		changed, members := map[string]int{}, map[string]int{}
		var examples []string
		for i, l := range rejudged {
			var line corpusfile.Line
			json.Unmarshal(l, &line)
			if bytes.Equal(line.Expect, expects[i]) || loose && bytes.Equal(loosely(line.Expect), loosely(expects[i])) {
				continue
			}
			id := caseID(inputs[i])
			changed[group(id)]++
			for _, m := range differingMembers(line.Expect, expects[i], loose) {
				members[m]++
			}
			if len(examples) < show {
				examples = append(examples, fmt.Sprintf("  %s\n    committed %.600s\n    judged    %.600s", id, expects[i], line.Expect))
			}
		}
		n := 0
		for _, c := range changed {
			n += c
		}
		fmt.Printf("%s: %d cases re-judged in %v: %d answers differ; inputs: %s\n", k.file, len(inputs), time.Since(start).Round(time.Millisecond), n, stale)
		for _, m := range sortedKeys(members) {
			fmt.Printf("  %6d differ in %s\n", members[m], m)
		}
		for _, g := range sortedKeys(changed) {
			fmt.Printf("  %6d %s\n", changed[g], g)
		}
		for _, e := range examples {
			fmt.Println(e)
		}
		if n > 0 || stale != "fresh" {
			differ = true
		}
	}
	return differ, nil
}

// compareInputs says whether the generator still writes the committed inputs.
func compareInputs(fresh, committed [][]byte) string {
	if len(fresh) != len(committed) {
		return fmt.Sprintf("stale: the generator writes %d cases, the corpus has %d", len(fresh), len(committed))
	}
	for i := range fresh {
		if !bytes.Equal(fresh[i], committed[i]) {
			return fmt.Sprintf("stale from case %d (%s)", i, caseID(committed[i]))
		}
	}
	return "fresh"
}

func caseID(input []byte) string {
	var v struct {
		ID string `json:"id"`
	}
	json.Unmarshal(input, &v)
	return v.ID
}

// group is a case id without its last two parts, so that differences read by family.
func group(id string) string {
	parts := strings.Split(id, "/")
	if len(parts) > 3 {
		parts = parts[:3]
	}
	return strings.Join(parts, "/")
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// loosely is an answer with its error lists reduced to sorted "type field" pairs.
func loosely(expect []byte) []byte {
	var m map[string]any
	if json.Unmarshal(expect, &m) != nil {
		return expect
	}
	for _, key := range []string{"errors", "statusRejected"} {
		list, _ := m[key].([]any)
		var pairs []string
		for _, e := range list {
			if e, ok := e.(map[string]any); ok {
				pairs = append(pairs, fmt.Sprint(e["type"], " ", e["field"]))
			}
		}
		sort.Strings(pairs)
		if list != nil {
			m[key] = pairs
		}
	}
	if _, ok := m["panic"]; ok {
		m["panic"] = true
	}
	return mustMarshal(m)
}

// differingMembers names the members of two answers that differ.
func differingMembers(a, b []byte, loose bool) []string {
	if loose {
		a, b = loosely(a), loosely(b)
	}
	var x, y map[string]json.RawMessage
	json.Unmarshal(a, &x)
	json.Unmarshal(b, &y)
	var out []string
	for k := range x {
		if !bytes.Equal(x[k], y[k]) {
			out = append(out, k)
		}
	}
	for k := range y {
		if _, ok := x[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
