package main

import (
	"fmt"
	"io"
	"time"
)

// progressMin is the number of units from which check draws progress: a
// city's file of a few hundred schools is done before a line could be read.
const progressMin = 2000

// progress draws one self-overwriting line on a terminal. It draws nothing
// when stderr is not a terminal (a CI log, a pipe), so logs stay clean.
type progress struct {
	w      io.Writer
	on     bool
	last   time.Time
	now    func() time.Time
	drawn  bool
	prefix string
}

func (e *env) progress(total int, prefix string) *progress {
	return &progress{w: e.stderr, on: e.terminal && total >= progressMin, now: e.now, prefix: prefix}
}

// stage names a step that reports no count of its own (reading, computing).
func (p *progress) stage(msg string) {
	if !p.on {
		return
	}
	p.drawn = true
	fmt.Fprintf(p.w, "\r\033[K%s", msg)
}

// step shows done of total, at most ten times a second.
func (p *progress) step(done, total int) {
	if !p.on {
		return
	}
	t := p.now()
	if p.drawn && t.Sub(p.last) < 100*time.Millisecond && done != total {
		return
	}
	p.last, p.drawn = t, true
	fmt.Fprintf(p.w, "\r\033[K%s %d/%d (%d%%)", p.prefix, done, total, done*100/max(total, 1))
}

// done clears the line.
func (p *progress) done() {
	if p.on && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
