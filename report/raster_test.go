package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"
)

// raster draws an SVG at scale, failing the test on an error.
func raster(t *testing.T, svg string, scale float64) *image.RGBA {
	t.Helper()
	img, err := rasterSVG(strings.NewReader(svg), scale, maxPNGPixels)
	if err != nil {
		t.Fatalf("%v\n%s", err, svg)
	}
	return img
}

// wantPixels checks the colour of pixels, given as "x,y" → colour.
func wantPixels(t *testing.T, img *image.RGBA, want map[[2]int]color.RGBA) {
	t.Helper()
	for at, c := range want {
		if got := img.RGBAAt(at[0], at[1]); got != c {
			t.Errorf("pixel (%d,%d) = %v, want %v", at[0], at[1], got, c)
		}
	}
}

var (
	white = color.RGBA{255, 255, 255, 255}
	black = color.RGBA{0, 0, 0, 255}
	red   = color.RGBA{255, 0, 0, 255}
)

// TestRasterRect: a rect from (2,2) 6 wide and 4 high, at scale 2, covers
// the pixels from (4,4) to (15,11) whole, in its colour, and no other.
func TestRasterRect(t *testing.T) {
	img := raster(t, `<svg width="20" height="10"><rect x="2" y="2" width="6" height="4" fill="#f00"/></svg>`, 2)
	if got := img.Bounds(); got != image.Rect(0, 0, 40, 20) {
		t.Fatalf("bounds %v, want 40x20", got)
	}
	wantPixels(t, img, map[[2]int]color.RGBA{
		{4, 4}: red, {15, 11}: red, {10, 8}: red,
		{3, 4}: white, {16, 4}: white, {4, 3}: white, {4, 12}: white, {0, 0}: white, {39, 19}: white,
	})
	// rgb() and #rrggbb give the same colour; the viewBox maps its units
	// onto the width and height.
	img = raster(t, `<svg width="20" height="10" viewBox="0 0 10 5"><rect x="1" y="1" width="3" height="2" fill="rgb(31, 95, 168)"/><rect x="5" y="1" width="3" height="2" fill="#1f5fa8"/></svg>`, 1)
	blue := color.RGBA{31, 95, 168, 255}
	wantPixels(t, img, map[[2]int]color.RGBA{{2, 2}: blue, {7, 5}: blue, {12, 2}: blue, {15, 5}: blue, {1, 1}: white, {9, 3}: white})
}

// TestRasterLine: a horizontal line 2 wide at y = 5 from x = 2 to 18, at
// scale 2, covers rows 8 to 11 from column 4 to 35 (butt ends); dashes "4
// 2" at scale 1 are on for 4, off for 2.
func TestRasterLine(t *testing.T) {
	img := raster(t, `<svg width="20" height="10"><line x1="2" y1="5" x2="18" y2="5" stroke="#000" stroke-width="2"/></svg>`, 2)
	wantPixels(t, img, map[[2]int]color.RGBA{
		{4, 8}: black, {35, 11}: black, {20, 9}: black,
		{20, 7}: white, {20, 12}: white, {3, 9}: white, {36, 9}: white,
	})
	// A line with no stroke is not drawn.
	img = raster(t, `<svg width="20" height="10"><line x1="2" y1="5" x2="18" y2="5" stroke-width="2"/></svg>`, 1)
	wantPixels(t, img, map[[2]int]color.RGBA{{10, 5}: white, {10, 4}: white})

	img = raster(t, `<svg width="20" height="4"><line x1="0" y1="2" x2="20" y2="2" stroke="#000" stroke-width="2" stroke-dasharray="4 2"/></svg>`, 1)
	for x, on := range []bool{true, true, true, true, false, false, true, true, true, true, false, false, true} {
		want := white
		if on {
			want = black
		}
		wantPixels(t, img, map[[2]int]color.RGBA{{x, 1}: want, {x, 2}: want, {x, 0}: white, {x, 3}: white})
	}
	// A polyline's dashes go on round its corners: "4 2" along (0,1) →
	// (3,1) → (3,7) is on from (0,1) to (3,1) and on down to (3,2).
	img = raster(t, `<svg width="10" height="10"><polyline points="0,1 3,1 3,7" fill="none" stroke="#000" stroke-width="1" stroke-dasharray="4,2"/></svg>`, 4)
	// At scale 4: the first side covers rows 2-5; the corner dash goes
	// down the second side, columns 10-13, to y = 2 (row 7); off to y =
	// 4 (row 16); on again to y = 7.
	wantPixels(t, img, map[[2]int]color.RGBA{{1, 3}: black, {11, 6}: black, {11, 10}: white, {11, 14}: white, {11, 20}: black, {16, 4}: white})
}

// TestRasterCircleAndStroke: a circle is its colour at its centre and
// inside its radius, white outside; a stroked rect has mitred corners;
// opacity lays a colour over white by its share.
func TestRasterCircleAndStroke(t *testing.T) {
	img := raster(t, `<svg width="20" height="20"><circle cx="10" cy="10" r="5" fill="#1f5fa8"/></svg>`, 1)
	blue := color.RGBA{31, 95, 168, 255}
	wantPixels(t, img, map[[2]int]color.RGBA{{9, 9}: blue, {10, 6}: blue, {6, 10}: blue, {13, 10}: blue, {10, 16}: white, {3, 10}: white, {5, 5}: white, {14, 14}: white})

	// The stroke 2 wide runs from 4 to 6 round a square from (5,5) to
	// (15,15); its corners are square (mitred), so pixel (4,4) is covered.
	img = raster(t, `<svg width="20" height="20"><rect x="5" y="5" width="10" height="10" fill="none" stroke="#000" stroke-width="2"/></svg>`, 1)
	wantPixels(t, img, map[[2]int]color.RGBA{{4, 4}: black, {15, 15}: black, {4, 15}: black, {10, 5}: black, {3, 3}: white, {10, 10}: white, {16, 16}: white, {6, 6}: white})

	img = raster(t, `<svg width="4" height="4"><rect width="2" height="4" fill="#000" fill-opacity="0.5"/><rect x="2" width="2" height="4" fill="#000" opacity="0.5" stroke="none"/></svg>`, 1)
	for _, x := range []int{0, 3} {
		if c := img.RGBAAt(x, 1); c.R < 126 || c.R > 129 || c.R != c.G || c.A != 255 {
			t.Errorf("half black over white at x %d: %v, want grey 127 or 128", x, c)
		}
	}

	// opacity lays the element on whole: where its stroke is over its
	// fill, half black still, not three quarters.
	img = raster(t, `<svg width="10" height="10"><rect x="2" y="2" width="6" height="6" fill="#000" stroke="#000" stroke-width="2" opacity="0.5"/></svg>`, 1)
	for _, at := range [][2]int{{1, 5}, {2, 5}, {5, 5}} {
		if c := img.RGBAAt(at[0], at[1]); c.R < 126 || c.R > 129 {
			t.Errorf("half black at %v: %v, want grey 127 or 128", at, c)
		}
	}
	if c := img.RGBAAt(0, 5); c != white {
		t.Errorf("pixel (0,5) = %v, want white", c)
	}

	// A polygon is filled; a filled polyline closes itself.
	for _, el := range []string{"polygon", "polyline"} {
		img = raster(t, `<svg width="10" height="10"><`+el+` points="0,0 10,0 0,10" fill="#f00"/></svg>`, 1)
		wantPixels(t, img, map[[2]int]color.RGBA{{1, 1}: red, {7, 1}: red, {1, 7}: red, {8, 8}: white, {5, 5}: white})
	}
}

// ink returns the box of the pixels darker than mid grey, and how many
// there are.
func ink(img *image.RGBA) (image.Rectangle, int) {
	var box image.Rectangle
	n := 0
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if img.RGBAAt(x, y).R < 128 {
				n++
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box, n
}

// TestRasterText: text 20 high at x = 10 with its baseline at y = 30 has
// ink between its baseline and 20 above it, starting at x, and less than
// 20 wide a letter (two letters: under 40); text-anchor end puts it
// left of x, middle about x; a rotation of -90 turns it to run upwards.
func TestRasterText(t *testing.T) {
	const svg = `<svg width="200" height="60"><text x="%s" y="30" font-size="20"%s>HI</text></svg>`
	for _, c := range []struct {
		x, extra string
		within   image.Rectangle
	}{
		{"10", "", image.Rect(10, 10, 50, 31)},
		{"190", ` text-anchor="end"`, image.Rect(150, 10, 191, 31)},
		{"100", ` text-anchor="middle"`, image.Rect(80, 10, 121, 31)},
	} {
		img := raster(t, fmt.Sprintf(svg, c.x, c.extra), 1)
		box, n := ink(img)
		if n < 40 || !box.In(c.within) {
			t.Errorf("x=%s%s: %d dark pixels in %v, want some, within %v", c.x, c.extra, n, box, c.within)
		}
		// Anchored at the middle, the ink is on both sides of x.
		if c.x == "100" && !(box.Min.X < 95 && box.Max.X > 105) {
			t.Errorf("middle: ink in %v, want it on both sides of 100", box)
		}
		if c.x == "190" && box.Max.X < 180 {
			t.Errorf("end: ink in %v, want it to end near 190", box)
		}
	}
	img := raster(t, `<svg width="100" height="100"><text font-size="20" transform="translate(50,50) rotate(-90)">HI</text></svg>`, 1)
	if box, n := ink(img); n < 40 || !box.In(image.Rect(30, 10, 51, 51)) || box.Dy() < box.Dx() {
		t.Errorf("rotated text: %d dark pixels in %v, want them taller than wide within (30,10)-(51,51)", n, box)
	}
	// White space is collapsed and an empty text draws nothing; a text of
	// another colour is in that colour.
	img = raster(t, `<svg width="50" height="20"><text x="2" y="15" font-size="12">  
	 </text></svg>`, 1)
	if _, n := ink(img); n != 0 {
		t.Errorf("blank text: %d dark pixels", n)
	}
	img = raster(t, `<svg width="60" height="40"><text x="2" y="30" font-size="30" fill="#f00">I</text></svg>`, 1)
	reds := 0
	for y := range 40 {
		for x := range 60 {
			if img.RGBAAt(x, y) == red {
				reds++
			}
		}
	}
	if reds < 20 {
		t.Errorf("red text: %d red pixels", reds)
	}
}

// TestRasterLimits: a picture larger than the limit is drawn at the
// largest scale that fits: 1000x400 in 25,000 pixels at sqrt(25000 /
// 400000) = 1/4, 250x100; in 10,000 pixels at about 0.158, which rounds
// up to 159x64, too many, so a little smaller.
func TestRasterLimits(t *testing.T) {
	const svg = `<svg width="1000" height="400"><rect width="1000" height="400" fill="#000"/></svg>`
	img, err := rasterSVG(strings.NewReader(svg), 2, 25000)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, 250, 100) {
		t.Errorf("bounds %v, want 250x100", got)
	}
	if c := img.RGBAAt(249, 99); c != black {
		t.Errorf("pixel (249,99) = %v", c)
	}
	img, err = rasterSVG(strings.NewReader(svg), 2, 10000)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx()*b.Dy() > 10000 || b.Dx() < 150 || b.Dy() < 60 {
		t.Errorf("bounds %v, want at most 10,000 pixels, about 158x63", b)
	}
}

// TestRasterRefuses: what the reader does not know is an error that says
// what, never a guess.
func TestRasterRefuses(t *testing.T) {
	for _, c := range []struct{ svg, want string }{
		{``, "no <svg>"},
		{`<html/>`, "root element is <html>"},
		{`<svg width="10"></svg>`, "needs a width and a height"},
		{`<svg width="10" height="0"></svg>`, "above 0"},
		{`<svg width="10" height="10" viewBox="0 0 10"></svg>`, "viewBox"},
		{`<svg width="10" height="10" preserveAspectRatio="none"></svg>`, "preserveAspectRatio is not supported"},
		{`<svg width="10" height="10"><g/></svg>`, "<g> is not supported"},
		{`<svg width="10" height="10"><path d="M0 0L5 5"/></svg>`, "<path> is not supported"},
		{`<svg width="10" height="10"><rect width="5" height="5" rx="2"/></svg>`, "rx is not supported"},
		{`<svg width="10" height="10"><rect width="5" height="5" fill="red"/></svg>`, "want #rgb"},
		{`<svg width="10" height="10"><rect width="5" height="5" fill="#12345"/></svg>`, "want #rgb"},
		{`<svg width="10" height="10"><rect width="5" height="5" fill="rgb(1,2,300)"/></svg>`, "want #rgb"},
		{`<svg width="10" height="10"><rect width="-5" height="5"/></svg>`, "want 0 or more"},
		{`<svg width="10" height="10"><rect width="5" height="5" x="1e400"/></svg>`, "out of range"},
		{`<svg width="10" height="10"><rect width="5" height="5" x="NaN"/></svg>`, "not a number"},
		{`<svg width="10" height="10"><rect width="5" height="5" x="0x10"/></svg>`, "not a number"},
		{`<svg width="10" height="10"><rect width="5" height="5" fill-opacity="2"/></svg>`, "from 0 to 1"},
		{`<svg width="10" height="10"><rect width="5" height="5">text</rect></svg>`, "text inside <rect>"},
		{`<svg width="10" height="10"><rect width="5" height="5" x="1" x="2"/></svg>`, "attribute x given twice"},
		{`<svg width="10" height="10"><polyline points="1,2 3"/></svg>`, "odd count"},
		{`<svg width="10" height="10"><line x2="5" stroke="#000" stroke-dasharray="1 -1"/></svg>`, "negative"},
		{`<svg width="10" height="10"><line x2="1e9" stroke="#000" stroke-dasharray="0.001"/></svg>`, "dashes"},
		{`<svg width="10" height="10"><text font-weight="bold">a</text></svg>`, "font-weight is not supported"},
		{`<svg width="10" height="10"><text text-anchor="left">a</text></svg>`, "text-anchor"},
		{`<svg width="10" height="10"><text stroke="#000">a</text></svg>`, "stroke"},
		{`<svg width="10" height="10"><text><tspan>a</tspan></text></svg>`, "<tspan> inside <text>"},
		{`<svg width="10" height="10"><text transform="skewX(10)">a</text></svg>`, "skewX with 1 numbers is not supported"},
		{`<svg width="10" height="10"><text transform="translate(1">a</text></svg>`, "transform"},
		{`<svg width="10" height="10"><rect width="5" height="5" transform="scale(1e9) translate(1e9)"/></svg>`, "too far out"},
		{`<svg width="10" height="10"><rect width="5" height="5" xlink:href="#a" xmlns:xlink="http://www.w3.org/1999/xlink"/></svg>`, "xlink:href is not supported"},
		{`<svg width="10" height="10" xmlns="http://example.com/"/>`, "namespace"},
		{`<!DOCTYPE svg><svg width="10" height="10"/>`, "directive"},
		{`<svg width="10" height="10"></svg><svg width="10" height="10"></svg>`, "after the <svg>"},
		{`<svg width="10" height="10">`, "unexpected EOF"},
		{`<svg width="10" height="10">&nbsp;</svg>`, "invalid character entity"},
		{`<svg width="1e9" height="1"/>`, "too large"},
	} {
		img, err := rasterSVG(strings.NewReader(c.svg), 1, 1<<20)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, %v; want an error with %q", c.svg, img != nil, err, c.want)
		}
	}
}

// TestRasterSkips: titles, descriptions, comments and attributes that do
// not change the picture are read past.
func TestRasterSkips(t *testing.T) {
	img := raster(t, `<?xml version="1.0" encoding="UTF-8"?>
<!-- a chart -->
<svg xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" role="img" aria-labelledby="t" width="10" height="10" viewBox="0 0 10 10"><title id="t">A <b>chart</b></title><desc>square</desc>
<rect id="r" class="c" data-label="x" x="0" y="0" width="5" height="5" fill="#f00"><title>red</title></rect>
</svg>
`, 1)
	wantPixels(t, img, map[[2]int]color.RGBA{{2, 2}: red, {7, 7}: white})
}

// TestPNGDeterministic: the same SVG gives the same PNG bytes.
func TestPNGDeterministic(t *testing.T) {
	svg := `<svg width="120" height="60"><circle cx="30" cy="30" r="20" fill="#1864ab"/><polyline points="0,60 40,10 120,50" fill="none" stroke="#c92a2a" stroke-width="2" stroke-dasharray="6 3"/><text x="60" y="30" font-size="12" text-anchor="middle">ΔF1 −3.0</text></svg>`
	var a, b bytes.Buffer
	if err := writePNG(&a, svg); err != nil {
		t.Fatal(err)
	}
	if err := writePNG(&b, svg); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two PNGs of one SVG differ")
	}
}

// FuzzRaster: no SVG, however malformed, makes the reader panic, and a
// picture it draws keeps within its size limit.
func FuzzRaster(f *testing.F) {
	for _, s := range []string{
		`<svg width="10" height="10"><rect width="5" height="5" fill="#f00" stroke="#000"/></svg>`,
		`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 20 10"><title>t</title><line x1="0" y1="1" x2="9" y2="8" stroke="#333" stroke-width="2"/></svg>`,
		`<svg width="30" height="30"><circle cx="10" cy="10" r="5" fill="rgb(1,2,3)" opacity="0.5" stroke="#fff"/></svg>`,
		`<svg width="30" height="30"><polyline points="0,0 10,20 20,5" fill="none" stroke="#c92a2a" stroke-dasharray="6 3"/><polygon points="1,1 5,9 9,1" fill="#d0ebff" stroke="none"><title>b</title></polygon></svg>`,
		`<svg width="60" height="30"><text x="30" y="20" font-size="12" text-anchor="middle" fill="#fff">a &lt; b</text><text font-size="10" transform="translate(5,25) rotate(-60)">PERSON</text></svg>`,
		`<svg width="60" height="30"><text x="3" y="20" transform="matrix(1 0 0 1 2 2) scale(2)">Zoë 中</text></svg>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 1 << 14
		img, err := rasterSVG(bytes.NewReader(data), 1, limit)
		if err != nil {
			return
		}
		if b := img.Bounds(); b.Dx() < 1 || b.Dy() < 1 || b.Dx()*b.Dy() > limit {
			t.Errorf("bounds %v", b)
		}
	})
}
