package webapi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/seeds"
)

type typedValidation struct {
	Validation *struct {
		Summary Text `json:"summary"`
		Counts  struct {
			Checked, Passed, Violated, Skipped int
		} `json:"counts"`
		Checks []struct {
			Unit   string `json:"unit"`
			Rule   string `json:"rule"`
			Status string `json:"status"`
			High   bool   `json:"high"`
			Text   struct {
				Line Text `json:"line"`
				By   Text `json:"by"`
			} `json:"text"`
		} `json:"checks"`
	} `json:"validation"`
}

// The form's assessment checks the seed's rules on the figures typed: a
// kindergarten whose urban and rural children do not add up to its total
// is told so, with both sides and by how much.
func TestAssessValidatesTheForm(t *testing.T) {
	s := seedSession(t)
	var v typedValidation
	decodeInto(t, mustOK(t, s, "assess", map[string]any{"level": "school", "kind": "kindergarten", "name": "茅山幼儿园",
		"figures": map[string]string{"kindergarten_enrolment": "260", "kindergarten_enrolment_urban": "0",
			"kindergarten_enrolment_rural": "206"}}), &v)
	require.NotNil(t, v.Validation)
	var found bool
	for _, c := range v.Validation.Checks {
		if c.Rule == "kg_urban_rural_sum" {
			found = true
			assert.Equal(t, "violated", c.Status)
			assert.True(t, c.High)
			assert.Equal(t, "茅山幼儿园(unit) 城镇幼儿园在园幼儿数与农村幼儿园在园幼儿数之和等于在园幼儿数：206 ≠ 260，相差 -54", c.Text.Line.ZH)
		}
	}
	assert.True(t, found)
	assert.Equal(t, 1, v.Validation.Counts.Violated)
	assert.Contains(t, v.Validation.Summary.EN, "violated 1")
}

// The imported file's assessment checks every unit: the sample's slip.
func TestAssessFileValidates(t *testing.T) {
	s := seedSession(t)
	mustOK(t, s, "importData", map[string]string{"name": "sample2017.json", "text": string(seeds.SampleData())})
	var v typedValidation
	decodeInto(t, mustOK(t, s, "assessFile", nil), &v)
	require.NotNil(t, v.Validation)
	assert.Equal(t, 4, v.Validation.Counts.Violated)
	assert.Equal(t, 16, v.Validation.Counts.Skipped)
	var units []string
	for _, c := range v.Validation.Checks {
		if c.Status == "violated" {
			units = append(units, c.Unit)
		}
	}
	assert.Equal(t, []string{"zhenjiang", "d-jurong", "s-jurong-k4", "s-jurong-k4"}, units)
}

// A plan without rules has no validation in its answers.
func TestNoRulesNoValidationSection(t *testing.T) {
	s := fixtureSession(t)
	var v typedValidation
	decodeInto(t, mustOK(t, s, "assess", map[string]any{"level": "school", "kind": "kindergarten",
		"figures": map[string]string{}}), &v)
	assert.Nil(t, v.Validation)
}
