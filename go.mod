module github.com/exbench/exbench

go 1.24.0

require (
	github.com/gocarina/gocsv v0.0.0-20240520201108-78e41c74b4b1
	github.com/google/go-cmp v0.7.0
)

require gonum.org/v1/gonum v0.17.0
