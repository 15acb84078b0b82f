package org_test

import (
	"fmt"

	"github.com/eduplan/eduplan/org"
)

func ExampleKindNames() {
	for _, k := range org.KindNames()[:3] {
		fmt.Printf("%s: %s / %s\n", k.Kind, k.Name.In("zh"), k.Name.In("en"))
	}
	// Output:
	// kindergarten: 幼儿园 / Kindergarten
	// primary: 小学 / Primary school
	// junior: 初中 / Junior secondary school
}
