//go:build unix

package safefile

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/require"
)

// helperOut is the helper process's standard output, read for "ready".
var helperOut io.Reader

// newHelper runs this test binary as a helper that writes to out.
func newHelper(t *testing.T, out string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptRemovesTheTemporaryFile$")
	cmd.Env = append(os.Environ(), "SAFEFILE_HELPER="+out)
	r, err := cmd.StdoutPipe()
	require.NoError(t, err)
	helperOut = r
	return cmd
}

// waitReady waits until the helper has begun its write.
func waitReady(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	line, err := bufio.NewReader(helperOut).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "ready\n", line)
}
