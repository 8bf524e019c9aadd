//go:build race

package prose

// raceOn is whether the race detector is on: prose is then several times
// slower, and the comparisons with it compare less.
const raceOn = true
