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
}

// Member is one key and value of an object.
type Member struct {
	Key    string
	KeyOff int
	Val    *Node
}

// Parse reads a whole document into a tree. Numbers are kept as written,
// so that a percent is read exactly.
func Parse(text string) (*Node, *SyntaxError) {
	b := &builder{sc: NewScanner(text)}
	t, err := b.sc.Next()
	if err != nil {
		return nil, err
	}
	root, err := b.value(t)
	if err != nil {
		return nil, err
	}
	if _, err := b.sc.Next(); err != nil {
		return nil, err
	}
	return root, nil
}

// builder carves nodes, members and elements from slabs, and gathers an
// object's members on a stack first, so that a file of ten thousand units
// costs a few hundred allocations rather than a million.
type builder struct {
	sc     *Scanner
	nodes  []Node
	mstack []Member
	mslab  []Member
	estack []*Node
	eslab  []*Node
}

func (b *builder) node(t Token) *Node {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]Node, 0, 1024)
	}
	b.nodes = append(b.nodes, Node{Kind: t.Kind, Off: t.Off, Raw: t.Raw})
	return &b.nodes[len(b.nodes)-1]
}

func (b *builder) value(t Token) (*Node, *SyntaxError) {
	n := b.node(t)
	switch t.Kind {
	case ObjectStart:
		base := len(b.mstack)
		for {
			k, err := b.sc.Next()
			if err != nil {
				return nil, err
			}
			if k.Kind == ObjectEnd {
				break
			}
			vt, err := b.sc.Next()
			if err != nil {
				return nil, err
			}
			v, err := b.value(vt)
			if err != nil {
				return nil, err
			}
			b.mstack = append(b.mstack, Member{Key: k.Str(), KeyOff: k.Off, Val: v})
		}
		n.Members = b.takeMembers(base)
	case ArrayStart:
		base := len(b.estack)
		for {
			et, err := b.sc.Next()
			if err != nil {
				return nil, err
			}
			if et.Kind == ArrayEnd {
				break
			}
			v, err := b.value(et)
			if err != nil {
				return nil, err
			}
			b.estack = append(b.estack, v)
		}
		n.Elems = b.takeElems(base)
	}
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
