package strictjson

// Node is a parsed JSON value with the offset where it starts, for readers
// that look at a document as a whole (data files) rather than fill a Go
// value (see Decoder).
type Node struct {
	Kind Kind // ObjectStart, ArrayStart, String, Number, True, False or Null
	Off  int
	// Raw is a string or number as written, quotes included; a literal's
	// word.
	Raw     string
	Members []Member // of an object, in document order
	Elems   []*Node  // of an array
	// Len is the number of elements of an array ParseShallow left
	// unbuilt (its Elems are nil; Each reads them).
	Len int
}

// Member is one key and value of an object.
type Member struct {
	Key    string
	KeyOff int
	Val    *Node
}

// Parse reads a whole document into a tree. Numbers are kept as written,
// so that a percent is read exactly.
//
// It reads with the Scanner's own scanning of strings, numbers and
// literals, and places syntax errors where the Scanner does (FuzzScanner
// holds the two to it), but follows the structure by recursion rather than
// token by token: a data file has half a million values, and this is a
// third faster.
func Parse(text string) (*Node, *SyntaxError) { return parse(text, false) }

func parse(text string, shallow bool) (*Node, *SyntaxError) {
	b := &builder{sc: NewScanner(text), shallow: shallow}
	root, err := b.value()
	if err != nil {
		return nil, err
	}
	s := b.sc
	s.space()
	if s.pos < len(s.s) {
		_, err := s.fail(s.pos, "JSON 值之后还有多余内容", "extra text after the JSON value")
		return nil, err
	}
	return root, nil
}

// ParseShallow is Parse for a document whose bulk is an array in its
// top-level object, such as a data file's units: every array that is a
// member of the top-level object is checked as Parse checks it, element by
// element, but not kept: its node has Len elements and no Elems, and Each
// reads them one at a time. A file of half a million units then never
// holds a tree of all of them, which costs several times the file.
func ParseShallow(text string) (*Node, *SyntaxError) { return parse(text, true) }

// Each calls fn with each element of an array that ParseShallow left
// unbuilt, in order, text being the document it parsed. The element's
// nodes are reused for the next one: fn must keep none of them.
func Each(text string, arr *Node, fn func(i int, el *Node)) {
	s := NewScanner(text)
	s.pos = arr.Off + 1
	eb := &builder{sc: s, depth: 2}
	eb.elements(func(i int, el *Node) bool {
		fn(i, el)
		return true
	})
}

// elements reads the elements of an array whose '[' the scanner is past,
// up to its ']', building each in turn and handing it to fn, then reusing
// its nodes for the next. A syntax error stops it.
func (b *builder) elements(fn func(i int, el *Node) bool) (int, *SyntaxError) {
	s := b.sc
	s.space()
	if s.pos < len(s.s) && s.s[s.pos] == ']' {
		s.pos++
		return 0, nil
	}
	for i := 0; ; i++ {
		v, err := b.value()
		if err != nil {
			return 0, err
		}
		if !fn(i, v) {
			return i + 1, nil
		}
		b.nodes, b.mslab, b.eslab = b.nodes[:0], b.mslab[:0], b.eslab[:0]
		s.space()
		if s.pos >= len(s.s) {
			_, err := s.eof()
			return 0, err
		}
		if s.s[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.s[s.pos] != ']' {
			_, err := s.fail(s.pos, "此处应为逗号或 ]", "expected ',' or ']'")
			return 0, err
		}
		s.pos++
		return i + 1, nil
	}
}

// builder carves nodes, members and elements from slabs, and gathers an
// object's members on a stack first, so that a file of ten thousand units
// costs a few hundred allocations rather than a million.
type builder struct {
	sc    *Scanner
	depth int
	// shallow: the arrays that are members of a top-level object are
	// checked, not built (ParseShallow); rootObject says the top level
	// is an object.
	shallow, rootObject bool
	eb                  *builder
	nodes               []Node
	mstack              []Member
	mslab               []Member
	estack              []*Node
	eslab               []*Node
}

func (b *builder) node(kind Kind, off int, raw string) *Node {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]Node, 0, 1024)
	}
	b.nodes = append(b.nodes, Node{Kind: kind, Off: off, Raw: raw})
	return &b.nodes[len(b.nodes)-1]
}

func (b *builder) fail(t Token, err *SyntaxError) (*Node, *SyntaxError) { return nil, err }

// value reads the value that starts after white space at the scanner's
// position.
func (b *builder) value() (*Node, *SyntaxError) {
	s := b.sc
	s.space()
	if s.pos >= len(s.s) {
		return b.fail(s.eof())
	}
	c := s.s[s.pos]
	if c != '{' && c != '[' {
		t, err := s.scalar(c)
		if err != nil {
			return nil, err
		}
		n := b.node(t.Kind, t.Off, t.Raw)
		return n, nil
	}
	if b.depth >= MaxDepth {
		return b.fail(s.nested())
	}
	if b.depth == 0 && c == '{' {
		b.rootObject = true
	}
	if b.shallow && b.rootObject && b.depth == 1 && c == '[' {
		n := b.node(Kind(c), s.pos, "")
		s.pos++
		if b.eb == nil {
			b.eb = &builder{sc: s}
		}
		b.eb.depth = 2
		count, err := b.eb.elements(func(int, *Node) bool { return true })
		if err != nil {
			return nil, err
		}
		n.Len = count
		return n, nil
	}
	b.depth++
	n := b.node(Kind(c), s.pos, "")
	s.pos++
	s.space()
	if c == '{' {
		if s.pos < len(s.s) && s.s[s.pos] == '}' {
			s.pos++
			b.depth--
			return n, nil
		}
		base := len(b.mstack)
		for {
			s.space()
			if s.pos >= len(s.s) {
				return b.fail(s.eof())
			}
			if s.s[s.pos] != '"' {
				return b.fail(s.fail(s.pos, "此处应为带引号的字段名", "expected a quoted key"))
			}
			koff := s.pos
			plain, err := s.str()
			if err != nil {
				return nil, err
			}
			k := Token{Kind: Key, Off: koff, Raw: s.s[koff:s.pos], plain: plain}
			s.space()
			if s.pos >= len(s.s) {
				return b.fail(s.eof())
			}
			if s.s[s.pos] != ':' {
				return b.fail(s.fail(s.pos, "字段名后应为冒号", "expected ':' after the key"))
			}
			s.pos++
			v, err := b.value()
			if err != nil {
				return nil, err
			}
			b.mstack = append(b.mstack, Member{Key: k.Str(), KeyOff: koff, Val: v})
			s.space()
			if s.pos >= len(s.s) {
				return b.fail(s.eof())
			}
			if s.s[s.pos] == ',' {
				s.pos++
				continue
			}
			if s.s[s.pos] != '}' {
				return b.fail(s.fail(s.pos, "此处应为逗号或 }", "expected ',' or '}'"))
			}
			s.pos++
			break
		}
		n.Members = b.takeMembers(base)
		b.depth--
		return n, nil
	}
	if s.pos < len(s.s) && s.s[s.pos] == ']' {
		s.pos++
		b.depth--
		return n, nil
	}
	base := len(b.estack)
	for {
		v, err := b.value()
		if err != nil {
			return nil, err
		}
		b.estack = append(b.estack, v)
		s.space()
		if s.pos >= len(s.s) {
			return b.fail(s.eof())
		}
		if s.s[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.s[s.pos] != ']' {
			return b.fail(s.fail(s.pos, "此处应为逗号或 ]", "expected ',' or ']'"))
		}
		s.pos++
		break
	}
	n.Elems = b.takeElems(base)
	b.depth--
	return n, nil
}

func (b *builder) takeMembers(base int) []Member {
	ms := b.mstack[base:]
	if len(ms) == 0 {
		return nil
	}
	if len(ms) > cap(b.mslab)-len(b.mslab) {
		b.mslab = make([]Member, 0, max(4096, len(ms)))
	}
	start := len(b.mslab)
	b.mslab = append(b.mslab, ms...)
	b.mstack = b.mstack[:base]
	return b.mslab[start:len(b.mslab):len(b.mslab)]
}

func (b *builder) takeElems(base int) []*Node {
	es := b.estack[base:]
	if len(es) == 0 {
		return nil
	}
	if len(es) > cap(b.eslab)-len(b.eslab) {
		b.eslab = make([]*Node, 0, max(4096, len(es)))
	}
	start := len(b.eslab)
	b.eslab = append(b.eslab, es...)
	b.estack = b.estack[:base]
	return b.eslab[start:len(b.eslab):len(b.eslab)]
}

// Unique returns an object's members with every repeated key left out,
// calling dup for each repeat with the member it repeats.
func (n *Node) Unique(dup func(repeat, first Member)) []Member {
	ms := n.Members
	// Keys in order, as writers sort them, cannot repeat: no map needed.
	sorted := true
	for i := 1; i < len(ms) && sorted; i++ {
		sorted = ms[i-1].Key < ms[i].Key
	}
	if sorted || len(ms) <= 32 && !repeats(ms) {
		return ms
	}
	firsts := make(map[string]int, len(ms))
	var out []Member
	for i, m := range ms {
		if f, seen := firsts[m.Key]; seen {
			if out == nil {
				out = append(make([]Member, 0, len(ms)), ms[:i]...)
			}
			dup(m, ms[f])
			continue
		}
		firsts[m.Key] = i
		if out != nil {
			out = append(out, m)
		}
	}
	if out == nil {
		return ms
	}
	return out
}

// repeats reports whether a short list of members repeats a key, without
// the map a long one needs.
func repeats(ms []Member) bool {
	for i := 1; i < len(ms); i++ {
		for j := 0; j < i; j++ {
			if ms[i].Key == ms[j].Key {
				return true
			}
		}
	}
	return false
}
