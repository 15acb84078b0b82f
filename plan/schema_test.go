package plan

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eduplan/eduplan/indicators/rule"
	"github.com/eduplan/eduplan/internal/strictjson"
)

type schemaNode = map[string]any

func loadSchema(t *testing.T) schemaNode {
	t.Helper()
	var s schemaNode
	require.NoError(t, json.Unmarshal(Schema, &s))
	return s
}

// deref follows a local $ref ("#/$defs/x"); other keywords beside $ref are
// annotations here.
func deref(t *testing.T, root, n schemaNode) schemaNode {
	t.Helper()
	ref, ok := n["$ref"].(string)
	if !ok {
		return n
	}
	name, found := strings.CutPrefix(ref, "#/$defs/")
	require.True(t, found, "only local $defs refs are used: %s", ref)
	def, ok := root["$defs"].(schemaNode)[name].(schemaNode)
	require.True(t, ok, "unknown $ref %s", ref)
	return deref(t, root, def)
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestSchemaMatchesModel walks the schema and the Go types together: every
// object has exactly the struct's JSON fields and forbids others, every
// property has the JSON type of its Go field, enums list exactly the values
// the loader accepts, and no required property is one Save may leave out.
func TestSchemaMatchesModel(t *testing.T) {
	root := loadSchema(t)
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", root["$schema"])
	enums := map[reflect.Type][]string{
		reflect.TypeFor[Unit]():                 strs(toAny(Units())),
		reflect.TypeFor[Nature]():               {"", "binding", "aspirational"},
		reflect.TypeFor[Aggregation]():          {"sum", "none"},
		reflect.TypeFor[rule.Direction]():       {"", "higher", "lower"},
		reflect.TypeFor[Operator]():             strs(toAny(Operators())),
		reflect.TypeFor[Importance]():           strs(toAny(Importances())),
		reflect.TypeFor[MissingValueStrategy](): strs(toAny(MissingValueStrategies())),
	}
	seen := map[reflect.Type]bool{}
	var walk func(path string, n schemaNode, typ reflect.Type)
	walk = func(path string, n schemaNode, typ reflect.Type) {
		n = deref(t, root, n)
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		if reflect.PointerTo(typ).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
			assert.Equal(t, "string", n["type"], path)
			return
		}
		if want, ok := enums[typ]; ok {
			assert.ElementsMatch(t, want, strs(n["enum"]), "%s: enum of %s", path, typ)
			return
		}
		switch typ.Kind() {
		case reflect.Struct:
			seen[typ] = true
			assert.Equal(t, "object", n["type"], path)
			assert.Equal(t, false, n["additionalProperties"], "%s: additionalProperties must be false", path)
			props, _ := n["properties"].(schemaNode)
			fs := strictjson.Fields(typ)
			var schemaNames []string
			for name := range props {
				schemaNames = append(schemaNames, name)
			}
			assert.ElementsMatch(t, fs.Names, schemaNames, "%s: schema properties vs %s json tags", path, typ)
			if req, ok := n["required"]; ok {
				for _, r := range strs(req) {
					assert.Contains(t, fs.Names, r, "%s: required %q is no field", path, r)
					assert.False(t, fs.OmitEmpty(r), "%s: required %q is omitempty, so Save could leave it out", path, r)
				}
			}
			for _, name := range fs.Names {
				if p, ok := props[name].(schemaNode); ok {
					i, _ := fs.Field(name)
					walk(path+"."+name, p, typ.Field(i).Type)
				}
			}
		case reflect.Slice:
			assert.Equal(t, "array", n["type"], path)
			items, ok := n["items"].(schemaNode)
			if assert.True(t, ok, "%s: array without items", path) {
				walk(path+"[]", items, typ.Elem())
			}
		case reflect.String:
			if c, ok := n["const"]; ok {
				assert.Equal(t, Format, c, path)
				return
			}
			assert.Equal(t, "string", n["type"], path)
		case reflect.Int:
			assert.Equal(t, "integer", n["type"], path)
		case reflect.Bool:
			assert.Equal(t, "boolean", n["type"], path)
		case reflect.Float64:
			assert.Equal(t, "number", n["type"], path)
		default:
			t.Errorf("%s: unexpected Go kind %s", path, typ.Kind())
		}
	}
	walk("plan", root, reflect.TypeFor[Plan]())
	for _, typ := range []reflect.Type{reflect.TypeFor[Goal](), reflect.TypeFor[Item](), reflect.TypeFor[Cell](),
		reflect.TypeFor[Metric](), reflect.TypeFor[Indicator](), reflect.TypeFor[Scope](), reflect.TypeFor[ValidationRule]()} {
		assert.True(t, seen[typ], "the walk must reach %s", typ)
	}
}

func toAny[T ~string](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// validateSchema is a small validator for the keywords schema.json uses.
// It returns the JSON paths of the values that break the schema.
func validateSchema(t *testing.T, root, n schemaNode, v any, path string) []string {
	n = deref(t, root, n)
	var bad []string
	fail := func(why string) { bad = append(bad, path+" ("+why+")") }
	if c, ok := n["const"]; ok && v != c {
		fail("const")
	}
	if e, ok := n["enum"]; ok && !slices.Contains(e.([]any), v) {
		fail("enum")
	}
	switch n["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			fail("type")
			return bad
		}
		props, _ := n["properties"].(schemaNode)
		if req, ok := n["required"]; ok {
			for _, r := range strs(req) {
				if _, ok := obj[r]; !ok {
					bad = append(bad, strictjson.PathKey(path, r)+" (required)")
				}
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p, ok := props[k].(schemaNode)
			if !ok {
				bad = append(bad, strictjson.PathKey(path, k)+" (additional)")
				continue
			}
			bad = append(bad, validateSchema(t, root, p, obj[k], strictjson.PathKey(path, k))...)
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			fail("type")
			return bad
		}
		if n["uniqueItems"] == true {
			seen := map[string]bool{}
			for _, x := range arr {
				k := fmt.Sprint(x)
				if seen[k] {
					fail("uniqueItems")
				}
				seen[k] = true
			}
		}
		for i, x := range arr {
			bad = append(bad, validateSchema(t, root, n["items"].(schemaNode), x, fmt.Sprintf("%s[%d]", path, i))...)
		}
	case "string":
		s, ok := v.(string)
		if !ok {
			fail("type")
			return bad
		}
		if m, ok := n["minLength"].(float64); ok && utf8.RuneCountInString(s) < int(m) {
			fail("minLength")
		}
		if p, ok := n["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(s) {
			fail("pattern")
		}
	case "integer":
		num, ok := v.(json.Number)
		if !ok || strings.ContainsAny(string(num), ".eE") {
			fail("type")
			return bad
		}
		f, _ := num.Float64()
		if m, ok := n["minimum"].(float64); ok && f < m {
			fail("minimum")
		}
		if m, ok := n["maximum"].(float64); ok && f > m {
			fail("maximum")
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			fail("type")
		}
	}
	return bad
}

func decodeAny(t *testing.T, doc string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

func TestFixtureMatchesSchema(t *testing.T) {
	root := loadSchema(t)
	assert.Empty(t, validateSchema(t, root, root, decodeAny(t, readFixture(t)), ""))

	// The validator itself must catch what the loader catches.
	base := readFixture(t)
	for _, tt := range []struct{ old, new, want string }{
		{`"merged": true,`, `"merged": true, "colour": "red",`, "appendix.actions[0].categories[0].items[1].units.colour (additional)"},
		{`"year": 2017`, `"year": "2017"`, "year (type)"},
		{`"unit": "percent"`, `"unit": "percentage"`, "indicators[0].unit (enum)"},
		{`"id": "population"`, `"id": "3-5-population"`, "metrics[1].id (pattern)"},
		{`"id": "task-2",
`, ``, "sections[0].tasks[1].id (required)"},
	} {
		got := validateSchema(t, root, root, decodeAny(t, edit(t, base, tt.old, tt.new)), "")
		assert.Equal(t, []string{tt.want}, got)
	}
}

// TestSchemaRequiredIsEnforced removes, one at a time, every property the
// schema requires from every object of the fixture, and expects Load to
// report a problem at that property: the schema promises no more than the
// loader checks.
func TestSchemaRequiredIsEnforced(t *testing.T) {
	root := loadSchema(t)
	doc := decodeAny(t, readFixture(t))
	type site struct {
		obj  map[string]any
		key  string
		path string
	}
	var sites []site
	var walk func(n schemaNode, v any, path string)
	walk = func(n schemaNode, v any, path string) {
		n = deref(t, root, n)
		switch x := v.(type) {
		case map[string]any:
			if req, ok := n["required"]; ok {
				for _, r := range strs(req) {
					sites = append(sites, site{x, r, strictjson.PathKey(path, r)})
				}
			}
			props, _ := n["properties"].(schemaNode)
			for k, val := range x {
				if p, ok := props[k].(schemaNode); ok {
					walk(p, val, strictjson.PathKey(path, k))
				}
			}
		case []any:
			for i, e := range x {
				walk(n["items"].(schemaNode), e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	walk(root, doc, "")
	require.Greater(t, len(sites), 40)
	for _, s := range sites {
		saved := s.obj[s.key]
		delete(s.obj, s.key)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(doc))
		s.obj[s.key] = saved
		_, err := Parse(buf.Bytes())
		if !assert.Error(t, err, "removing %s must be a problem", s.path) {
			continue
		}
		found := false
		for _, p := range problems(t, err) {
			found = found || p.Path == s.path || strings.HasPrefix(p.Path, s.path+".") ||
				s.key == "text" && strings.HasPrefix(p.Path, s.path) // Cell.text
		}
		assert.True(t, found, "removing %s: problems were\n%v", s.path, err)
	}
}
