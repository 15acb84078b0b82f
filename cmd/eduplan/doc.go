// Command eduplan checks a year's education figures against a work plan,
// from a terminal or a CI step.
//
// The plan is the embedded seed (镇江市教育局2017年工作要点) unless --plan
// names a plan file (lint takes it as its argument). Every command has --help with an example.
//
//	eduplan check DATA|--sample   assess figures (CSV, JSON or .xlsx; --sheet NAME);
//	                              exit 0 all binding targets met,
//	                              1 a binding target not met, 2 bad input or usage
//	eduplan check --quality DATA  only the data file's quality summary: units,
//	                              figures expected and present, missing markers,
//	                              warnings, completeness by district
//	eduplan lint PLAN             check a plan file; every problem with its JSON path
//	eduplan tasks                 the task book as of a date (by default today, but
//	                              no later than the end of the plan's year), overdue
//	                              items first; --set ID=done[@DATE] --status FILE
//	                              records states in a status file, never the plan
//	eduplan template --kind KIND  a data-entry CSV for Excel, headers in Chinese;
//	                              --format xlsx for an Excel workbook
//	eduplan explain INDICATOR     formula, target, wording and task; with --data,
//	                              the figures and arithmetic behind a result
//	eduplan serve                 serve the browser page on 127.0.0.1
//	eduplan build-web             write the page as a folder and/or one HTML file
//
// serve and build-web with --plan FILE put that plan in the page, which then
// opens with it instead of the seed; the plan is checked as lint checks it
// and refused, with every problem listed, when it has any. A release build
// carries the page, so that these two need neither Go nor the source:
//
//	go generate ./wasm/webbuild && go install -trimpath -tags embedpage ./cmd/eduplan
//
// Built without the tag, they compile the page from the source with the Go
// toolchain, inside a clone of eduplan.
//
// The first command to try on a fresh clone assesses the embedded sample
// year (synthetic figures) against the seed plan:
//
//	go run ./cmd/eduplan check --sample
//
// check --fail-on binding|any|none chooses the exit status only: every
// report still lists the binding targets missed (JUnit as <failure>s, even
// with --fail-on none). check --parent-figures own|sum chooses, where a
// district or the city reports a figure of its own that differs from the
// sum of its units', which one to use (its own by default); the report
// lists each such difference and notes it on every result that used it.
// explain --data takes --parent-figures too and says which figure was used.
//
// Data files may be Excel workbooks (.xlsx, from Excel or WPS): what the
// file holds decides, not its name; percent-formatted cells read as
// percents, and errors name the sheet and the cell (表 Sheet1 单元格 F7).
// check --format xlsx and template --format xlsx (or an -o name ending in
// .xlsx) write workbooks, never to a terminal.
//
// Outputs (-o FILE) are written whole or not at all, through a temporary
// file renamed into place, and the tool refuses to write over any of its
// input files. Messages are in Chinese unless --lang en is given; errors
// name the file, the place in it and what to do.
package main
