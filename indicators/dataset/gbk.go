//go:build !js

package dataset

// The one place this package uses x/text's Chinese encodings (about 0.1 MB
// of the WebAssembly page, gzipped). A page that decodes with the browser's
// TextDecoder('gbk') instead can replace these two functions.
import "golang.org/x/text/encoding/simplifiedchinese"

// decodeGB18030 decodes GB18030, the superset of GBK, writing U+FFFD for
// bytes it cannot read.
func decodeGB18030(b []byte) ([]byte, error) {
	return simplifiedchinese.GB18030.NewDecoder().Bytes(b)
}

// encodeGBK encodes text as GBK, failing on a character GBK lacks.
func encodeGBK(s string) (string, error) {
	return simplifiedchinese.GBK.NewEncoder().String(s)
}
