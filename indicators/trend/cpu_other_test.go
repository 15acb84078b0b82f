//go:build !unix

package trend_test

import "time"

// cpuNow has no process CPU time to read here: the metric reads 0.
func cpuNow() time.Duration { return 0 }
