package gold_test

import (
	"fmt"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// The worked example of the package documentation.
func Example() {
	doc := corpus.Doc{ID: "d1", Text: "“Ada” saw more than 300 people 50 km away"}
	ms, err := gold.Read([]byte(`doc_id,start,end,text,label,value,modifier,unit
d1,1,4,Ada,PERSON,,,
d1,10,23,more than 300,CARDINAL,300,>,
d1,31,36,50 km,QUANTITY,50,,km
`), "example.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("problems with the text:", len(corpus.CheckText(doc, ms)))
	for _, m := range ms {
		fmt.Printf("%s %s %q value=%s modifier=%q unit=%q\n", m.Span, m.Label, m.Text, m.Value, m.Modifier, m.Unit)
	}
	// Output:
	// problems with the text: 0
	// 1:4 PERSON "Ada" value= modifier="" unit=""
	// 10:23 CARDINAL "more than 300" value=300 modifier=">" unit=""
	// 31:36 QUANTITY "50 km" value=50 modifier="" unit="km"
}

// A Reader gives one mention at a time; a bad row comes as its problems,
// and reading goes on.
func ExampleReader() {
	r := gold.NewReader(strings.NewReader("doc_id,start,end,text,label\nd1,1,4,Ada,PERSON\nd1,x,13,Bob,PERSON\nd1,10,13,Bob,PER\n"), "example.csv", gold.Options{})
	for m, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(m.Source.Line, m.Text, m.Label)
	}
	// Output:
	// 2 Ada PERSON
	// example.csv:3:4: start: "x" is not an integer
	// example.csv:4:14: label: unknown label "PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)
}
