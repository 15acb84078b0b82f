package plan

import "github.com/eduplan/eduplan/msg"

// ValidationRule is a consistency check between figures, as DHIS2 has them:
// a left side, an operator and a right side, each side an expression of the
// rule language over metric (or indicator) ids, checked on every unit the
// rule applies to. "城镇 + 农村 = 在园幼儿数" is
//
//	{"left": "kindergarten_enrolment_urban + kindergarten_enrolment_rural",
//	 "operator": "==", "right": "kindergarten_enrolment"}
//
// A range for one figure is a rule too ("x >= 0", "a / b <= 100%"); two
// bounds are two rules.
type ValidationRule struct {
	ID   string   `json:"id"`
	Name msg.Text `json:"name"`
	// Left and Right are expressions in the rule language, like an
	// indicator's formula: ids or Chinese names, + - * /, 99%, aggregates
	// over child units.
	Left     string   `json:"left"`
	Operator Operator `json:"operator"`
	Right    string   `json:"right"`
	// Tolerance is an absolute allowance, in the unit the expressions
	// compute (a percent is a fraction: 0.005 is half a point): == holds
	// when |left − right| ≤ tolerance, != when it is larger, <= when
	// left ≤ right + tolerance, >= when left ≥ right − tolerance, and the
	// strict ones likewise. Zero (the default) still forgives one part in a
	// billion of rounding noise, as targets do.
	Tolerance float64 `json:"tolerance,omitempty"`
	// Unit is how the sides' values are shown. Left empty it is the unit
	// the metrics named share, when neither side divides; otherwise a
	// plain number.
	Unit Unit `json:"unit,omitempty"`
	// Importance is high, medium (the default) or low, as in DHIS2. A
	// violated high rule fails a CI step (see reportfmt).
	Importance Importance `json:"importance,omitempty"`
	// MissingValueStrategy says when a unit lacking figures is skipped;
	// the default is skip_if_any_value_missing.
	MissingValueStrategy MissingValueStrategy `json:"missing_value_strategy,omitempty"`
	// AppliesTo says which units the rule is checked on (empty: any).
	// Within it, a rule concerns only the units every figure of which
	// concerns them — reported by them (the metric's reported_by) or summed
	// from units below — so that a kindergarten's rule is not checked on a
	// primary school, nor a rule over a district's population on a
	// kindergarten.
	AppliesTo Scope `json:"applies_to"`
	// Note explains the rule; Source says where it comes from (a statistics
	// manual, a bureau's instructions).
	Note   string `json:"note,omitempty"`
	Source string `json:"source,omitempty"`
}

// Operator compares a rule's two sides.
type Operator string

// Operators of a validation rule.
const (
	OpEQ Operator = "=="
	OpNE Operator = "!="
	OpLT Operator = "<"
	OpLE Operator = "<="
	OpGT Operator = ">"
	OpGE Operator = ">="
)

// Operators lists the operators a validation rule may use.
func Operators() []Operator { return []Operator{OpEQ, OpNE, OpLT, OpLE, OpGT, OpGE} }

// Importance is how much a violated rule matters.
type Importance string

// Importances, as DHIS2 names them.
const (
	High   Importance = "high"
	Medium Importance = "medium"
	Low    Importance = "low"
)

// Importances lists the importances, highest first.
func Importances() []Importance { return []Importance{High, Medium, Low} }

// Effective is the importance a rule has: medium when not given.
func (i Importance) Effective() Importance {
	if i == "" {
		return Medium
	}
	return i
}

// MissingValueStrategy says when a rule is not checked for a unit because
// figures are missing. Where a rule is checked although some are missing,
// the missing ones count as zero, as DHIS2 does.
type MissingValueStrategy string

// Missing-value strategies, as DHIS2 names them.
const (
	// SkipIfAnyValueMissing: a unit lacking any figure of the rule is
	// skipped (the default).
	SkipIfAnyValueMissing MissingValueStrategy = "skip_if_any_value_missing"
	// SkipIfAllValuesMissing: a unit is skipped only when it lacks every
	// figure of the rule; the missing ones count as zero.
	SkipIfAllValuesMissing MissingValueStrategy = "skip_if_all_values_missing"
	// NeverSkip: every unit is checked; missing figures count as zero.
	NeverSkip MissingValueStrategy = "never_skip"
)

// MissingValueStrategies lists the strategies, the default first.
func MissingValueStrategies() []MissingValueStrategy {
	return []MissingValueStrategy{SkipIfAnyValueMissing, SkipIfAllValuesMissing, NeverSkip}
}

// Effective is the strategy a rule has: skip_if_any_value_missing when not
// given.
func (s MissingValueStrategy) Effective() MissingValueStrategy {
	if s == "" {
		return SkipIfAnyValueMissing
	}
	return s
}
