// Package indicators assesses a year's figures against a plan: a Catalog
// compiles the plan's metrics and indicators once, evaluates every unit of a
// dataset column by column, and reports each indicator as met, not met, no
// data or not computable, with value, target, gap and inputs.
package indicators
