//go:build race

package eval

// raceEnabled is true when the race detector is on, which slows the
// simulation tests tenfold.
const raceEnabled = true
