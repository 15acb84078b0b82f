package plan

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/eduplan/eduplan/msg"
)

// FuzzParse checks that no input makes plan loading panic, that every
// failure is a non-empty list of problems, and that whatever loads saves and
// loads again to the same bytes.
func FuzzParse(f *testing.F) {
	doc, err := os.ReadFile(fixture)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(doc)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"format": "eduplan.plan/v1", "id": "p", "title": {"zh": "计划"}, "year": 2017}`))
	f.Add([]byte("{\n  \"id\": \"x\"\n  \"year\": 2017\n}"))
	f.Add([]byte(`{"goals": [{"id": "g", "titel": {"zh": "x"}, "indicators": "a"}], "year": "2017", "year": 1}`))
	f.Add([]byte(strings.Replace(string(doc), `"2017.5"`, `"2017年第三季度"`, 1)))
	f.Add([]byte(strings.Replace(string(doc), `"在园幼儿数 / 适龄人口"`, `"在园幼儿数 / "`, 1)))
	f.Add([]byte("\ufeff[1, {\"a\": [null, true, 1.5e3]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			var ps msg.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %T %v", err, err)
			}
			if p != nil {
				t.Fatal("a plan returned with problems")
			}
			return
		}
		var first bytes.Buffer
		if err := p.Save(&first); err != nil {
			t.Fatal(err)
		}
		q, err := Parse(first.Bytes())
		if err != nil {
			t.Fatalf("a saved plan does not load: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := q.Save(&second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("saves differ:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}

// FuzzParseDeadline checks that no text makes the deadline parser panic and
// that an accepted deadline is either ongoing or due on a real day.
func FuzzParseDeadline(f *testing.F) {
	for _, c := range deadlineCases {
		f.Add(c.text)
	}
	for _, s := range []string{"", "明年", "2017.13", "2017年第五季度", "２０１７\n底前", "9999.12", "2017年2月29日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDeadline(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if d.Text != s {
			t.Fatalf("Text %q, want %q", d.Text, s)
		}
		if d.Ongoing == !d.Due.IsZero() {
			t.Fatalf("%q: ongoing %v with due %v", s, d.Ongoing, d.Due)
		}
		if !d.Ongoing && !d.Due.Valid() {
			t.Fatalf("%q: invalid due date %v", s, d.Due)
		}
	})
}

// FuzzLoadStatus checks that no status file makes loading panic and that
// what loads saves and loads again to the same bytes.
func FuzzLoadStatus(f *testing.F) {
	f.Add([]byte(`{"format": "eduplan.status/v1", "plan": "test-2017", "statuses": [{"item": "item-1", "state": "done", "date": "2017-05-20"}]}`))
	f.Add([]byte(`{"format": "eduplan.status/v1", "plan": "test-2017", "statuses": [{"item": "item-1", "state": "done", "date": "2017-02-30"}, {"item": "item-1"}]}`))
	f.Add([]byte(`{"statuses": null}`))
	p, err := LoadFile(fixture)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := LoadStatus(bytes.NewReader(data), p)
		if err != nil {
			var ps msg.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %T %v", err, err)
			}
			return
		}
		var first bytes.Buffer
		if err := b.Save(&first); err != nil {
			t.Fatal(err)
		}
		c, err := LoadStatus(bytes.NewReader(first.Bytes()), p)
		if err != nil {
			t.Fatalf("a saved status book does not load: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := c.Save(&second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("saves differ:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}

func BenchmarkParse(b *testing.B) {
	doc, err := os.ReadFile(fixture)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := Parse(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseDeadline(b *testing.B) {
	for b.Loop() {
		for _, c := range deadlineCases {
			if _, err := ParseDeadline(c.text); err != nil {
				b.Fatal(err)
			}
		}
	}
}
