package report

import (
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The PNG copy of a chart is drawn from the chart's own SVG, so that the
// two never disagree. Only the part of SVG that the charts use is read:
//
//   - the root <svg> with width, height and viewBox (scaled to fit and
//     centred, as SVG does by default);
//   - <line>, <rect>, <circle>, <polyline>, <polygon> and <text>;
//   - fill, stroke (a #rgb or #rrggbb colour, rgb(r,g,b), black, white,
//     none or transparent), fill-opacity, stroke-opacity, opacity, stroke-width,
//     stroke-dasharray, and transform (translate, rotate, scale, matrix);
//   - font-size and text-anchor (start, middle, end) of text, which is
//     drawn in Go Regular whatever its font-family;
//   - <title> and <desc>, and attributes that do not change how a chart
//     looks (id, class, role, aria-*, data-*, xmlns), which are skipped.
//
// Anything else is an error rather than a picture that differs from the
// SVG. Strokes have butt ends and mitred corners (bevelled past a miter
// length of 4), as SVG's defaults are; fills follow the nonzero rule.

// pngScale is how many pixels of a PNG chart one unit of its SVG is.
const pngScale = 2

// maxPNGPixels bounds a PNG chart's size: a chart that would pass it at
// pngScale is drawn at the largest scale that keeps within it.
const maxPNGPixels = 1 << 26

// maxCoord bounds every number of an SVG read, and every coordinate once
// scaled to pixels.
const maxCoord = 1e9

// maxDashes bounds how many dashes a dashed stroke may be cut into.
const maxDashes = 100000

// bestUpTo is the size up to which a PNG chart is compressed the best
// zlib can: for larger ones that takes many seconds and saves a few per
// cent, so they are compressed at zlib's default level.
const bestUpTo = 1 << 22

// writePNG writes svg, an SVG document drawn by this package, as a PNG
// image at pngScale on a white background.
func writePNG(w io.Writer, svg string) error {
	img, err := rasterSVG(strings.NewReader(svg), pngScale, maxPNGPixels)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if b := img.Bounds(); b.Dx()*b.Dy() > bestUpTo {
		enc.CompressionLevel = png.DefaultCompression
	}
	return enc.Encode(w, img)
}

// goRegular is the font text is drawn in, parsed once.
var goRegular = sync.OnceValues(func() (*sfnt.Font, error) { return opentype.Parse(goregular.TTF) })

// rasterSVG draws the SVG document read from r at scale pixels a unit, on
// white, in an image of at most maxPixels pixels (the scale is lowered to
// fit when need be).
func rasterSVG(r io.Reader, scale float64, maxPixels int) (*image.RGBA, error) {
	d := xml.NewDecoder(r)
	var p *painter
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if p == nil {
				return nil, errors.New("svg: no <svg> element")
			}
			return p.img, nil
		}
		if err != nil {
			return nil, fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			if t.Target != "xml" || p != nil {
				return nil, fmt.Errorf("svg: unsupported processing instruction <?%s?>", t.Target)
			}
		case xml.Directive:
			return nil, errors.New("svg: unsupported directive <!...>")
		case xml.Comment:
		case xml.CharData:
			if !blank(t) {
				return nil, errors.New("svg: text outside the <svg> element")
			}
		case xml.EndElement:
			return nil, fmt.Errorf("svg: unexpected </%s>", t.Name.Local)
		case xml.StartElement:
			if p != nil {
				return nil, fmt.Errorf("svg: <%s> after the <svg> element", t.Name.Local)
			}
			if err := checkSpace(t.Name); err != nil {
				return nil, err
			}
			if t.Name.Local != "svg" {
				return nil, fmt.Errorf("svg: the root element is <%s>, want <svg>", t.Name.Local)
			}
			if p, err = newPainter(t, scale, maxPixels); err != nil {
				return nil, err
			}
			if err := p.body(d); err != nil {
				return nil, err
			}
		}
	}
}

// blank reports whether text is white space alone.
func blank(text []byte) bool {
	return strings.TrimLeft(string(text), " \t\r\n") == ""
}

const svgSpace = "http://www.w3.org/2000/svg"

// checkSpace refuses an element outside SVG's namespace.
func checkSpace(n xml.Name) error {
	if n.Space != "" && n.Space != svgSpace {
		return fmt.Errorf("svg: <%s> in namespace %q is not supported", n.Local, n.Space)
	}
	return nil
}

// painter draws the elements of one SVG document.
type painter struct {
	img  *image.RGBA
	base matrix // SVG units to pixels
	z    vector.Rasterizer
	font *sfnt.Font
	buf  sfnt.Buffer
	// glyphs caches each glyph's outline, in font units.
	glyphs map[sfnt.GlyphIndex][]glyphSeg
}

// newPainter reads the root element and makes its white image.
func newPainter(root xml.StartElement, scale float64, maxPixels int) (*painter, error) {
	a, err := readAttrs(root)
	if err != nil {
		return nil, err
	}
	w, err := a.length("width", math.NaN())
	if err != nil {
		return nil, err
	}
	h, err := a.length("height", math.NaN())
	if err != nil {
		return nil, err
	}
	if math.IsNaN(w) || math.IsNaN(h) {
		return nil, errors.New("svg: <svg> needs a width and a height")
	}
	if !(w > 0 && h > 0) {
		return nil, fmt.Errorf("svg: <svg> is %gx%g: want a width and a height above 0", w, h)
	}
	base := identity
	if vb, ok := a.take("viewBox"); ok {
		v, err := svgNumbers(vb)
		if err != nil || len(v) != 4 || !(v[2] > 0 && v[3] > 0) {
			return nil, fmt.Errorf("svg: viewBox %q: want min-x min-y width height, width and height above 0", vb)
		}
		// Scaled to fit and centred (preserveAspectRatio xMidYMid meet).
		s := min(w/v[2], h/v[3])
		base = matrix{s, 0, 0, s, -v[0]*s + (w-v[2]*s)/2, -v[1]*s + (h-v[3]*s)/2}
	}
	a.take("font-family") // text is drawn in Go Regular whatever the family
	if err := a.done(); err != nil {
		return nil, err
	}
	if !(scale > 0) {
		return nil, fmt.Errorf("svg: scale %g: want above 0", scale)
	}
	if w*h*scale*scale > float64(maxPixels) {
		scale = math.Sqrt(float64(maxPixels) / (w * h))
	}
	pw, ph := math.Ceil(w*scale-1e-9), math.Ceil(h*scale-1e-9)
	for range 20 { // rounding up may pass the limit: a little smaller
		if pw*ph <= float64(maxPixels) {
			break
		}
		scale *= 0.99
		pw, ph = math.Ceil(w*scale-1e-9), math.Ceil(h*scale-1e-9)
	}
	if pw < 1 || ph < 1 || pw*ph > float64(maxPixels) {
		return nil, fmt.Errorf("svg: a picture of %gx%g is too large to draw (at most %d pixels)", w, h, maxPixels)
	}
	f, err := goRegular()
	if err != nil {
		return nil, fmt.Errorf("svg: the font: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, int(pw), int(ph)))
	draw.Draw(img, img.Rect, image.White, image.Point{}, draw.Src)
	return &painter{img: img, base: matrix{scale, 0, 0, scale, 0, 0}.mul(base), font: f, glyphs: map[sfnt.GlyphIndex][]glyphSeg{}}, nil
}

// body draws the elements inside the root, up to its end.
func (p *painter) body(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.CharData:
			if !blank(t) {
				return errors.New("svg: text directly inside <svg>: want it in a <text> element")
			}
		case xml.Comment:
		case xml.ProcInst, xml.Directive:
			return errors.New("svg: a processing instruction or directive inside <svg>")
		case xml.StartElement:
			if err := checkSpace(t.Name); err != nil {
				return err
			}
			if err := p.element(d, t); err != nil {
				return err
			}
		}
	}
}

// metadata reports whether an element is one that says what a picture is
// and draws nothing.
func metadata(n xml.Name) bool { return n.Local == "title" || n.Local == "desc" }

// element draws one element and reads it to its end.
func (p *painter) element(d *xml.Decoder, se xml.StartElement) error {
	name := se.Name.Local
	if metadata(se.Name) {
		if err := d.Skip(); err != nil {
			return fmt.Errorf("svg: %w", err)
		}
		return nil
	}
	a, err := readAttrs(se)
	if err != nil {
		return err
	}
	var text *strings.Builder
	switch name {
	case "line", "rect", "circle", "polyline", "polygon":
		if err := p.shape(name, a); err != nil {
			return err
		}
	case "text":
		text = &strings.Builder{}
	default:
		return fmt.Errorf("svg: element <%s> is not supported", name)
	}
	if err := children(d, name, text); err != nil {
		return err
	}
	if text != nil {
		return p.text(a, text.String())
	}
	return nil
}

// children reads an element's content to its end: metadata elements and
// comments are skipped, character data goes to text (white space alone
// is allowed where text is nil), anything else is an error.
func children(d *xml.Decoder, name string, text *strings.Builder) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return fmt.Errorf("svg: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := checkSpace(t.Name); err != nil {
				return err
			}
			if !metadata(t.Name) {
				return fmt.Errorf("svg: <%s> inside <%s> is not supported", t.Name.Local, name)
			}
			if err := d.Skip(); err != nil {
				return fmt.Errorf("svg: %w", err)
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			} else if !blank(t) {
				return fmt.Errorf("svg: text inside <%s>", name)
			}
		case xml.Comment:
		default:
			return fmt.Errorf("svg: a processing instruction or directive inside <%s>", name)
		}
	}
}

// attrs are an element's attributes, each to be taken by the code that
// knows it: one left over is one not supported.
type attrs struct {
	el    string
	names []string
	vals  []string
	used  []bool
}

// readAttrs reads an element's attributes, leaving out those that do not
// change how it looks.
func readAttrs(se xml.StartElement) (*attrs, error) {
	a := &attrs{el: se.Name.Local}
	for _, at := range se.Attr {
		n := at.Name
		switch {
		case n.Space == "xmlns", n.Space == "" && n.Local == "xmlns":
			continue // namespace declarations
		case n.Space != "":
			return nil, fmt.Errorf("svg: <%s>: attribute %s:%s is not supported", a.el, n.Space, n.Local)
		case n.Local == "id", n.Local == "class", n.Local == "role",
			strings.HasPrefix(n.Local, "aria-"), strings.HasPrefix(n.Local, "data-"):
			continue
		}
		for _, seen := range a.names {
			if seen == n.Local {
				return nil, fmt.Errorf("svg: <%s>: attribute %s given twice", a.el, n.Local)
			}
		}
		a.names, a.vals, a.used = append(a.names, n.Local), append(a.vals, at.Value), append(a.used, false)
	}
	return a, nil
}

// take returns the attribute called name, if there is one, and marks it
// used.
func (a *attrs) take(name string) (string, bool) {
	for i, n := range a.names {
		if n == name {
			a.used[i] = true
			return a.vals[i], true
		}
	}
	return "", false
}

// done refuses any attribute not taken.
func (a *attrs) done() error {
	for i, n := range a.names {
		if !a.used[i] {
			return fmt.Errorf("svg: <%s>: attribute %s is not supported", a.el, n)
		}
	}
	return nil
}

// length returns the length attribute called name (a number, perhaps in
// px), or def when there is none.
func (a *attrs) length(name string, def float64) (float64, error) {
	s, ok := a.take(name)
	if !ok {
		return def, nil
	}
	v, err := svgNumber(strings.TrimSuffix(strings.TrimSpace(s), "px"))
	if err != nil {
		return 0, fmt.Errorf("svg: <%s>: %s=%q: %w", a.el, name, s, err)
	}
	return v, nil
}

// size is like length, for a size that may not be negative.
func (a *attrs) size(name string, def float64) (float64, error) {
	v, err := a.length(name, def)
	if err == nil && v < 0 {
		err = fmt.Errorf("svg: <%s>: %s=%g: want 0 or more", a.el, name, v)
	}
	return v, err
}

// opacity returns the opacity attribute called name, 1 when there is
// none.
func (a *attrs) opacity(name string) (float64, error) {
	s, ok := a.take(name)
	if !ok {
		return 1, nil
	}
	v, err := svgNumber(strings.TrimSpace(s))
	if err != nil || v < 0 || v > 1 {
		return 0, fmt.Errorf("svg: <%s>: %s=%q: want a number from 0 to 1", a.el, name, s)
	}
	return v, nil
}

// paint returns the colour of the paint attribute called name (fill or
// stroke), def when there is none, with its alpha from the opacities
// given; ok is false for none.
func (a *attrs) paint(name string, def string, opacity float64) (c color.NRGBA, ok bool, err error) {
	s, given := a.take(name)
	if !given {
		s = def
	}
	op, err := a.opacity(name + "-opacity")
	if err != nil {
		return c, false, err
	}
	c, ok, err = parseColour(s)
	if err != nil {
		return c, false, fmt.Errorf("svg: <%s>: %s=%q: %w", a.el, name, s, err)
	}
	c.A = uint8(math.Round(float64(c.A) * op * opacity))
	return c, ok && c.A > 0, nil
}

// parseColour reads a colour: #rgb, #rrggbb, rgb(r,g,b) with r, g and b
// from 0 to 255, black, white, or none or transparent (ok false).
func parseColour(s string) (c color.NRGBA, ok bool, err error) {
	s = strings.TrimSpace(s)
	switch s {
	case "none", "transparent":
		return c, false, nil
	case "black":
		return color.NRGBA{0, 0, 0, 255}, true, nil
	case "white":
		return color.NRGBA{255, 255, 255, 255}, true, nil
	}
	bad := errors.New("want #rgb, #rrggbb, rgb(r,g,b), black, white or none")
	switch {
	case strings.HasPrefix(s, "#") && (len(s) == 4 || len(s) == 7):
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err != nil || strings.ContainsAny(s, "+-_xX") {
			return c, false, bad
		}
		if len(s) == 4 {
			r, g, b := uint8(v>>8), uint8(v>>4&15), uint8(v&15)
			return color.NRGBA{r * 17, g * 17, b * 17, 255}, true, nil
		}
		return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, true, nil
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		parts := strings.Split(s[4:len(s)-1], ",")
		if len(parts) != 3 {
			return c, false, bad
		}
		var rgb [3]uint8
		for i, part := range parts {
			v, err := strconv.Atoi(strings.TrimSpace(part))
			if err != nil || v < 0 || v > 255 {
				return c, false, bad
			}
			rgb[i] = uint8(v)
		}
		return color.NRGBA{rgb[0], rgb[1], rgb[2], 255}, true, nil
	}
	return c, false, bad
}

// svgNumber reads one number as SVG writes it: an optional sign, digits
// with an optional fraction, and an optional exponent.
func svgNumber(s string) (float64, error) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && s[i] == '.' {
		i++
		n += digits()
	}
	if n == 0 {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return 0, fmt.Errorf("%q is not a number", s)
		}
	}
	if i != len(s) {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(v) > maxCoord {
		return 0, fmt.Errorf("%q is out of range (at most %g)", s, maxCoord)
	}
	return v, nil
}

// svgNumbers reads a list of numbers separated by white space or commas.
func svgNumbers(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		v, err := svgNumber(f)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// matrix is an affine transform: (x, y) goes to (a x + c y + e, b x + d y
// + f), as SVG's matrix(a b c d e f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns the transform that applies n, then m.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

func (m matrix) apply(q pt) pt {
	return pt{m[0]*q.x + m[2]*q.y + m[4], m[1]*q.x + m[3]*q.y + m[5]}
}

// stretch is the most m lengthens a unit length.
func (m matrix) stretch() float64 { return max(math.Hypot(m[0], m[1]), math.Hypot(m[2], m[3])) }

// parseTransform reads a transform list: translate, rotate, scale and
// matrix, applied right to left as SVG does.
func parseTransform(s string) (matrix, error) {
	m := identity
	rest := strings.TrimSpace(s)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		end := strings.IndexByte(rest, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("transform %q: want name(numbers) ...", s)
		}
		name := strings.TrimSpace(rest[:open])
		args, err := svgNumbers(rest[open+1 : end])
		if err != nil {
			return m, fmt.Errorf("transform %q: %w", s, err)
		}
		rest = strings.TrimLeft(rest[end+1:], " \t\r\n,")
		var t matrix
		switch n := len(args); {
		case name == "translate" && (n == 1 || n == 2):
			t = matrix{1, 0, 0, 1, args[0], 0}
			if n == 2 {
				t[5] = args[1]
			}
		case name == "scale" && (n == 1 || n == 2):
			t = matrix{args[0], 0, 0, args[0], 0, 0}
			if n == 2 {
				t[3] = args[1]
			}
		case name == "rotate" && (n == 1 || n == 3):
			sin, cos := math.Sincos(args[0] * math.Pi / 180)
			t = matrix{cos, sin, -sin, cos, 0, 0}
			if n == 3 {
				t = matrix{1, 0, 0, 1, args[1], args[2]}.mul(t).mul(matrix{1, 0, 0, 1, -args[1], -args[2]})
			}
		case name == "matrix" && n == 6:
			t = matrix(args)
		default:
			return m, fmt.Errorf("transform %q: %s with %d numbers is not supported (want translate, rotate, scale or matrix)", s, name, n)
		}
		m = m.mul(t)
	}
	return m, nil
}

// transform returns the element's transform to pixels.
func (p *painter) transform(a *attrs) (matrix, error) {
	s, ok := a.take("transform")
	if !ok {
		return p.base, nil
	}
	t, err := parseTransform(s)
	if err != nil {
		return t, fmt.Errorf("svg: <%s>: %w", a.el, err)
	}
	return p.base.mul(t), nil
}

type pt struct{ x, y float64 }

// shape draws a line, rect, circle, polyline or polygon.
func (p *painter) shape(name string, a *attrs) error {
	m, err := p.transform(a)
	if err != nil {
		return err
	}
	opacity, err := a.opacity("opacity")
	if err != nil {
		return err
	}
	fill, filled, err := a.paint("fill", "black", 1)
	if err != nil {
		return err
	}
	stroke, stroked, err := a.paint("stroke", "none", 1)
	if err != nil {
		return err
	}
	width, err := a.size("stroke-width", 1)
	if err != nil {
		return err
	}
	var dashes []float64
	if s, ok := a.take("stroke-dasharray"); ok && strings.TrimSpace(s) != "none" {
		if dashes, err = svgNumbers(s); err != nil {
			return fmt.Errorf("svg: <%s>: stroke-dasharray=%q: %w", name, s, err)
		}
		sum := 0.0
		for _, v := range dashes {
			if v < 0 {
				return fmt.Errorf("svg: <%s>: stroke-dasharray=%q: want no negative length", name, s)
			}
			sum += v
		}
		if sum == 0 {
			dashes = nil // solid, as SVG says
		} else if len(dashes)%2 == 1 {
			dashes = append(dashes, dashes...)
		}
	}
	var path []pt // the outline, in SVG units
	closed := true
	switch name {
	case "line":
		filled = false // a line has no inside
		var v [4]float64
		for i, n := range []string{"x1", "y1", "x2", "y2"} {
			if v[i], err = a.length(n, 0); err != nil {
				return err
			}
		}
		path, closed = []pt{{v[0], v[1]}, {v[2], v[3]}}, false
	case "rect":
		x, err1 := a.length("x", 0)
		y, err2 := a.length("y", 0)
		w, err3 := a.size("width", 0)
		h, err4 := a.size("height", 0)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return err
		}
		if w == 0 || h == 0 {
			break // drawn not at all, as SVG says
		}
		path = []pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}
	case "circle":
		cx, err1 := a.length("cx", 0)
		cy, err2 := a.length("cy", 0)
		r, err3 := a.size("r", 0)
		if err := errors.Join(err1, err2, err3); err != nil {
			return err
		}
		if r == 0 {
			break
		}
		// Enough sides that no side strays from the circle by more than
		// a twentieth of a pixel.
		n := int(math.Ceil(math.Pi * math.Sqrt(10*r*m.stretch())))
		n = min(max(n, 8), 720)
		for i := range n {
			s, c := math.Sincos(2 * math.Pi * float64(i) / float64(n))
			path = append(path, pt{cx + r*c, cy + r*s})
		}
	case "polyline", "polygon":
		s, _ := a.take("points")
		v, err := svgNumbers(s)
		if err != nil {
			return fmt.Errorf("svg: <%s>: points: %w", name, err)
		}
		if len(v)%2 == 1 {
			return fmt.Errorf("svg: <%s>: points: an odd count of numbers (%d)", name, len(v))
		}
		for i := 0; i < len(v); i += 2 {
			path = append(path, pt{v[i], v[i+1]})
		}
		closed = name == "polygon"
	}
	if err := a.done(); err != nil {
		return err
	}
	var fillAt, strokeAt [][]pt
	if filled && len(path) >= 3 {
		if fillAt, err = toPixels(m, [][]pt{path}); err != nil {
			return err
		}
	}
	if stroked && width > 0 && len(path) >= 2 {
		outline, err := strokeOutline(path, closed, width, dashes)
		if err != nil {
			return fmt.Errorf("svg: <%s>: %w", name, err)
		}
		if strokeAt, err = toPixels(m, outline); err != nil {
			return err
		}
	}
	if opacity < 1 && fillAt != nil && strokeAt != nil {
		// The element is drawn whole, then laid on at its opacity.
		layer := image.NewRGBA(p.img.Rect)
		r := p.fill(layer, fillAt, fill).Union(p.fill(layer, strokeAt, stroke))
		mask := image.NewUniform(color.Alpha{uint8(math.Round(255 * opacity))})
		draw.DrawMask(p.img, r, layer, r.Min, mask, image.Point{}, draw.Over)
		return nil
	}
	fill.A = uint8(math.Round(float64(fill.A) * opacity))
	stroke.A = uint8(math.Round(float64(stroke.A) * opacity))
	p.fill(p.img, fillAt, fill)
	p.fill(p.img, strokeAt, stroke)
	return nil
}

// toPixels applies m to contours, refusing coordinates out of range.
func toPixels(m matrix, contours [][]pt) ([][]pt, error) {
	out := make([][]pt, len(contours))
	for i, c := range contours {
		out[i] = make([]pt, len(c))
		for j, q := range c {
			r := m.apply(q)
			if !(math.Abs(r.x) <= maxCoord && math.Abs(r.y) <= maxCoord) {
				return nil, fmt.Errorf("svg: a point at (%g, %g) lies too far out", q.x, q.y)
			}
			out[i][j] = r
		}
	}
	return out, nil
}

// strokeOutline returns the outline of a stroke width wide along path, as
// polygons that all turn the same way, so that where they overlap they
// fill once: a quadrilateral for each side and a mitre or bevel at each
// corner, cut into dashes when dashes is not empty.
func strokeOutline(path []pt, closed bool, width float64, dashes []float64) ([][]pt, error) {
	// Drop repeated points.
	var pts []pt
	for _, q := range path {
		if len(pts) == 0 || q != pts[len(pts)-1] {
			pts = append(pts, q)
		}
	}
	if closed && len(pts) > 1 && pts[0] == pts[len(pts)-1] {
		pts = pts[:len(pts)-1]
	}
	if len(pts) < 2 {
		return nil, nil
	}
	if closed {
		pts = append(pts, pts[0])
	}
	runs := [][]pt{pts}
	if len(dashes) > 0 {
		var err error
		if runs, err = dash(pts, dashes); err != nil {
			return nil, err
		}
	}
	hw := width / 2
	var out [][]pt
	add := func(poly ...pt) {
		area := 0.0
		for i, q := range poly {
			r := poly[(i+1)%len(poly)]
			area += q.x*r.y - r.x*q.y
		}
		switch {
		case area < 0:
			for i, j := 0, len(poly)-1; i < j; i, j = i+1, j-1 {
				poly[i], poly[j] = poly[j], poly[i]
			}
		case area == 0:
			return
		}
		out = append(out, poly)
	}
	for k, run := range runs {
		whole := closed && len(dashes) == 0 && k == 0
		for i := 0; i+1 < len(run); i++ {
			a, b := run[i], run[i+1]
			d := unit(a, b)
			n := pt{-d.y * hw, d.x * hw}
			add(pt{a.x + n.x, a.y + n.y}, pt{b.x + n.x, b.y + n.y}, pt{b.x - n.x, b.y - n.y}, pt{a.x - n.x, a.y - n.y})
		}
		// The corners: every inner point, and the first of a closed path.
		for i := 1; i < len(run); i++ {
			var prev, next pt
			switch {
			case i+1 < len(run):
				prev, next = run[i-1], run[i+1]
			case whole:
				prev, next = run[i-1], run[1]
			default:
				continue
			}
			if poly := join(prev, run[i], next, hw); poly != nil {
				add(poly...)
			}
		}
	}
	return out, nil
}

// unit returns the unit vector from a to b.
func unit(a, b pt) pt {
	l := math.Hypot(b.x-a.x, b.y-a.y)
	if l == 0 {
		return pt{}
	}
	return pt{(b.x - a.x) / l, (b.y - a.y) / l}
}

// join returns the corner to add where a stroke hw wide on each side
// turns at q from prev to next: a mitre, or a bevel where the mitre would
// be longer than 4 stroke widths (SVG's default miter limit); nil where
// the stroke goes straight on or doubles back.
func join(prev, q, next pt, hw float64) []pt {
	d1, d2 := unit(prev, q), unit(q, next)
	cross := d1.x*d2.y - d1.y*d2.x
	dot := d1.x*d2.x + d1.y*d2.y
	if math.Abs(cross) < 1e-12 || dot <= -1+1e-12 {
		return nil
	}
	side := -1.0
	if cross < 0 {
		side = 1
	}
	n1, n2 := pt{-d1.y, d1.x}, pt{-d2.y, d2.x}
	a := pt{q.x + side*hw*n1.x, q.y + side*hw*n1.y}
	c := pt{q.x + side*hw*n2.x, q.y + side*hw*n2.y}
	if math.Sqrt(2/(1+dot)) > 4 {
		return []pt{q, a, c}
	}
	k := side * hw / (1 + dot)
	return []pt{q, a, {q.x + k*(n1.x+n2.x), q.y + k*(n1.y+n2.y)}, c}
}

// dash cuts a path into its dashes: on for dashes[0], off for dashes[1],
// and so on, over and over (dashes has an even length and a sum above 0).
func dash(path []pt, dashes []float64) ([][]pt, error) {
	length, period := 0.0, 0.0
	for i := 0; i+1 < len(path); i++ {
		length += math.Hypot(path[i+1].x-path[i].x, path[i+1].y-path[i].y)
	}
	for _, v := range dashes {
		period += v
	}
	if length/period*float64(len(dashes)) > maxDashes {
		return nil, fmt.Errorf("stroke-dasharray: more than %d dashes", maxDashes)
	}
	var runs [][]pt
	var cur []pt
	k, left := 0, dashes[0]
	on := true
	if left > 0 {
		cur = []pt{path[0]}
	}
	for i := 0; i+1 < len(path); i++ {
		a, b := path[i], path[i+1]
		l := math.Hypot(b.x-a.x, b.y-a.y)
		at := 0.0
		for l-at > left {
			at += left
			q := pt{a.x + (b.x-a.x)*at/l, a.y + (b.y-a.y)*at/l}
			if on {
				runs = append(runs, append(cur, q))
				cur = nil
			} else {
				cur = []pt{q}
			}
			k = (k + 1) % len(dashes)
			left, on = dashes[k], k%2 == 0
		}
		left -= l - at
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) > 1 {
		runs = append(runs, cur)
	}
	return runs, nil
}

// fill paints contours (in pixels) on dst in c, by the nonzero rule, and
// returns the rectangle it painted in.
func (p *painter) fill(dst *image.RGBA, contours [][]pt, c color.NRGBA) image.Rectangle {
	if len(contours) == 0 || c.A == 0 {
		return image.Rectangle{}
	}
	bounds := dst.Rect
	var clipped [][]pt
	lo := pt{math.Inf(1), math.Inf(1)}
	hi := pt{math.Inf(-1), math.Inf(-1)}
	for _, ct := range contours {
		ct = clip(ct, float64(bounds.Dx()), float64(bounds.Dy()))
		if len(ct) < 3 {
			continue
		}
		for _, q := range ct {
			lo = pt{min(lo.x, q.x), min(lo.y, q.y)}
			hi = pt{max(hi.x, q.x), max(hi.y, q.y)}
		}
		clipped = append(clipped, ct)
	}
	if len(clipped) == 0 {
		return image.Rectangle{}
	}
	r := image.Rect(int(math.Floor(lo.x)), int(math.Floor(lo.y)), int(math.Ceil(hi.x)), int(math.Ceil(hi.y))).Intersect(bounds)
	if r.Empty() {
		return image.Rectangle{}
	}
	p.z.Reset(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, ct := range clipped {
		p.z.MoveTo(float32(ct[0].x-ox), float32(ct[0].y-oy))
		for _, q := range ct[1:] {
			p.z.LineTo(float32(q.x-ox), float32(q.y-oy))
		}
		p.z.ClosePath()
	}
	p.z.Draw(dst, r, image.NewUniform(c), image.Point{})
	return r
}

// clip clips a closed contour to the rectangle from (0, 0) to (w, h),
// which keeps the winding of every point inside it.
func clip(ct []pt, w, h float64) []pt {
	edges := []struct {
		in  func(pt) bool
		cut func(a, b pt) pt
	}{
		{func(q pt) bool { return q.x >= 0 }, func(a, b pt) pt { return pt{0, a.y + (b.y-a.y)*(0-a.x)/(b.x-a.x)} }},
		{func(q pt) bool { return q.x <= w }, func(a, b pt) pt { return pt{w, a.y + (b.y-a.y)*(w-a.x)/(b.x-a.x)} }},
		{func(q pt) bool { return q.y >= 0 }, func(a, b pt) pt { return pt{a.x + (b.x-a.x)*(0-a.y)/(b.y-a.y), 0} }},
		{func(q pt) bool { return q.y <= h }, func(a, b pt) pt { return pt{a.x + (b.x-a.x)*(h-a.y)/(b.y-a.y), h} }},
	}
	for _, e := range edges {
		if len(ct) == 0 {
			return nil
		}
		var out []pt
		prev := ct[len(ct)-1]
		for _, q := range ct {
			switch pin, qin := e.in(prev), e.in(q); {
			case qin && !pin:
				out = append(out, e.cut(prev, q), q)
			case qin:
				out = append(out, q)
			case pin:
				out = append(out, e.cut(prev, q))
			}
			prev = q
		}
		ct = out
	}
	return ct
}

// glyphSeg is a part of a glyph's outline in font units, y down: a move,
// line, quadratic or cubic curve to its last point.
type glyphSeg struct {
	op  sfnt.SegmentOp
	pts [3]pt
}

// text draws a text element whose content is s.
func (p *painter) text(a *attrs, s string) error {
	m, err := p.transform(a)
	if err != nil {
		return err
	}
	opacity, err := a.opacity("opacity")
	if err != nil {
		return err
	}
	fill, filled, err := a.paint("fill", "black", opacity)
	if err != nil {
		return err
	}
	if st, ok := a.take("stroke"); ok && strings.TrimSpace(st) != "none" {
		return fmt.Errorf("svg: <text>: stroke=%q is not supported", st)
	}
	x, err1 := a.length("x", 0)
	y, err2 := a.length("y", 0)
	size, err3 := a.size("font-size", 16)
	if err := errors.Join(err1, err2, err3); err != nil {
		return err
	}
	anchor, _ := a.take("text-anchor")
	switch anchor = strings.TrimSpace(anchor); anchor {
	case "", "start", "middle", "end":
	default:
		return fmt.Errorf("svg: <text>: text-anchor=%q: want start, middle or end", anchor)
	}
	a.take("font-family")
	if err := a.done(); err != nil {
		return err
	}
	s = collapseSpace(s)
	if !filled || s == "" || size == 0 {
		return nil
	}
	f := p.font
	upem := fixed.Int26_6(f.UnitsPerEm()) << 6 // outlines in font units, 26.6
	type placed struct {
		g  sfnt.GlyphIndex
		at float64 // font units from the start
	}
	var glyphs []placed
	pen := 0.0
	prev := sfnt.GlyphIndex(0)
	for i, r := range s {
		g, err := f.GlyphIndex(&p.buf, r)
		if err != nil {
			return fmt.Errorf("svg: <text>: %w", err)
		}
		if i > 0 {
			k, err := f.Kern(&p.buf, prev, g, upem, font.HintingNone)
			if err != nil && err != sfnt.ErrNotFound {
				return fmt.Errorf("svg: <text>: %w", err)
			}
			pen += float64(k) / 64
		}
		adv, err := f.GlyphAdvance(&p.buf, g, upem, font.HintingNone)
		if err != nil {
			return fmt.Errorf("svg: <text>: %w", err)
		}
		glyphs = append(glyphs, placed{g, pen})
		pen += float64(adv) / 64
		prev = g
	}
	k := size / float64(f.UnitsPerEm())
	switch anchor {
	case "middle":
		x -= pen * k / 2
	case "end":
		x -= pen * k
	}
	var contours [][]pt
	for _, gl := range glyphs {
		segs, err := p.glyph(gl.g, upem)
		if err != nil {
			return err
		}
		gm := m.mul(matrix{k, 0, 0, k, x + gl.at*k, y})
		contours, err = outline(contours, gm, segs)
		if err != nil {
			return err
		}
	}
	p.fill(p.img, contours, fill)
	return nil
}

// glyph returns a glyph's outline, read once.
func (p *painter) glyph(g sfnt.GlyphIndex, upem fixed.Int26_6) ([]glyphSeg, error) {
	if segs, ok := p.glyphs[g]; ok {
		return segs, nil
	}
	raw, err := p.font.LoadGlyph(&p.buf, g, upem, nil)
	if err != nil {
		return nil, fmt.Errorf("svg: <text>: glyph %d: %w", g, err)
	}
	segs := make([]glyphSeg, len(raw))
	for i, s := range raw {
		segs[i].op = s.Op
		for j, q := range s.Args {
			segs[i].pts[j] = pt{float64(q.X) / 64, float64(q.Y) / 64}
		}
	}
	p.glyphs[g] = segs
	return segs, nil
}

// outline appends a glyph's contours, placed by m and with its curves cut
// into lines that stray less than a tenth of a pixel, to contours.
func outline(contours [][]pt, m matrix, segs []glyphSeg) ([][]pt, error) {
	var cur []pt
	flush := func() {
		if len(cur) >= 3 {
			contours = append(contours, cur)
		}
		cur = nil
	}
	for _, s := range segs {
		var q [3]pt
		for i := range q {
			q[i] = m.apply(s.pts[i])
			if !(math.Abs(q[i].x) <= maxCoord && math.Abs(q[i].y) <= maxCoord) {
				return nil, errors.New("svg: <text>: a glyph lies too far out")
			}
		}
		switch s.op {
		case sfnt.SegmentOpMoveTo:
			flush()
			cur = []pt{q[0]}
		case sfnt.SegmentOpLineTo:
			cur = append(cur, q[0])
		case sfnt.SegmentOpQuadTo:
			a := last(cur)
			dev := math.Hypot(a.x-2*q[0].x+q[1].x, a.y-2*q[0].y+q[1].y)
			n := curveSteps(dev)
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				cur = append(cur, pt{u*u*a.x + 2*u*t*q[0].x + t*t*q[1].x, u*u*a.y + 2*u*t*q[0].y + t*t*q[1].y})
			}
		case sfnt.SegmentOpCubeTo:
			a := last(cur)
			dev := max(math.Hypot(a.x-2*q[0].x+q[1].x, a.y-2*q[0].y+q[1].y), math.Hypot(q[0].x-2*q[1].x+q[2].x, q[0].y-2*q[1].y+q[2].y))
			n := curveSteps(3 * dev)
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				cur = append(cur, pt{
					u*u*u*a.x + 3*u*u*t*q[0].x + 3*u*t*t*q[1].x + t*t*t*q[2].x,
					u*u*u*a.y + 3*u*u*t*q[0].y + 3*u*t*t*q[1].y + t*t*t*q[2].y,
				})
			}
		}
	}
	flush()
	return contours, nil
}

func last(c []pt) pt {
	if len(c) == 0 {
		return pt{}
	}
	return c[len(c)-1]
}

// curveSteps is how many lines a curve whose control points stray dev
// pixels from straight is cut into: its distance from its chords falls
// with the square of that number.
func curveSteps(dev float64) int {
	return min(max(int(math.Ceil(math.Sqrt(dev/0.4))), 1), 64)
}

// collapseSpace treats a text's white space as SVG does by default: line
// breaks removed, tabs made spaces, runs of spaces made one, and spaces
// at either end trimmed.
func collapseSpace(s string) string {
	s = strings.NewReplacer("\r", "", "\n", "", "\t", " ").Replace(s)
	var b strings.Builder
	space := false
	for _, r := range strings.Trim(s, " ") {
		if r == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
