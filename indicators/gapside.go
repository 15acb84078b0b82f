package indicators

// Side says on which side of its target a value's gap lies: the good side
// (past the bound the way the target wants, or inside a range's better
// end) or the bad side. A gap's sign alone does not say it: +2.5 pp is bad
// under "≤ 5%" and +1 good under "≥ 90".
type Side string

// Sides of a gap.
const (
	// Better: the value meets the target and lies past its bound.
	Better Side = "better"
	// Worse: the value misses the target by the gap.
	Worse Side = "worse"
)

// SideOf is the side of a result's gap: the status says whether the value
// meets its target, so a gap is on the good side exactly when the target is
// met. A gap of zero (on the bound, or inside a range) has no side.
func SideOf(st Status, gap float64) Side {
	switch {
	case gap == 0:
		return ""
	case st == Met:
		return Better
	case st == NotMet:
		return Worse
	}
	return ""
}
