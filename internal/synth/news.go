package synth

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

// News writes about size bytes of English text in the style of news
// reports, chat and transcripts: paragraphs of sentences built from
// templates, with names, places, counts, money, measures, dates and times
// written in the many ways people write them ("more than 300", "2.5
// million", "$5m", "-3.75", "three quarters", "April 7, 2016", "half past
// ten", "Q2", "every week"), and sentences with none. It is meant for
// timing extractors on text they were not written for; it is not
// annotated. The same seed gives the same text.
func News(w io.Writer, size int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 0x6e657773))
	bw := bufio.NewWriter(w)
	var b strings.Builder
	written := 0
	for written < size {
		b.Reset()
		paragraph(&b, rng)
		n, err := bw.WriteString(b.String())
		if err != nil {
			return err
		}
		written += n
	}
	return bw.Flush()
}

// NewsDocs returns n documents of about size bytes each, as News writes
// them, for benchmarks that want a corpus of many documents.
func NewsDocs(n, size int, seed uint64) []string {
	docs := make([]string, n)
	for i := range docs {
		var b strings.Builder
		News(&b, size, seed+uint64(i)) // a strings.Builder never fails
		docs[i] = b.String()
	}
	return docs
}

// paragraph writes two to six sentences and a blank line.
func paragraph(b *strings.Builder, rng *rand.Rand) {
	for n := 2 + rng.IntN(5); n > 0; n-- {
		sentence(b, rng)
		b.WriteByte(' ')
	}
	b.WriteString("\n\n")
}

// sentence writes one sentence from a template, filling each {slot}.
func sentence(b *strings.Builder, rng *rand.Rand) {
	t := templates[rng.IntN(len(templates))]
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return
		}
		j := strings.IndexByte(t[i:], '}') + i
		b.WriteString(t[:i])
		fill(b, rng, t[i+1:j])
		t = t[j+1:]
	}
}

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

// fill writes a value for one slot.
func fill(b *strings.Builder, rng *rand.Rand, slot string) {
	switch slot {
	case "count":
		count(b, rng)
	case "money":
		money(b, rng)
	case "measure":
		count(b, rng)
		b.WriteByte(' ')
		b.WriteString(pick(rng, units))
	case "percent":
		b.WriteString(strconv.FormatFloat(float64(rng.IntN(1000))/10, 'f', -1, 64))
		b.WriteString(pick(rng, []string{"%", " percent", " per cent"}))
	case "date":
		b.WriteString(pick(rng, dateForms(rng)))
	case "time":
		b.WriteString(pick(rng, timeForms(rng)))
	default:
		b.WriteString(pick(rng, lists[slot]))
	}
}

// count writes a count in one of the ways people write counts.
func count(b *strings.Builder, rng *rand.Rand) {
	n := 1 + rng.IntN(999)
	switch rng.IntN(12) {
	case 0, 1, 2:
		b.WriteString(strconv.Itoa(n))
	case 3:
		b.WriteString(pick(rng, modifiers))
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(n))
	case 4:
		b.WriteString(strconv.Itoa(n))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(100 + rng.IntN(900)))
	case 5:
		b.WriteString(strconv.FormatFloat(float64(n)/10, 'f', 1, 64))
		b.WriteString(pick(rng, []string{" million", " billion", "k", "m", "bn", " thousand", " lakh", " crore"}))
	case 6:
		b.WriteString(pick(rng, numberWords))
	case 7:
		b.WriteString(pick(rng, numberWords))
		b.WriteString(" hundred and ")
		b.WriteString(pick(rng, numberWords))
	case 8:
		b.WriteString(pick(rng, []string{"-", "minus ", "negative "}))
		b.WriteString(strconv.FormatFloat(float64(n)/100, 'f', -1, 64))
	case 9:
		b.WriteString(pick(rng, fractions))
	case 10:
		b.WriteString(pick(rng, []string{"dozens", "hundreds", "thousands", "tens of thousands", "a couple", "a pair", "several hundred"}))
	default:
		b.WriteString(strconv.Itoa(n))
		b.WriteString(" to ")
		b.WriteString(strconv.Itoa(n + 1 + rng.IntN(100)))
	}
}

func money(b *strings.Builder, rng *rand.Rand) {
	n := strconv.Itoa(1 + rng.IntN(9999))
	switch rng.IntN(4) {
	case 0:
		b.WriteString("$" + n)
	case 1:
		b.WriteString("€" + n + pick(rng, []string{"m", "bn", " million", ""}))
	case 2:
		b.WriteString(n + " " + pick(rng, []string{"dollars", "euros", "pounds", "Syrian pounds"}))
	default:
		b.WriteString(pick(rng, []string{"USD ", "£", "US$"}) + n)
	}
}

func dateForms(rng *rand.Rand) []string {
	day := strconv.Itoa(1 + rng.IntN(28))
	month := pick(rng, months)
	year := strconv.Itoa(1950 + rng.IntN(80))
	return []string{
		month + " " + day + ", " + year, day + " " + month + " " + year, month + " " + year,
		pick(rng, weekdays), "last " + pick(rng, weekdays), "next week", "this month", "two days ago",
		year + "-0" + strconv.Itoa(1+rng.IntN(9)) + "-" + day, day + "/0" + strconv.Itoa(1+rng.IntN(9)) + "/" + year,
		"the end of the week", "Q" + strconv.Itoa(1+rng.IntN(4)), "the second quarter", "winter", "Easter " + year,
		"New Year's Eve", "every week", "monthly", "three years", "recent weeks", "early " + year,
		strings.ToLower(month[:3]) + " " + day, "nineteen ninety-eight", "the 19th",
	}
}

func timeForms(rng *rand.Rand) []string {
	h := strconv.Itoa(1 + rng.IntN(12))
	return []string{
		h + " pm", h + ":" + strconv.Itoa(10+rng.IntN(50)), "noon", "midnight", "this morning", "last night",
		"half past " + pick(rng, numberWords), "a quarter to " + h, h + "am", "tonight at " + h + "pm",
		"in the afternoon", "two hours", "nine am", "14h45", h + " o'clock",
	}
}

var (
	templates = []string{
		"{source} said {count} {people} were {event} in {place} on {date}.",
		"{Source} reported that {count} {people} had been {event} near {place}, {measure} from the border.",
		"The company paid {money} for the {thing}, {percent} more than {date}.",
		"At {time} on {date}, {count} {people} gathered outside the {thing} in {place}.",
		"Prices rose by {percent} in {date}, to {money} a {thing}.",
		"{person} told reporters: \"We have {count} {people} and {money} left.\"",
		"lol we waited {count} hours for the {thing} at {time}",
		"SPEAKER 2: so that's, um, {count} {people} from {place}, right? {time}, {date}.",
		"The {thing} covers {measure} and cost {money} over {count} years.",
		"{person} arrived in {place} {date} with {count} {people}.",
		"Nothing changed in {place} after the talks, {source} said.",
		"{Source} has not said who was behind the attack on the {thing}.",
		"The {people} from {place} met {person} {date} at {time} to discuss the {thing}.",
		"Score: {count} to {count}, version 2.{count}, call 1-800-555-0199 or see www.example.com/{count}.",
		"The {people} in {place} said they had not been told where the {thing} would go, and {source} declined to comment.",
		"{Source} described the situation in {place} as calm but tense, with roads to the {thing} closed.",
		"{person} said the {people} would be allowed to return once the {thing} was safe.",
		"Aid groups warned that the {people} near {place} still lacked water, food and medicine.",
		"ok so the {thing} is closed again?? nobody in {place} knows anything",
		"SPEAKER 1: Right, and what did the {people} tell you about the {thing}?",
		"In a statement, {source} urged both sides to protect the {people} and to reopen the {thing}.",
		"It was not clear whether the {people} taken from the {thing} had been moved to {place}.",
	}
	lists = map[string][]string{
		"source": {"officials", "a spokesman", "the ministry", "state media", "witnesses", "the observatory"},
		"Source": {"Officials", "A spokesman", "The ministry", "State media", "Witnesses", "Reuters"},
		"people": {"workers", "civilians", "fighters", "refugees", "employees", "children", "students"},
		"event":  {"kidnapped", "released", "evacuated", "killed", "moved", "counted"},
		"place":  {"Damascus", "Dmeir", "Aleppo", "the capital", "Deir ez-Zor", "London", "New Delhi", "Paris"},
		"thing":  {"factory", "bridge", "air base", "contract", "shipment", "plant", "ticket"},
		"person": {"Rami Abdul Rahman", "Vladimir Putin", "Jan Egeland", "April Ryan", "Theresa May", "a resident"},
	}
	modifiers   = []string{"more than", "at least", "around", "about", "nearly", "up to", "fewer than", "over", "some"}
	numberWords = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty-five", "fourty", "ninety-nine"}
	fractions   = []string{"three quarters", "two-thirds", "a half", "two and a half", "3/8", "4 1/2", ".45", "point 5", "6.02e+23", "a thousandth"}
	units       = []string{"km", "miles", "kilometres", "tonnes", "kg", "litres", "square kilometers", "metres", "feet"}
	months      = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)
