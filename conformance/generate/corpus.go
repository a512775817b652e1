package generate

import "github.com/jobkit/jobkit/conformance/oracle"

// Seed is the seed the committed corpus is generated with.
const Seed = 20261201

// Inputs are the generated cases of every kind, before judging.
type Inputs struct {
	Validate []oracle.ValidateInput
	Match    []oracle.MatchInput
	Indexes  []oracle.IndexesInput
	Sync     []oracle.SyncInput
	CronJob  []oracle.ValidateInput
}

// Generate makes every case from seed; the same seed gives the same cases.
func Generate(seed uint64) Inputs {
	g := newGen(seed)
	var in Inputs
	in.Validate = append(in.Validate, podTemplateCases(g, 10000)...)
	in.Validate = append(in.Validate, jobCreateCases(g, 1500)...)
	in.Validate = append(in.Validate, updateCases(g, 1500)...)
	in.Validate = append(in.Validate, statusCases(g, 3000)...)
	in.Validate = append(in.Validate, imageCases()...)
	in.Match = matchCases(g, 1500)
	in.Indexes = indexesCases(g, 800)
	in.Sync = append(syncCases(g, 2000), chainCases(g, 60, 6)...)
	in.CronJob = cronJobCases(g, 400)
	return in
}
