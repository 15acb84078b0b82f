package seeds

import (
	"errors"
	"unicode/utf8"

	"github.com/eduplan/eduplan/internal/strictjson"
	"github.com/eduplan/eduplan/plan"
)

// decodeEmbedded returns the plan plan.Parse reads from the embedded bytes,
// without doing plan.Parse's work at run time.
//
// plan.Parse reads strictly (every key, type and duplicate checked, with
// JSON paths for the messages) and validates the plan; under WebAssembly
// that, and any decoding by reflection, was the largest part of the browser
// page's start-up. Those checks exist for a file a person wrote. These bytes
// are compiled into the binary and cannot change after
// TestEmbeddedPlanNeedsNoChecks has shown that plan.Parse accepts them and
// that readSeed gives the very same plan; so readSeed fills the model from
// a parsed tree with no checks beyond what reading needs. A plan the user
// opens still goes through plan.Parse.
//
// Should readSeed ever fail (the model or the seed changed and it was not
// taught the new field: the test says so first), plan.Parse reads the
// bytes instead, so the answer is never wrong, only slower.
func decodeEmbedded(data []byte) (*plan.Plan, error) {
	if p, err := readSeed(data); err == nil {
		return p, nil
	}
	return plan.Parse(data)
}

// readSeed reads the embedded plan with strictjson's tree and Fill: no
// paths, no suggestions, no validation, and no encoding/json. A key the
// model does not have, a null or a value of the wrong kind is an error
// (and decodeEmbedded falls back to plan.Parse); TestEmbeddedPlanNeedsNoChecks
// holds the result to plan.Parse's.
func readSeed(data []byte) (*plan.Plan, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("seeds: the embedded plan is not valid UTF-8")
	}
	root, serr := strictjson.Parse(string(data))
	if serr != nil {
		return nil, serr
	}
	p := &plan.Plan{}
	if err := strictjson.Fill(root, p); err != nil {
		return nil, err
	}
	return p, nil
}
