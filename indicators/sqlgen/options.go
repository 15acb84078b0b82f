//go:build !js

package sqlgen

import (
	"fmt"

	"github.com/eduplan/eduplan/indicators"
)

// Options are the choices of GenerateWith; the zero value is Generate's.
type Options struct {
	// ParentFigures is indicators.Options.ParentFigures: where a parent
	// reported a figure that its children's complete sum disagrees with,
	// ParentSum uses the sum, as eduplan check --parent-figures sum does.
	// Empty is ParentOwn.
	ParentFigures indicators.ParentFigures
}

func (o *Options) check() error {
	p, err := indicators.ParseParentFigures(string(o.ParentFigures))
	o.ParentFigures = p
	return err
}

// parentFigure is the figure a parent that reported rep uses, for the
// summing metric of column stem c: its own, or under ParentSum its
// children's complete sum where the two disagree by more than rounding
// (indicators.FigureMismatch), read from the children's table c.
func (g *gen) parentFigure(rep, c string, integral bool) string {
	if g.opt.ParentFigures != indicators.ParentSum {
		return rep
	}
	d := fmt.Sprintf("ABS(%s - c.sum_%s)", rep, c)
	noise := fmt.Sprintf("1e-9 * GREATEST(%s, ABS(%s), ABS(c.sum_%s))", g.num(1), rep, c)
	allow := noise
	if !integral {
		allow = fmt.Sprintf("0.005 * (c.cnt_%s + 1) + %s", c, noise)
	}
	return fmt.Sprintf("CASE WHEN c.miss_%s = 0 AND c.ok_%s = 1 AND %s > %s THEN c.sum_%s ELSE %s END", c, c, d, allow, c, rep)
}
