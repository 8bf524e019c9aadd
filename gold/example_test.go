package gold_test

import (
	"fmt"
	"os"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// The worked example of the package documentation.
func Example() {
	c, _ := corpus.New("example", []corpus.Doc{{ID: "d1", Text: "“Ada” saw more than 300 people 50 km away"}})
	f, err := gold.Read([]byte(`doc_id,start,end,text,label,value,modifier,unit
d1,1,4,Ada,PERSON,,,
d1,10,23,more than 300,CARDINAL,300,>,
d1,31,36,50 km,QUANTITY,50,,km
`), "example.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("problems:", len(f.Validate(c)))
	for _, m := range f.Mentions {
		fmt.Printf("%s %s %q value=%s modifier=%q unit=%q\n", m.Span, m.Label, m.Text, m.Value, m.Modifier, m.Unit)
	}
	// Output:
	// problems: 0
	// 1:4 PERSON "Ada" value= modifier="" unit=""
	// 10:23 CARDINAL "more than 300" value=300 modifier=">" unit=""
	// 31:36 QUANTITY "50 km" value=50 modifier="" unit="km"
}

// Validate finds text that does not match the document.
func ExampleFile_Validate() {
	c, _ := corpus.New("example", []corpus.Doc{{ID: "d1", Text: "“Ada” met Bob"}})
	f, _ := gold.Read([]byte("doc_id,start,end,text,label\nd1,0,3,Ada,PERSON\n"), "example.csv")
	for _, e := range f.Validate(c) {
		fmt.Fprintln(os.Stdout, e)
	}
	// Output:
	// example.csv:2:8: text: "Ada", but the document has "“Ad" at 0:3
}
