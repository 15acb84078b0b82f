//go:build !(js && wasm)

// Reading returns from disk links excelize (dataset/xlsx), about 1.8 MB
// gzipped in the browser page, which reads workbooks in JavaScript and
// files from no disk: the page merges with Merge alone.

package collect

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/xlsx"
	"github.com/eduplan/eduplan/msg"
)

// Files lists the returns in a folder: its .csv, .json and .xlsx files
// (and .xls, which the readers refuse with a hint to save it as .xlsx),
// not in subfolders, sorted by name. Other files are returned as skipped,
// for the caller to name: a return saved under an odd name must not go
// unnoticed. Excel's lock files (~$name.xlsx) and hidden files are neither:
// they are never returns.
func Files(dir string) (files, skipped []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".csv", ".json", ".xlsx", ".xls":
			files = append(files, filepath.Join(dir, name))
		default:
			skipped = append(skipped, filepath.Join(dir, name))
		}
	}
	sort.Strings(files)
	sort.Strings(skipped)
	return files, skipped, nil
}

// ReadFiles reads returns from files: CSV, JSON or an Excel workbook
// (its first visible sheet), whatever the name says, each up to max bytes
// (dataset.MaxFileSize when max is 0). opt applies to every file; its File
// is each file's path. A file that does not read does not stop the others:
// the error lists the rejected cells of every file, each naming its file.
func ReadFiles(paths []string, fields []dataset.Field, opt dataset.Options, max int64) ([]Return, error) {
	if max <= 0 {
		max = dataset.MaxFileSize
	}
	var rets []Return
	var errs dataset.Errors
	for _, p := range paths {
		o := opt
		o.File = p
		d, err := readFile(p, fields, o, max)
		if err != nil {
			var es dataset.Errors
			if errors.As(err, &es) {
				errs = append(errs, es...)
				continue
			}
			errs = append(errs, dataset.CellError{File: p, Reason: msg.T(msg.In(err, "zh"), msg.In(err, "en"))})
			continue
		}
		rets = append(rets, Return{Name: p, Data: d})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return rets, nil
}

func readFile(path string, fields []dataset.Field, opt dataset.Options, max int64) (*dataset.Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := dataset.ReadLimited(f, path, max)
	if err != nil {
		return nil, err
	}
	if xlsx.IsWorkbook(b) || xlsx.IsProtectedWorkbook(b, path) {
		return xlsx.Read(bytes.NewReader(b), fields, opt)
	}
	opt.Sheet = ""
	return dataset.ReadMax(bytes.NewReader(b), fields, opt, max)
}
