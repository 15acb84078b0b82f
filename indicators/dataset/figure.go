package dataset

// Figure is one figure read from a cell as a person typed it.
type Figure struct {
	// Value is the figure; a percent is a fraction (99.2 or "99.2%" in a
	// percent field is 0.992). It is 0 when Missing.
	Value float64
	// Missing: the cell says there is no figure — empty, or one of the
	// marks statistical tables print for it ("-", "--", "－－", "—", "——",
	// "…", "……").
	Missing bool
	// Warning, when not nil, says why a figure that was read looks
	// mistyped: 0.965 in a percent field reads as 0.965%, not 96.5%; 150%
	// where the field may not pass 100%.
	Warning *CellError
}

// ParseFigure reads one cell of field f exactly as the CSV and JSON readers
// read a cell of its column: full-width digits and signs folded, thousands
// separators checked, "%" only in a percent field, whole numbers for an
// integral one, no negative figure unless the field is signed, and words
// that might mean zero or unknown ("无", "/") refused rather than guessed
// at (ReasonMayBeZero, ReasonMissingWord). A cell that cannot be read is a CellError whose Header is f.ID, Text
// the cell and Reason why (one of the Reason… constants).
func ParseFigure(text string, f Field) (Figure, error) {
	v, present, reason := parseFigure(text, &f)
	if !reason.IsZero() {
		return Figure{}, CellError{Header: f.ID, Text: text, Reason: reason}
	}
	if !present {
		return Figure{Missing: true}, nil
	}
	fig := Figure{Value: v}
	if w := percentWarning(text, v, &f); !w.IsZero() {
		fig.Warning = &CellError{Header: f.ID, Text: text, Reason: w}
	}
	return fig, nil
}
