package dates

import (
	"context"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

var cmpMentions = cmp.AllowUnexported(corpus.Value{})

// findCases are sentences with their expected mentions marked inline. The
// first group are phrases of the seed corpus, as printed there (curly
// quotes, NBSP).
var findCases = []struct {
	name, marked string
}{
	// Seed corpus: dates and times.
	{"noon on Monday", "reach our family members since ⟦noon on Monday|TIME⟧ after an attack"},
	{"on Monday", "taking control of the facility on ⟦Monday|DATE⟧, reports CNN."},
	{"month day year", "— José Miguel Sardo (@jmsardo) ⟦April 7, 2016|DATE⟧"},
	{"day month comma year", "⟦2 min|TIME⟧ read\n⟦08 April, 2016|DATE⟧\n300 employees"},
	{"dateline with time", "Last update: \n⟦Thursday 7 April 2016 17:53 UTC|TIME⟧\n"},
	{"this morning", "broke the news ⟦this morning|TIME⟧, reports CNN."},
	{"just hours after", "said Russian President Vladimir Putin ⟦this morning|TIME⟧, just ⟦hours|TIME⟧ after Syrian news"},
	{"this past month", "attacks in Turkey and Brussels ⟦this past month|DATE⟧."},
	{"today possessive", "including actions like ⟦today|DATE⟧’s kidnapping, as the militant group"},
	{"today", "outside the Syrian capital of Damascus ⟦today|DATE⟧. The state-run"},
	{"Today", "⟦Today|DATE⟧, Syrian State TV is confirming"},
	{"recent weeks", "was hit by shelling in ⟦recent weeks|DATE⟧ as the Syrian government"},
	{"this week", "told reporters in Geneva ⟦this week|DATE⟧ that humanitarian efforts"},
	{"earlier this week", "the resident told AFP ⟦earlier this week|DATE⟧."},
	{"two days ago", "“More than 100 people escaped ⟦two days ago|DATE⟧, then 170 people were released ⟦yesterday|DATE⟧,” he added."},
	{"two days of clashes", "crossing of al-Rai was taken after ⟦two days|DATE⟧ of clashes, cutting"},
	{"following two days", "entered al-Rai on ⟦Thursday|DATE⟧ following ⟦two days|DATE⟧ of clashes."},
	{"on Friday", "Conflicting reports on ⟦Friday|DATE⟧ claimed 175 workers"},
	{"in 2011", "the plant started production in ⟦2011|DATE⟧ and employs 360 people."},
	{"in recent days", "Fierce clashes have erupted in the area in ⟦recent days|DATE⟧ between"},
	{"recent months", "a string of setbacks in ⟦recent months|DATE⟧, including"},
	{"Saturday morning", "in control of Dumeir air base on ⟦Saturday morning|TIME⟧ following an Isis suicide attack"},
	{"in March 2011", "since Syria's conflict erupted in ⟦March 2011|DATE⟧."},
	{"in March", "to pro-government forces in ⟦March|DATE⟧."},
	{"on February 27", "A ceasefire that came into effect on ⟦February 27|DATE⟧ has drastically"},
	{"April 13", "with the latest target being ⟦April 13|DATE⟧."},
	{"next week", "are set to resume ⟦next week|DATE⟧ in Geneva"},
	{"within a week", "to head to mobilization offices within ⟦a week|DATE⟧."},
	{"age range", "ISIS called on all men ⟦between 20 and 30|DATE⟧ who are able to fight"},
	{"July 13", "were killed in an airstrike ⟦July 13|DATE⟧ near Mayadin."},
	{"Earlier today", "⟦Earlier today|DATE⟧, the Syrian army cutoff an important"},
	{"2 min read", "on ⟦Monday|DATE⟧.\n⟦2 min|TIME⟧ read\n"},
	{"best month", "“⟦April|DATE⟧ was supposed to be our best month, but aid delivery"},
	{"Thursday between commas", "around the Deir Ezzor Cemetery, ⟦Thursday|DATE⟧, following a fierce battle"},
	{"on Tuesday", "there was a report on ⟦Tuesday|DATE⟧ of the US-led coalition"},

	// Seed corpus: not dates.
	{"recent kidnapping", "Syrian news confirmed the recent ISIS kidnapping."},
	{"recent defeat", "a response to ISIS’ recent high-profile defeat at locations"},
	{"Earlier local reports", "Earlier local reports suggested the Islamic State group"},
	{"earlier reported", "after local residents earlier reported that"},
	{"recently gained", "battling to re-take territory recently gained by the so-called Islamic State."},
	{"last crossing points", "This is the main and one of the last crossing points with Turkey."},
	{"next round", "to have “concrete results in the next round of talks”."},
	{"upcoming round", "at the upcoming round, the UN's Syria envoy"},
	{"Last update", "Last update: "},
	{"workers", "ISIS has kidnapped more than 300 workers, at least 175 workers"},
	{"Jan is a name", "Jan Egeland, a humanitarian advisor for the UN"},
	{"modal may", "the so-called Islamic State may have murdered"},
	{"hashtag and URL", "#Syria #Update: Before the reported kidnapping https://t.co/ltKvqUKrjB pic.twitter.com/2016"},
	{"handle", "@april2016 and #Monday"},

	// May and March.
	{"May modal at sentence start", "May God have mercy. May the talks succeed."},
	{"May the name", "Prime Minister Theresa May said on ⟦Monday|DATE⟧"},
	{"May in context", "in ⟦May|DATE⟧, since ⟦May 2016|DATE⟧, ⟦May 5|DATE⟧, ⟦5 May|DATE⟧, ⟦this May|DATE⟧"},
	{"March as a verb", "Thousands March in Damascus. They will march on."},
	{"month capital", "may april june"},

	// Absolute dates.
	{"full date forms", "⟦7 April 2016|DATE⟧, ⟦April 7 2016|DATE⟧, ⟦April 7th|DATE⟧, the ⟦7th of April|DATE⟧"},
	{"short month", "on ⟦Aug. 5, 2016|DATE⟧ and ⟦Sept 2015|DATE⟧, not Dec alone"},
	{"month comma year", "in ⟦April, 2016|DATE⟧."},
	{"weekday with date", "on ⟦Monday, April 7|DATE⟧, the talks"},
	{"day range", "from ⟦April 7-9|DATE⟧"},
	{"numeric dates", "on ⟦2016-04-07|DATE⟧ or ⟦7/4/2016|DATE⟧ or ⟦04/07/16|DATE⟧, not 24/7 or 1/2 or 2016-13-45"},
	{"weekday plural", "Protests follow ⟦Friday|DATE⟧ prayers on ⟦Fridays|DATE⟧."},
	{"press title", "the Sunday Times reported ⟦Sunday|DATE⟧"},
	{"season", "in ⟦summer 2015|DATE⟧, ⟦last summer|DATE⟧, ⟦early spring|DATE⟧, but fall is a verb"},

	// Years.
	{"years in context", "In ⟦2011|DATE⟧, since ⟦2011|DATE⟧ and until ⟦2016|DATE⟧"},
	{"year before punctuation", "It was founded in the year ⟦1998|DATE⟧."},
	{"year range", "during ⟦2011-2016|DATE⟧ and ⟦2015/16|DATE⟧"},
	{"year and year", "between ⟦2011|DATE⟧ and ⟦2016|DATE⟧ it grew; from ⟦2010 to 2015|DATE⟧ it grew"},
	{"decade and century", "in the ⟦1990s|DATE⟧ and the ⟦20th century|DATE⟧"},
	{"early year", "by ⟦early 2016|DATE⟧, ⟦mid-2016|DATE⟧, ⟦late 2015|DATE⟧, ⟦late-2021|DATE⟧"},
	{"counts are not years", "1500 workers, 2000 people, more than 2000, about 2016, 2,016, 2016.5, the 2000 workers"},
	{"year suffix", "A2016 F-2016 $2016 2016km"},

	// Relative dates.
	{"relative days", "⟦yesterday|DATE⟧, ⟦tomorrow|DATE⟧, ⟦last week|DATE⟧, ⟦next month|DATE⟧, ⟦this year|DATE⟧, ⟦last Monday|DATE⟧, ⟦next April|DATE⟧"},
	{"past units", "over the ⟦past two weeks|DATE⟧ and the ⟦past few days|DATE⟧ and the ⟦last 24 hours|TIME⟧"},
	{"coming", "in the ⟦coming days|DATE⟧ and the ⟦previous year|DATE⟧"},
	{"later this month", "due ⟦later this month|DATE⟧"},
	{"ago and later", "⟦a week ago|DATE⟧, ⟦three years later|DATE⟧, ⟦hours later|TIME⟧, ⟦Days later|DATE⟧"},
	{"year possessive", "⟦this year|DATE⟧'s harvest"},

	// Durations.
	{"durations", "for ⟦24 hours|TIME⟧, ⟦a few days|DATE⟧, ⟦several weeks|DATE⟧, ⟦a couple of months|DATE⟧, ⟦30 minutes|TIME⟧"},
	{"modified durations", "⟦more than two years|DATE⟧, ⟦about a week|DATE⟧, ⟦at least three days|DATE⟧, just ⟦two days|DATE⟧"},
	{"hyphenated", "a ⟦two-day|DATE⟧ visit, a ⟦24-hour|TIME⟧ curfew, a ⟦five-year-old|DATE⟧ boy"},
	{"number ranges", "⟦two to three days|DATE⟧, ⟦20-30 years|DATE⟧, ⟦two and a half years|DATE⟧"},
	{"half", "⟦half an hour|TIME⟧ and ⟦a year and a half|DATE⟧"},
	{"bare plurals", "for ⟦years|DATE⟧, within ⟦hours|TIME⟧, the years of war, working hours"},
	{"rates and sets", "⟦once a week|DATE⟧, ⟦24 hours|TIME⟧ a day, per day"},
	{"a second", "a second attack, ⟦10 seconds|TIME⟧"},

	// Times.
	{"clock times", "at ⟦5 p.m.|TIME⟧, ⟦5pm|TIME⟧, ⟦10:30|TIME⟧, ⟦17:53 UTC|TIME⟧, ⟦5.30pm|TIME⟧, ⟦1800 GMT|TIME⟧, ⟦9 a.m. local time|TIME⟧"},
	{"not clock times", "a ratio of 3:1, 25:00, 1:2:3:4, 3.7 pm, est"},
	{"noon midnight", "at ⟦noon|TIME⟧ and ⟦midnight|TIME⟧, ⟦tonight|TIME⟧"},
	{"time and date", "⟦5 p.m. on Friday|TIME⟧, ⟦Monday at noon|TIME⟧, ⟦Monday night|TIME⟧, ⟦yesterday morning|TIME⟧, ⟦last night|TIME⟧"},
	{"late Monday", "⟦late Monday|TIME⟧"},
	{"o'clock", "at ⟦10 o’clock|TIME⟧"},

	// Ages.
	{"aged", "men aged ⟦18|DATE⟧ and women aged ⟦20 to 30|DATE⟧"},
	{"years old", "a ⟦20 years old|DATE⟧ man and a ⟦20-year-old|DATE⟧ woman"},
	{"between count", "between 20 and 30 fighters were killed"},
	{"between ages with years", "women ⟦between 18 and 25 years old|DATE⟧"},

	// Text around spans.
	{"nbsp", "on\u00a0⟦Monday\u00a0morning|TIME⟧"},
	{"line break", "⟦Monday|DATE⟧\nmorning"},
	{"em dash", "the attack—⟦Monday|DATE⟧—killed"},
	{"empty", ""},
}

func TestFind(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			text, want := marks.MustParse("", tc.marked)
			got := Find(text)
			if diff := cmp.Diff(want, got, cmpMentions); diff != "" {
				t.Errorf("Find(%q) = %v, want %v (-want +got):\n%s", text, got, want, diff)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	x := New()
	if x.Name() != "dates" {
		t.Errorf("Name() = %q, want %q", x.Name(), "dates")
	}
	if x.Version() != version {
		t.Errorf("Version() = %q, want %q", x.Version(), version)
	}
	text, want := marks.MustParse("d1", "“It was ⟦noon on Monday|TIME⟧,” she said ⟦today|DATE⟧.")
	got, err := x.Extract(context.Background(), corpus.Doc{ID: "d1", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpMentions); diff != "" {
		t.Errorf("Extract(%q) = %v, want %v (-want +got):\n%s", text, got, want, diff)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Extract(ctx, corpus.Doc{ID: "d1", Text: text}); err == nil {
		t.Errorf("Extract with a cancelled context succeeded, want an error")
	}
}
