package plan

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the plan file format, for
// editors to check plan files as they are typed. It describes every field
// and rejects unknown ones; Load checks more than a schema can (unique ids,
// references, formulas, targets and deadlines).
//
//go:embed schema.json
var Schema []byte
