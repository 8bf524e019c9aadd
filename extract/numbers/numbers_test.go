package numbers

import (
	"context"
	"errors"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

// findCases are texts with the mentions Find must return marked inline.
// A text with no mark must give no mention.
var findCases = []struct{ name, marked string }{
	// Phrases of the seed corpus, as printed there (curly quotes, NBSP).
	{"more than", "ISIS has kidnapped ⟦more than 300|CARDINAL|300|>⟧ workers, contractors"},
	{"at least", "has kidnapped ⟦at least 300|CARDINAL|300|>=⟧ factory workers"},
	{"around miles", "a resident of the town of Dmeir, ⟦around 30 miles|QUANTITY|30|~|mi⟧ east of Damascus."},
	{"around", "conducted ⟦around 27|CARDINAL|27|~⟧ strikes against ISIS"},
	{"twenty", "discovered ⟦twenty|CARDINAL|20⟧ Popular Committee militiamen among them"},
	{"four", "as well as ⟦four|CARDINAL|4⟧ Druze workers, who were then executed.”"},
	{"thousands separator", "⟦More than 270,000|CARDINAL|270000|>⟧ people have been killed"},
	{"kilometres and miles", "a resident of the town of Dmeir, ⟦50 kilometres|QUANTITY|50||km⟧ (⟦30 miles|QUANTITY|30||mi⟧) east of Damascus."},
	{"headline at least", "⟦At least 175|CARDINAL|175|>=⟧ workers 'killed in Islamic State massacre'"},
	{"one of the worst", "if confirmed,\u00a0would be ⟦one|CARDINAL|1⟧ of the worst of the militant group's many atrocities"},
	{"one of the last", "\"This is the main and ⟦one|CARDINAL|1⟧ of the last crossing points with Turkey.\""},
	{"one associate", "Abu Futtum, an ISIS explosives specialist, and ⟦one|CARDINAL|1⟧ associate were killed"},
	{"hundreds in a headline", "ISIS Kidnaps ⟦Hundreds|CARDINAL⟧ Of Cement Factory Workers In Syria"},
	{"dozens in quotes", "said \"⟦dozens|CARDINAL⟧\" of staff were believed to have been seized"},
	{"millions", "⟦More than 270,000|CARDINAL|270000|>⟧ people have been killed and ⟦millions|CARDINAL⟧ have fled their homes since Syria's conflict erupted in March 2011."},
	{"thousands of", "Since Syria's conflict erupted in March 2011, ⟦thousands|CARDINAL⟧ of people have gone missing"},
	{"plain count", "⟦250|CARDINAL|250⟧ cement factory workers taken by #ISIS in their latest mass kidnapping#Damascus #Syriahttps://t.co/exE0YDmEXK pic.twitter.com/qaDnYvD9YM"},
	{"after a colon", "Read more:⟦250|CARDINAL|250⟧ Syrians 'missing' after IS attack; feared kidnapped"},
	{"of the workers", "the same agency also reported that ⟦106|CARDINAL|106⟧ of the workers had been handed over"},
	{"NBSP before", "Confusion reigns over the\u00a0⟦300|CARDINAL|300⟧ employees that have, according to some reports,\u00a0been unreachable"},
	{"majority of", "Isis announces massacre of captives after majority of ⟦300|CARDINAL|300⟧ workers 'released'"},
	{"square kilometer", "managed to capture ⟦one square kilometer|QUANTITY|1||km2⟧ of territory"},
	{"plant since", "the plant started production in 2011 and employs ⟦360|CARDINAL|360⟧ people."},
	{"ago", "“⟦More than 100|CARDINAL|100|>⟧ people escaped two days ago, then ⟦170|CARDINAL|170⟧ people were released yesterday,” he added."},

	// Seed dates, times, ages and identifiers: none of them is ours.
	{"tweet date", "— José Miguel Sardo (@jmsardo) April 7, 2016"},
	{"day month year", "2 min read\n08 April, 2016\n"},
	{"timestamp", "Last update:\u00a0\nThursday 7 April 2016 17:53 UTC"},
	{"two days ago", "More people escaped two days ago"},
	{"two days of", "was taken after two days of clashes"},
	{"age range", "ISIS called on all men between 20 and 30 who are able to fight"},
	{"year", "the plant started production in 2011"},
	{"month year", "since Syria's conflict erupted in March 2011."},
	{"month day", "a ceasefire that came into effect on February 27 has drastically reduced violence; killed in an airstrike July 13 near Mayadin"},
	{"jet", "an F-16 was shot down"},
	{"URL", "https://t.co/exE0YDmEXK and https://t.co/ltKvqUKrjB"},
	{"handle", "(@moscow_ghost2016) and #G20 and #2016"},
	{"not counts", "several leaders, many oil wells, numerous ISIS leaders, both sides, the majority, all workers"},

	// Digits, decimals, number words.
	{"decimal", "⟦3.5|CARDINAL|3.5⟧ and ⟦0.25|CARDINAL|0.25⟧"},
	{"twenty-four", "⟦twenty-four|CARDINAL|24⟧ men and ⟦Twenty four|CARDINAL|24⟧ women"},
	{"hundred and fifty", "⟦three hundred and fifty|CARDINAL|350⟧ people and ⟦two thousand five hundred|CARDINAL|2500⟧ more"},
	{"a dozen", "⟦a dozen|CARDINAL|12⟧ eggs, ⟦two dozen|CARDINAL|24⟧ more, ⟦a hundred|CARDINAL|100⟧ and ⟦a million|CARDINAL|1000000⟧"},
	{"half a million", "⟦half a million|CARDINAL|500000⟧ refugees"},
	{"list", "⟦20|CARDINAL|20⟧, ⟦30|CARDINAL|30⟧ and ⟦40|CARDINAL|40⟧"},
	{"one two", "⟦one|CARDINAL|1⟧ ⟦two|CARDINAL|2⟧"},
	{"zero", "⟦zero|CARDINAL|0⟧ casualties"},

	// Multipliers.
	{"million", "⟦2.5 million|CARDINAL|2500000⟧ people"},
	{"bn glued", "⟦1.2bn|CARDINAL|1200000000⟧ views"},
	{"M glued", "⟦5M|CARDINAL|5000000⟧ people"},
	{"k glued", "⟦300k|CARDINAL|300000⟧ followers"},
	{"thousand", "⟦270 thousand|CARDINAL|270000⟧ dead"},

	// Vague magnitudes.
	{"tens of thousands", "⟦tens of thousands|CARDINAL⟧ fled"},
	{"hundreds of thousands", "⟦hundreds of thousands|CARDINAL⟧ of people"},
	{"several hundred", "⟦several hundred|CARDINAL⟧ fighters and ⟦a few thousand|CARDINAL⟧ civilians"},

	// Modifiers.
	{"over", "⟦over 300|CARDINAL|300|>⟧ and ⟦above 5|CARDINAL|5|>⟧ and ⟦in excess of 40|CARDINAL|40|>⟧"},
	{"about", "⟦about 5|CARDINAL|5|~⟧, ⟦roughly 6|CARDINAL|6|~⟧, ⟦approximately 7|CARDINAL|7|~⟧"},
	{"nearly", "⟦nearly 5|CARDINAL|5|~⟧, ⟦almost 6|CARDINAL|6|~⟧, ⟦some 7|CARDINAL|7|~⟧"},
	{"an estimated", "⟦an estimated 300|CARDINAL|300|~⟧ workers and ⟦close to 40|CARDINAL|40|~⟧"},
	{"no fewer than", "⟦no fewer than 5|CARDINAL|5|>=⟧ and ⟦no less than 6|CARDINAL|6|>=⟧"},
	{"at most", "⟦at most 5|CARDINAL|5|<=⟧, ⟦up to 6|CARDINAL|6|<=⟧, ⟦no more than 7|CARDINAL|7|<=⟧, ⟦as many as 8|CARDINAL|8|<=⟧"},
	{"less than", "⟦less than 5|CARDINAL|5|<⟧, ⟦fewer than 6|CARDINAL|6|<⟧, ⟦under 7|CARDINAL|7|<⟧"},
	{"modifier then words", "⟦more than a dozen|CARDINAL|12|>⟧ and ⟦at least twenty|CARDINAL|20|>=⟧"},
	{"post modifiers", "⟦300 or more|CARDINAL|300|>=⟧ and ⟦40 or so|CARDINAL|40|~⟧ and ⟦500-plus|CARDINAL|500|>⟧"},
	{"modifier alone", "over the border, some reports, about where they are, up to date, no one"},
	{"no line break inside", "more than\n⟦300|CARDINAL|300⟧"},

	// Ranges.
	{"between", "⟦between 20 and 30|CARDINAL|20|range⟧ fighters"},
	{"to", "⟦20 to 30|CARDINAL|20|range⟧ fighters"},
	{"hyphen", "⟦20-30|CARDINAL|20|range⟧ fighters and ⟦20–30|CARDINAL|20|range⟧ more"},
	{"or", "⟦two or three|CARDINAL|2|range⟧ times over"},
	{"scaled range", "⟦between 5 and 10 million|CARDINAL|5000000|range⟧ people"},
	{"between and no end", "between ⟦20|CARDINAL|20⟧ and the border"},
	{"descending is no range", "⟦30|CARDINAL|30⟧ to ⟦20|CARDINAL|20⟧"},
	{"score", "won 4-3 on penalties"},
	{"phone", "call 1-800-555-0199"},
	{"percent to number", "rose ⟦1.2%|PERCENT|1.2⟧ to ⟦2,750.50|CARDINAL|2750.5⟧ points"},
	{"money range", "⟦$5-10 million|MONEY|5000000|range|USD⟧ and ⟦10 to 20%|PERCENT|10|range⟧"},

	// Ordinals.
	{"ordinal words", "the ⟦first|ORDINAL|1⟧ attack, the ⟦second|ORDINAL|2⟧ one, the ⟦twenty-first|ORDINAL|21⟧ time"},
	{"ordinal digits", "the ⟦3rd|ORDINAL|3⟧ and the ⟦21st|ORDINAL|21⟧ and the ⟦102nd|ORDINAL|102⟧"},
	{"ordinal dates", "on 7th April, April 7th, the 7th of April and the 21st century"},

	// Percent.
	{"percent", "⟦10%|PERCENT|10⟧, ⟦10 percent|PERCENT|10⟧, ⟦ten per cent|PERCENT|10⟧, ⟦2.5 %|PERCENT|2.5⟧"},
	{"percent modifiers", "⟦about 10%|PERCENT|10|~⟧ and ⟦10-20%|PERCENT|10|range⟧ and ⟦5 percentage points|PERCENT|5⟧"},

	// Money.
	{"dollars million", "⟦$5 million|MONEY|5000000||USD⟧ and ⟦5 million dollars|MONEY|5000000||USD⟧"},
	{"pounds", "⟦£3|MONEY|3||GBP⟧ and ⟦£3.5m|MONEY|3500000||GBP⟧"},
	{"euros", "⟦€2.5bn|MONEY|2500000000||EUR⟧ and ⟦5 million euros|MONEY|5000000||EUR⟧"},
	{"dollar m", "⟦$5m|MONEY|5000000||USD⟧ and ⟦$5 m|MONEY|5000000||USD⟧"},
	{"Syrian pounds", "⟦5,000 Syrian pounds|MONEY|5000||SYP⟧ a month"},
	{"codes", "⟦USD 5 million|MONEY|5000000||USD⟧, ⟦US$5|MONEY|5||USD⟧, ⟦300 SYP|MONEY|300||SYP⟧"},
	{"cents", "⟦50 cents|MONEY|0.5||USD⟧"},
	{"money modifiers", "⟦more than $5 million|MONEY|5000000|>|USD⟧ and ⟦$5 to $10|MONEY|5|range|USD⟧"},
	{"millions of dollars", "⟦millions of dollars|MONEY|||USD⟧ in aid"},

	// Quantities.
	{"km", "⟦50 km|QUANTITY|50||km⟧, ⟦50km|QUANTITY|50||km⟧, ⟦50-kilometre|QUANTITY|50||km⟧ drive"},
	{"square", "⟦1 square kilometer|QUANTITY|1||km2⟧, ⟦5 km²|QUANTITY|5||km2⟧, ⟦10 sq km|QUANTITY|10||km2⟧, ⟦3 square miles|QUANTITY|3||mi2⟧"},
	{"weights", "⟦20 tonnes|QUANTITY|20||t⟧, ⟦5kg|QUANTITY|5||kg⟧, ⟦3 kilograms|QUANTITY|3||kg⟧, ⟦100 litres|QUANTITY|100||l⟧"},
	{"metres", "⟦5m|QUANTITY|5||m⟧ high and ⟦300 metres|QUANTITY|300||m⟧ long and a ⟦10m|QUANTITY|10||m⟧-long wall"},
	{"m is million", "⟦1.5m barrels|QUANTITY|1500000||bbl⟧ a day, ⟦1.5m|CARDINAL|1500000⟧ refugees and ⟦5m|CARDINAL|5000000⟧ people"},
	{"quantity range", "⟦between 50 and 60 km|QUANTITY|50|range|km⟧ and ⟦5 to 10 miles|QUANTITY|5|range|mi⟧"},

	// Dates, times, durations and ages: not ours.
	{"durations", "for 20 years, two-day talks, a 10-year-old boy, 24 hours, three weeks, at least two months"},
	{"times", "at 5 pm, at 5pm, at 5 a.m., at 17:53, at 10 o'clock"},
	{"read time", "2 min read"},
	{"decades", "in the 1990s and the ’80s"},
	{"years", "in 2011, 2011-2016, between 2011 and 2015, around 2010"},
	{"ages", "men aged 20, children under 5, women between 20 and 30"},
	{"day with dot", "on Apr. 7 and on 7/4/2016 and on April 7-9"},

	// Identifiers, URLs, handles.
	{"identifiers", "COVID-19, MiG-29, 24/7, v1.2.3, 5G, 4x4, abc123, 1,2345"},
	{"urls", "see http://example.com/2016/04/07/300-killed and www.x.com/5 and pic.twitter.com/ab1 and a1@b2.com"},

	// Pronoun "one".
	{"pronoun one", "no one knew, the one who left, one another"},
	{"fractions", "⟦two-thirds|CARDINAL|0.666667⟧ of them, ⟦one-third|CARDINAL|0.333333⟧"},
	{"hyphenated count", "a ⟦300|CARDINAL|300⟧-strong force"},
}

func TestFind(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // Find shares nothing: -race checks it
			text, want := marks.MustParse("", tc.marked)
			got := Find(text)
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(corpus.Value{})); diff != "" {
				t.Errorf("Find(%q) = %v, want %v; (-want +got):\n%s", text, got, want, diff)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	e := New()
	if e.Name() != "numbers" || e.Version() != Version {
		t.Errorf("Name(), Version() = %q, %q, want %q, %q", e.Name(), e.Version(), "numbers", Version)
	}
	text, want := marks.MustParse("d1", "“We counted ⟦more than 300|CARDINAL|300|>⟧ workers,” said José.")
	got, err := e.Extract(context.Background(), corpus.Doc{ID: "d1", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(corpus.Value{})); diff != "" {
		t.Errorf("Extract(%q) (-want +got):\n%s", text, diff)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Extract(ctx, corpus.Doc{ID: "d1", Text: text}); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract with a canceled context: error %v, want %v", err, context.Canceled)
	}
}
