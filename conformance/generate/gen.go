package generate

import "math/rand/v2"

// gen is the state of one generation: its random source, seeded, so that the same seed
// gives the same cases.
type gen struct {
	r *rand.Rand
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, 0x6a6f626b6974))}
}
