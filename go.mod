module github.com/eduplan/eduplan

go 1.26.8

require (
	github.com/expr-lang/expr v1.17.8 // indirect
	github.com/goccy/go-json v0.10.5 // indirect
	github.com/stretchr/testify v1.11.1 // indirect
	golang.org/x/text v0.44.0 // indirect
)
