package view

import (
	"github.com/eduplan/eduplan/indicators"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/plan"
)

// Texts computes the texts of many results for a writer of rows (CSV,
// the table): a national report has millions of results, and the texts
// that belong to an indicator rather than to a unit — its places, a
// target the plan sets for other units and the note that says so — are
// made once and reused rather than once per result. The zero Texts is
// ready to use; it is not safe for concurrent use.
type Texts struct {
	inds      map[string]*indicatorTexts
	refStatus map[indicators.Status]msg.Text
	notes     []msg.Text
}

// indicatorTexts are one indicator's texts, each with what it was made
// from: a result that differs (a report read back need not share its
// indicators' places) gets its own.
type indicatorTexts struct {
	places     []plan.Place
	placesText msg.Text

	refFor    *plan.Scope
	refOf     msg.Text // the target as written refTarget says whose it is
	refTarget msg.Text
	refNote   msg.Text
	refMade   bool
}

// Row is Of(*r) less Line, which no row shows. Its Notes are in t's
// memory: they last until the next Row.
func (t *Texts) Row(r *indicators.Result) Result { return of(r, t) }

// indicator gives the texts kept for r's indicator.
func (t *Texts) indicator(r *indicators.Result) *indicatorTexts {
	it := t.inds[r.Indicator]
	if it == nil {
		if t.inds == nil {
			t.inds = map[string]*indicatorTexts{}
		}
		it = &indicatorTexts{}
		t.inds[r.Indicator] = it
	}
	return it
}

// places is places(r.Places), made once for each list.
func (t *Texts) places(r *indicators.Result) msg.Text {
	ps := r.Places
	if t == nil || len(ps) == 0 {
		return places(ps)
	}
	it := t.indicator(r)
	if len(it.places) != len(ps) || &it.places[0] != &ps[0] {
		it.places, it.placesText = ps, places(ps)
	}
	return it.placesText
}

// reference makes, for a result shown for reference, its indicator's
// target and note once for each target and each set of units it is for.
func (t *Texts) reference(r *indicators.Result) *indicatorTexts {
	it, as := t.indicator(r), targetAsWritten(r)
	if !it.refMade || it.refFor != r.Target.For || it.refOf != as {
		it.refFor, it.refOf, it.refMade = r.Target.For, as, true
		it.refTarget, it.refNote = referenceTarget(r, as), referenceNote(r)
	}
	return it
}

// target is the target's text, which says whose target it is when r is
// shown for reference.
func (t *Texts) target(r *indicators.Result) msg.Text {
	switch {
	case !r.Reference:
		return targetAsWritten(r)
	case t == nil:
		return referenceTarget(r, targetAsWritten(r))
	}
	return t.reference(r).refTarget
}

// referenceNote is referenceNote(r), made once for each indicator.
func (t *Texts) referenceNote(r *indicators.Result) msg.Text {
	if t == nil {
		return referenceNote(r)
	}
	return t.reference(r).refNote
}

// status is status(r), made once for each status shown for reference.
func (t *Texts) status(r *indicators.Result) msg.Text {
	if t == nil || !r.Reference {
		return status(r)
	}
	s, ok := t.refStatus[r.Status]
	if !ok {
		if t.refStatus == nil {
			t.refStatus = map[indicators.Status]msg.Text{}
		}
		s = status(r)
		t.refStatus[r.Status] = s
	}
	return s
}
