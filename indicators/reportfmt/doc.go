// Package reportfmt writes an assessment report (*indicators.Report) for
// people and for machines: an aligned terminal table, Markdown for a wiki or
// a pull request, and JUnit XML so that a CI system shows each indicator of
// each unit as a test case. The report CSV is view.WriteCSV, which the
// browser page writes too.
//
// Every text these writers show about a result (value, target, gap, status,
// names) comes from package view; this package only lays them out.
//
// It also decides what counts as a failure. A CI step usually fails only
// when a binding (约束性) target is not met; an aspirational (力争) target
// missed is news, not an error. Policy names that choice, and Failures
// applies it, so the command line, the JUnit writer and the test helpers in
// package eduplantest agree on it.
//
// Every writer is deterministic: the same report gives the same bytes, so
// outputs can be committed and diffed. Nothing in the output depends on the
// clock, the machine or map order.
package reportfmt
