// Package examples holds runnable, tested examples of eduplan for each kind
// of user. Each is an Example function (run by go test, its output checked)
// or a test, in package examples_test:
//
//   - Example_assessSchool: a school's self-check against the embedded
//     Zhenjiang 2017 plan.
//   - Example_customPlan: another bureau's plan, written in the plan format,
//     with a target in the plan's own words (控制在5%以内, 力争达到98%).
//   - TestFigures2017 (validate_test.go): a year's figures validated in a
//     test suite with package eduplantest.
//   - Example_district: a district's rate recomputed from its schools' sums,
//     not averaged, and the gap between districts checked.
//   - Example_statusBook: task statuses recorded, saved, read back, and the
//     overdue items listed.
//   - TestSecondPlanHandCalculation (secondplan_test.go): a second plan,
//     encoded from public texts in secondplan/ (a ceiling, targets by named
//     unit, a pupil-weighted 差异系数 and a score), checked against a hand
//     calculation; secondplan/README.md says which figures are real.
//   - TestFourteenthProgress (fourteenth_test.go): a county's 十四五
//     indicator table (baseline 2020, target 2025) in fourteenth/, with
//     figures for 2020–2023 in one file; completion, growth rates and
//     progress statuses checked against a hand calculation;
//     fourteenth/SOURCE.md says where the table comes from.
//
// Run them with: go test ./examples/ -v
package examples
