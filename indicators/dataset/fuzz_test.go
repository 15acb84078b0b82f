package dataset

import (
	"bytes"
	"os"
	"testing"
	"unicode/utf8"
)

// checkRoundTrips holds for every dataset a reader accepts: it is valid, and
// writing it as JSON (and, for one read from CSV, as CSV) and reading that
// back gives the same dataset. JSON can hold what CSV cannot (an empty name,
// a name with spaces around it), so a JSON dataset need not survive CSV.
func checkRoundTrips(t *testing.T, d *Dataset, csv bool) {
	t.Helper()
	if err := d.Validate(); err != nil {
		t.Fatalf("accepted an invalid dataset: %v", err)
	}
	var j bytes.Buffer
	if err := d.WriteJSON(&j, testFields); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	back, err := ReadJSON(bytes.NewReader(j.Bytes()), testFields, Options{})
	if err != nil {
		t.Fatalf("ReadJSON of WriteJSON: %v\n%s", err, j.String())
	}
	if !d.Equal(back) {
		t.Fatalf("JSON round trip differs:\n%s", j.String())
	}
	var again bytes.Buffer
	if err := back.WriteJSON(&again, testFields); err != nil || !bytes.Equal(j.Bytes(), again.Bytes()) {
		t.Fatalf("WriteJSON not deterministic:\n%s\n%s", j.String(), again.String())
	}
	if !csv {
		return
	}
	var c bytes.Buffer
	if err := d.WriteCSV(&c, testFields, UTF8BOM); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	back, err = ReadCSV(bytes.NewReader(c.Bytes()), testFields, Options{})
	if err != nil {
		t.Fatalf("ReadCSV of WriteCSV: %v\n%q", err, c.String())
	}
	if !d.Equal(back) {
		t.Fatalf("CSV round trip differs:\n%q", c.String())
	}
}

// checkErrors holds for every input a reader rejects: the error is an
// Errors list, and every entry says why.
func checkErrors(t *testing.T, err error) {
	t.Helper()
	es, ok := err.(Errors)
	if !ok || len(es) == 0 {
		t.Fatalf("error is %T, not Errors: %v", err, err)
	}
	for _, e := range es {
		if e.Reason.ZH == "" || e.Reason.EN == "" {
			t.Fatalf("error without a reason: %#v", e)
		}
		if !utf8.ValidString(e.Error()) {
			t.Fatalf("error message is not UTF-8: %q", e.Error())
		}
	}
}

func addFile(f *testing.F, name string) {
	b, err := os.ReadFile(name)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(cityCSV))
	f.Add([]byte("\xEF\xBB\xBF" + cityCSV))
	f.Add([]byte("sep=;\nid;name;kind;在园幼儿数\ns;一小;小学;1,234\n"))
	f.Add([]byte("学校代码\t学校名称\t学校类型\t体质健康合格率（%）\n=\"0123\"\t一小\t小学\t99.2%\n"))
	f.Add([]byte("id,name,kind,在园幼儿数\ns1,\"a\"\"b\",小学,\"1,234\"\r\ns2,\"x\ny\",小学,-\r\n"))
	f.Add([]byte("id,name,level,parent\nd,京口区,区,\ns,一小,学校,京口区\n"))
	// Cells a writer must take care to write back as they were read.
	f.Add([]byte("id,name,kind,parent\n=\"=\"a\"\",x,小学,\n"))
	f.Add([]byte("id,name,kind\ns,\"a\rb\",小学\n t ,\"\"\"x\",小学\n\u3000ＡＢ１ ,\" y\",小学\n"))
	f.Add([]byte("id,name,level,kind,parent,year\n001,\"市,局\",city,,,2017年\n002,区,district,,=\"001\",\n"))
	addFile(f, "testdata/schools_gbk.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadCSV(bytes.NewReader(data), testFields, Options{File: "f.csv"})
		if err != nil {
			checkErrors(t, err)
			return
		}
		checkRoundTrips(t, d, true)
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(cityJSON))
	f.Add([]byte(`{"format":"eduplan.data/v1","units":[{"id":"s","level":"学校","kind":"小学","figures":{"pe_pass_rate":"97.1%","funding":null}}]}`))
	f.Add([]byte(`{"format":"eduplan.data/v1","year":2017,"units":[{"id":"a\u0022\\","name":"\ud83d\ude00","level":"city"}]}`))
	f.Add([]byte(`{"format":"eduplan.data/v1","units":[{"id":"c","level":"city","id":"d"}],"x":[[[{}]]]}`))
	f.Add([]byte(`{"units": [1,]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadJSON(bytes.NewReader(data), testFields, Options{File: "f.json"})
		if err != nil {
			checkErrors(t, err)
			return
		}
		checkRoundTrips(t, d, false)
	})
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("id,name\n"))
	f.Add([]byte("\xEF\xBB\xBF镇江市"))
	f.Add([]byte("\xd5\xf2\xbd\xad\xca\xd0"))
	f.Add([]byte("\xFF\xFEa\x00\x2d\x4e"))
	f.Add([]byte("\xFE\xFF\x00a\xd8\x00"))
	f.Add([]byte("PK\x03\x04"))
	addFile(f, "testdata/schools_gbk.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, err := DecodeText(data)
		if err != nil {
			if text != "" {
				t.Fatalf("text with an error: %q", text)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("decoded text is not UTF-8: %q", text)
		}
		switch enc {
		case UTF8:
			if text != string(data) {
				t.Fatalf("UTF-8 text changed")
			}
		case UTF8BOM:
			if "\xEF\xBB\xBF"+text != string(data) {
				t.Fatalf("UTF-8 text changed")
			}
		case GBK, UTF16LE, UTF16BE:
		default:
			t.Fatalf("unknown encoding %q", enc)
		}
		if enc != UTF8 && enc != UTF8BOM && bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
			t.Fatalf("a UTF-8 mark read as %s", enc)
		}
	})
}
