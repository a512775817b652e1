// Package jsonwire reads and writes the JSON of jobkit's types without reflection.
//
// The API server decodes Jobs with a case-sensitive JSON decoder that reports unknown and
// duplicate members by path (`unknown field "spec.retries"`) and rejects values of the wrong
// type. jobkit's types decode through a [Decoder] that does the same, keeps the members it
// does not type as raw JSON so that nothing is lost, and costs no reflection on the hot
// path. Encoding goes through an append-based [Encoder].
//
// The grammar is RFC 8259 JSON as encoding/json reads it: strings with invalid UTF-8 or
// lone surrogates read as U+FFFD, numbers keep their literal text until a typed reader
// converts them, and nesting is limited to [MaxDepth] levels.
package jsonwire
