// Command fakener is a fake named-entity recogniser for the tests of
// package external. It speaks the external extractor protocol on stdin and
// stdout and behaves as its mode, the first argument or else $FAKENER_MODE,
// says:
//
//	ok                      tags every capitalised word as PERSON, as the Python example of the package documentation does
//	hang                    starts a child that sleeps, says its pid on stderr, and never answers
//	crash                   reads a document, writes to stderr and exits with status 3
//	garbage                 answers the first document, then "not json"
//	wrongid                 answers with another doc_id
//	badoffset               answers with a mention that ends past the text
//	badlabel                answers with the label "PER"
//	late-exit-after-2-docs  answers two documents, then exits with status 0
//	fail-on-close           as ok, but exits with status 4 at the end of its input
//	linger                  as ok, but does not exit at the end of its input
//	extra-output            as ok, but prints a line at the end of its input
//	slow-third              answers two documents, then never answers
//	leave-child             as ok, but starts a child that sleeps holding stdout and stderr, and exits at the end of its input
//	sleep                   sleeps (the child of hang)
//	slow                    as ok, but takes $FAKENER_DELAY (a Go duration) over each document
//	ready                   sleeps $FAKENER_DELAY, prints {"ready": true}, then as ok
//	not-ready               prints {"ready": false}, then as ok
//	batch                   as ok, but reads only batch lines, {"batch": [request, ...]}, answers each request of a
//	                        batch in order, and appends each batch's size to the file $FAKENER_DIR/sizes
//	meet                    as ok, but before answering its first document creates a file named by its pid in
//	                        $FAKENER_DIR and waits until $FAKENER_COPIES files are there: it answers only when that
//	                        many copies run at once
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"time"
	"unicode"
	"unicode/utf8"
)

type request struct {
	DocID string `json:"doc_id"`
	Text  string `json:"text"`
}

type mention struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Label string   `json:"label"`
	Text  *string  `json:"text,omitempty"`
	Score *float64 `json:"score,omitempty"`
}

type answer struct {
	DocID    string    `json:"doc_id"`
	Mentions []mention `json:"mentions"`
}

func main() {
	mode := os.Getenv("FAKENER_MODE")
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	switch mode {
	case "sleep":
		time.Sleep(time.Hour)
		return
	case "hang", "leave-child":
		self, err := os.Executable()
		if err != nil {
			fail(err)
		}
		child := exec.Command(self, "sleep")
		child.Stdout, child.Stderr = os.Stdout, os.Stderr
		if err := child.Start(); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "fakener: hanging; child pid %d\n", child.Process.Pid)
	}

	delay, _ := time.ParseDuration(os.Getenv("FAKENER_DELAY"))
	switch mode {
	case "ready":
		time.Sleep(delay)
		fmt.Println(`{"ready": true}`)
	case "not-ready":
		fmt.Println(`{"ready": false}`)
	}

	in := bufio.NewScanner(os.Stdin)
	in.Buffer(nil, 1<<26)
	out := json.NewEncoder(os.Stdout)
	n := 0
	if mode == "batch" {
		batches(in, out)
		return
	}
	for in.Scan() {
		n++
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fail(err)
		}
		a := answer{DocID: req.DocID, Mentions: capitalised(req.Text)}
		switch mode {
		case "slow":
			time.Sleep(delay)
		case "meet":
			if n == 1 {
				meet()
			}
		case "hang":
			time.Sleep(time.Hour)
		case "slow-third":
			if n == 3 {
				time.Sleep(time.Hour)
			}
		case "crash":
			fmt.Fprintln(os.Stderr, "Traceback (most recent call last):\nfakener: crash: something broke")
			os.Exit(3)
		case "garbage":
			if n > 1 {
				fmt.Println("not json")
				continue
			}
		case "wrongid":
			a.DocID += "-x"
		case "badoffset":
			a.Mentions = []mention{{Start: 0, End: utf8.RuneCountInString(req.Text) + 5, Label: "PERSON"}}
		case "badlabel":
			for i := range a.Mentions {
				a.Mentions[i].Label = "PER"
			}
		}
		if err := out.Encode(a); err != nil {
			fail(err)
		}
		if mode == "late-exit-after-2-docs" && n == 2 {
			os.Exit(0)
		}
	}
	if err := in.Err(); err != nil {
		fail(err)
	}
	switch mode {
	case "fail-on-close":
		fmt.Fprintln(os.Stderr, "fakener: failing at the end")
		os.Exit(4)
	case "linger":
		time.Sleep(time.Hour)
	case "extra-output":
		fmt.Println("bye")
	}
}

// batches answers batch lines, and notes each one's size.
func batches(in *bufio.Scanner, out *json.Encoder) {
	for in.Scan() {
		var b struct {
			Batch []request `json:"batch"`
		}
		if err := json.Unmarshal(in.Bytes(), &b); err != nil || len(b.Batch) == 0 {
			fail(fmt.Errorf("not a batch: %s", in.Bytes()))
		}
		f, err := os.OpenFile(os.Getenv("FAKENER_DIR")+"/sizes", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			fail(err)
		}
		fmt.Fprintln(f, len(b.Batch))
		f.Close()
		for _, req := range b.Batch {
			if err := out.Encode(answer{DocID: req.DocID, Mentions: capitalised(req.Text)}); err != nil {
				fail(err)
			}
		}
	}
	if err := in.Err(); err != nil {
		fail(err)
	}
}

// meet makes a file named by the pid in $FAKENER_DIR, then waits for
// $FAKENER_COPIES files to be there.
func meet() {
	dir := os.Getenv("FAKENER_DIR")
	var want int
	fmt.Sscan(os.Getenv("FAKENER_COPIES"), &want)
	if err := os.WriteFile(fmt.Sprintf("%s/%d", dir, os.Getpid()), nil, 0o644); err != nil {
		fail(err)
	}
	for {
		entries, err := os.ReadDir(dir)
		if err != nil {
			fail(err)
		}
		if len(entries) >= want {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// capitalised returns a PERSON mention for every word (a run of letters,
// digits and underscores, as Python's \w) that starts with an upper-case
// letter, with code-point offsets. Every other mention has its text, and
// every third a score.
func capitalised(text string) []mention {
	var ms []mention
	start, inWord, upper := 0, false, false
	cp := 0
	end := func() {
		if inWord && upper {
			m := mention{Start: start, End: cp, Label: "PERSON"}
			if len(ms)%2 == 0 {
				s := string([]rune(text)[start:cp])
				m.Text = &s
			}
			if len(ms)%3 == 0 {
				score := 0.9
				m.Score = &score
			}
			ms = append(ms, m)
		}
		inWord = false
	}
	for _, r := range text {
		w := unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || r == '_'
		switch {
		case w && !inWord:
			start, inWord, upper = cp, true, unicode.IsUpper(r)
		case !w:
			end()
		}
		cp++
	}
	end()
	if ms == nil {
		ms = []mention{}
	}
	return ms
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "fakener:", err)
	os.Exit(1)
}
