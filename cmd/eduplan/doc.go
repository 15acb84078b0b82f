// Command eduplan checks a year's education figures against a work plan,
// from a terminal or a CI step.
//
// The plan is the embedded seed (镇江市教育局2017年工作要点) unless --plan
// names a plan file. Every command has --help with an example.
//
//	eduplan check DATA|--sample   assess figures (CSV, JSON or .xlsx; --sheet NAME);
//	                              exit 0 all binding targets met,
//	                              1 a binding target not met, 2 bad input or usage
//	eduplan lint PLAN             check a plan file; every problem with its JSON path
//	eduplan tasks                 the task book as of a date, overdue items first
//	eduplan template --kind KIND  a data-entry CSV for Excel, headers in Chinese;
//	                              --format xlsx for an Excel workbook
//	eduplan explain INDICATOR     formula, target, wording and task; with --data,
//	                              the figures and arithmetic behind a result
//	eduplan serve                 serve the browser page on 127.0.0.1
//	eduplan build-web             write the page as a folder and/or one HTML file
//
// The first command to try on a fresh clone assesses the embedded sample
// year (synthetic figures) against the seed plan:
//
//	go run ./cmd/eduplan check --sample
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
