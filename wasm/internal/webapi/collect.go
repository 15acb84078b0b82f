package webapi

import (
	"bytes"
	"errors"
	"strings"

	"github.com/eduplan/eduplan/indicators/dataset"
	"github.com/eduplan/eduplan/indicators/dataset/collect"
	"github.com/eduplan/eduplan/indicators/view"
	"github.com/eduplan/eduplan/msg"
	"github.com/eduplan/eduplan/org"
)

type collectRequest struct {
	// Files are the returns, each as importData takes a file.
	Files []importRequest `json:"files"`
	// List, when given, is the list of units expected to return (a data
	// file or a template); Level and Kind expect only those of the list.
	List  *importRequest `json:"list"`
	Level org.Level      `json:"level"`
	Kind  org.Kind       `json:"kind"`
	Lang  string         `json:"lang"`
}

type collectAnswer struct {
	Headline msg.Text   `json:"headline"`
	Files    []msg.Text `json:"files"`
	// MissingHead heads Missing (or says every unit returned), zero
	// without a list; likewise UnexpectedHead.
	MissingHead    msg.Text          `json:"missingHead"`
	Missing        []dataset.OrgUnit `json:"missing"`
	UnexpectedHead msg.Text          `json:"unexpectedHead"`
	Unexpected     []dataset.OrgUnit `json:"unexpected"`
	Units          int               `json:"units"`
	Year           int               `json:"year"`
	// Merged is the merged data as a CSV file, which the page keeps (and
	// reads again after a reload) and offers to download, as eduplan
	// collect -o writes it.
	Merged  download      `json:"merged"`
	Quality *view.Quality `json:"quality,omitempty"`
}

// collectFiles merges the returns of many units, as eduplan collect does
// (package collect): identical duplicates taken, conflicts refused with
// both files named, the units of the list that did not return named. The
// merged data becomes the imported file, which assessFile assesses.
func (s *Session) collectFiles(arg string) (any, error) {
	if err := s.needPlan(); err != nil {
		return nil, err
	}
	var req collectRequest
	if err := decode(arg, &req); err != nil {
		return nil, err
	}
	if len(req.Files) == 0 {
		return nil, msg.New(bi("没有要汇总的文件", "no files to merge"))
	}
	fields := s.cat.Fields()
	var rets []collect.Return
	var errs dataset.Errors
	for _, f := range req.Files {
		d, err := s.readData(f)
		if err != nil {
			errs = append(errs, cellErrors(f.Name, err)...)
			continue
		}
		rets = append(rets, collect.Return{Name: f.Name, Data: d})
	}
	var expected []dataset.OrgUnit
	if req.List != nil {
		list, err := s.readData(*req.List)
		if err != nil {
			errs = append(errs, cellErrors(req.List.Name, err)...)
		} else {
			expected = []dataset.OrgUnit{}
			for _, u := range list.Units {
				if (req.Level == "" || u.Level == req.Level) && (req.Kind == "" || u.Kind == req.Kind) && len(s.cat.FormMetrics(u.Level, u.Kind)) > 0 {
					expected = append(expected, u)
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	res, err := collect.Merge(rets, collect.Options{Expected: expected, Fields: fields})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	// As eduplan collect -o writes it, byte for byte: for Excel.
	if err := res.Data.WriteCSV(&b, res.Fields(fields), dataset.UTF8BOM); err != nil {
		return nil, err
	}
	name := fileName(req.Lang, "汇总数据", "merged", "") + ".csv"
	s.file = &loadedFile{name: name, data: res.Data, kind: "data"}
	ans := collectAnswer{Headline: res.Headline(), Files: make([]msg.Text, len(res.Files)),
		MissingHead: res.MissingHead(expected != nil), Missing: res.Missing,
		UnexpectedHead: res.UnexpectedHead(), Unexpected: res.Unexpected,
		Units: len(res.Data.Units), Year: res.Data.Year, Merged: download{Filename: name, Text: b.String()},
		Quality: view.QualityOf(s.cat.Quality(res.Data))}
	for i, f := range res.Files {
		ans.Files[i] = f.Text()
	}
	return ans, nil
}

// readData reads a data file as importData does: the cells of a
// workbook's sheet, or a CSV or JSON text; a file of another plan is
// refused.
func (s *Session) readData(f importRequest) (*dataset.Dataset, error) {
	opt := dataset.Options{File: f.Name, Year: s.plan.Year, Plan: s.plan.ID, Levels: s.plan.Levels}
	if strings.HasPrefix(f.Encoding, "GB") {
		opt.Decoded = dataset.GBK
	}
	if f.Cells != nil {
		opt.Sheet = f.Sheet
		return dataset.ReadCells(f.Cells, s.cat.Fields(), opt)
	}
	return dataset.Read(strings.NewReader(f.Text), s.cat.Fields(), opt)
}

// cellErrors are a file's errors as rejected cells, each naming the file,
// so that one list says what is wrong in every file.
func cellErrors(name string, err error) dataset.Errors {
	var es dataset.Errors
	if errors.As(err, &es) {
		return es
	}
	var ce dataset.CellError
	if errors.As(err, &ce) {
		return dataset.Errors{ce}
	}
	return dataset.Errors{{File: name, Reason: texts(err)}}
}
