package rule

import (
	"sort"

	"github.com/eduplan/eduplan/msg"
)

// AggregateDoc defines one aggregate: the README's table and `eduplan
// explain` are written from these, so that what the engine computes and
// what a reader is told cannot drift apart.
type AggregateDoc struct {
	// Func is the canonical name; Weighted marks cv(x, w).
	Func     string `json:"func"`
	Weighted bool   `json:"weighted,omitempty"`
	// Call is how it is written, in the canonical spelling: "cv(x, w)".
	Call string `json:"call"`
	// Spellings are the other (Chinese) names the language accepts.
	Spellings []string `json:"spellings"`
	// Name says what it computes, in a few words.
	Name msg.Text `json:"name"`
	// Formula is the exact definition over the children counted.
	Formula msg.Text `json:"formula"`
	// Missing says what missing, uncomputable and not applicable children
	// do to the result: the rule every aggregate follows, then Also.
	Missing msg.Text `json:"missing"`
	// Also is what this aggregate adds to the common rule (a zero mean, a
	// missing weight); empty for most. JSON leaves it out: Missing says it.
	Also msg.Text `json:"-"`
}

// ChildStates is what every aggregate does with children that are not plain
// numbers, in words: AggregateDoc.Missing begins with it.
func ChildStates() msg.Text { return childStates }

// childStates is what every aggregate does with children that are not plain
// numbers: Reduce's rules in words.
var childStates = msg.Text{
	ZH: "不适用的下级单位不计入；任一计入的下级单位缺数据 → 缺数据；否则任一无法计算 → 无法计算；没有计入的下级单位 → 缺数据",
	EN: "children the figure does not concern are left out; any child counted lacking a figure → no data; else any child not computable → not computable; no child counted → no data",
}

// aggregateDocs builds the definitions when asked, which is rare: a binary
// that never asks (the browser page) links none of their text, as it would
// a package variable's.
func aggregateDocs() []AggregateDoc {
	docs := []AggregateDoc{
		{Func: "sum", Call: "sum(x)", Name: msg.T("合计", "sum"),
			Formula: msg.T("Σxᵢ", "Σxᵢ")},
		{Func: "mean", Call: "mean(x)", Name: msg.T("算术平均（不加权）", "arithmetic mean (unweighted)"),
			Formula: msg.T("Σxᵢ / n（n 为计入的下级单位数；比率的平均不是合计的比率，后者写 sum(分子) / sum(分母)）",
				"Σxᵢ / n (n the children counted; a mean of rates is not the rate of the whole, which is sum(numerator) / sum(denominator))")},
		{Func: "min", Call: "min(x)", Name: msg.T("最小值", "smallest value"),
			Formula: msg.T("min xᵢ（两个以上参数时是本单位各参数的较小者，不是汇总）", "min xᵢ (with two arguments or more: the smaller on the unit itself, not an aggregate)")},
		{Func: "max", Call: "max(x)", Name: msg.T("最大值", "largest value"),
			Formula: msg.T("max xᵢ（两个以上参数时是本单位各参数的较大者，不是汇总）", "max xᵢ (with two arguments or more: the larger on the unit itself, not an aggregate)")},
		{Func: "spread", Call: "spread(x)", Name: msg.T("极差", "range (highest − lowest)"),
			Formula: msg.T("max xᵢ − min xᵢ", "max xᵢ − min xᵢ")},
		{Func: "cv", Call: "cv(x)", Name: msg.T("差异系数（不加权，总体）", "coefficient of variation (unweighted, population)"),
			Formula: msg.T("x̄ = Σxᵢ / n，S = √(Σ(xᵢ − x̄)² / n)（除以 n，不是 n − 1），CV = S / x̄",
				"x̄ = Σxᵢ / n, S = √(Σ(xᵢ − x̄)² / n) (divided by n, not n − 1), CV = S / x̄"),
			Also: msg.T("x̄ = 0 → 无法计算", "x̄ = 0 → not computable")},
		{Func: "cv", Weighted: true, Call: "cv(x, w)", Name: msg.T("差异系数（按权重加权，如按在校生数，教督〔2017〕6号）", "coefficient of variation weighted by w (by pupils, as 教督〔2017〕6号)"),
			Formula: msg.T("P = ΣPᵢ，X̄ = ΣPᵢXᵢ / P，S = √(Σ(Pᵢ / P)(Xᵢ − X̄)²)，CV = S / X̄（Pᵢ 为权重 w，Xᵢ 为 x）",
				"P = ΣPᵢ, X̄ = ΣPᵢXᵢ / P, S = √(Σ(Pᵢ / P)(Xᵢ − X̄)²), CV = S / X̄ (Pᵢ the weight w, Xᵢ the value x)"),
			Also: msg.T("权重缺数据 → 缺数据；权重为负、P = 0 或 X̄ = 0 → 无法计算", "a missing weight → no data; a negative weight, P = 0 or X̄ = 0 → not computable")},
		{Func: "share", Call: "share(c)", Name: msg.T("满足条件的下级单位占比", "share of children meeting a condition"),
			Formula: msg.T("满足 c 的下级单位数 / n（比例，100% 即全部满足）", "children where c holds / n (a fraction: 100% when all do)")},
		{Func: "count", Call: "count(c)", Name: msg.T("满足条件的下级单位数", "children meeting a condition"),
			Formula: msg.T("满足 c 的下级单位数（两个以上条件时是本单位满足的条件数，不是汇总）",
				"children where c holds (with two conditions or more: how many hold on the unit itself, not an aggregate)")},
	}
	for i := range docs {
		d := &docs[i]
		for name, f := range functions {
			if f.canonical == d.Func && name != d.Func {
				d.Spellings = append(d.Spellings, name)
			}
		}
		sort.Strings(d.Spellings)
		d.Missing = childStates
		if d.Also.ZH != "" {
			d.Missing = msg.T(childStates.ZH+"；另："+d.Also.ZH, childStates.EN+"; also: "+d.Also.EN)
		}
	}
	return docs
}

// AggregateDocs defines every aggregate of the language, the weighted cv
// apart from the unweighted one, in the order the README lists them.
func AggregateDocs() []AggregateDoc {
	return aggregateDocs()
}

// Doc returns the definition of this aggregate, weighted or not.
func (a *Aggregate) Doc() AggregateDoc { return DocOf(a.Func, a.Weight != nil) }

// DocOf returns the definition of the aggregate of canonical name fn,
// weighted or not: a report's AggregateInput names its aggregate so.
func DocOf(fn string, weighted bool) AggregateDoc {
	for _, d := range AggregateDocs() {
		if d.Func == fn && d.Weighted == weighted {
			return d
		}
	}
	return AggregateDoc{Func: fn, Weighted: weighted, Call: fn + "(x)", Name: msg.T(fn, fn), Missing: childStates}
}
