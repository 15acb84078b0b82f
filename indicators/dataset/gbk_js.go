//go:build js

package dataset

import "errors"

// In the browser the page decodes GBK with TextDecoder before the text
// reaches Go, and writes its templates as UTF-8 with a BOM, so the
// WebAssembly build leaves out x/text's tables (about 0.1 MB gzipped).
var errNoGBK = errors.New("此版本不含 GBK 编解码，请先在浏览器中解码 / this build has no GBK codec: decode the text in the browser first")

func decodeGB18030([]byte) ([]byte, error) { return nil, errNoGBK }

func encodeGBK(string) (string, error) { return "", errNoGBK }
