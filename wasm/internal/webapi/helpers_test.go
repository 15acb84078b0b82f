package webapi

import "github.com/eduplan/eduplan/org"

func levelOf(s string) org.Level { return org.Level(s) }
func kindOf(s string) org.Kind   { return org.Kind(s) }
