package extract

import (
	"encoding/json"
	"io"
	"math"
)

// Manifest records how a prediction file was made: by which extractor,
// from which corpus, how fast. Its JSON form is the manifest exbench run
// writes beside its predictions.
type Manifest struct {
	Extractor      string  `json:"extractor"`
	Version        string  `json:"version"`
	Command        string  `json:"command,omitempty"` // the program an external extractor ran
	ExbenchVersion string  `json:"exbench_version"`
	Corpus         string  `json:"corpus"`
	Fingerprint    string  `json:"corpus_fingerprint"`
	Documents      int     `json:"documents"`
	Bytes          int64   `json:"bytes"`
	Mentions       int     `json:"mentions"`
	Duplicates     int     `json:"duplicates_dropped,omitempty"` // see [Stats.Duplicates]
	Workers        int     `json:"workers"`
	LoadSeconds    float64 `json:"load_seconds"`
	WallSeconds    float64 `json:"wall_seconds"`
	DocsPerSecond  float64 `json:"docs_per_second"`
	MBPerSecond    float64 `json:"mb_per_second"`
}

// NewManifest returns the manifest of a run of extractor e, version
// version, over the corpus named corpusName.
func NewManifest(name, version, corpusName string, st Stats) Manifest {
	wall := st.Wall.Seconds()
	m := Manifest{
		Extractor: name, Version: version, Corpus: corpusName, Fingerprint: st.Fingerprint,
		Documents: st.Docs, Bytes: st.Bytes, Mentions: st.Mentions, Duplicates: st.Duplicates, Workers: st.Workers,
		LoadSeconds: round(st.Load.Seconds()), WallSeconds: round(wall),
	}
	if wall > 0 {
		m.DocsPerSecond = round(float64(st.Docs) / wall)
		m.MBPerSecond = round(float64(st.Bytes) / 1e6 / wall)
	}
	return m
}

// round rounds f to 4 decimals.
func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// WriteJSON writes the manifest as indented JSON and a line feed.
func (m Manifest) WriteJSON(w io.Writer) error {
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(js, '\n'))
	return err
}
