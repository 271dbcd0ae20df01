/// Scalars read straight from a string's UTF-8 storage, for the loops that look at every scalar
/// of a large document: a `String.UnicodeScalarView` checks each index it moves to, which cost
/// layout a fifth of its time.
enum UTF8Bytes {
  /// The scalar whose UTF-8 starts at `at` in `bytes`, which must be valid UTF-8 (a String's
  /// own); `at` is moved past it.
  @inline(__always)
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> Unicode.Scalar {
    let lead = UInt32(bytes[at])
    let value: UInt32
    if lead < 0x80 {
      value = lead
      at += 1
    } else if lead < 0xE0 {
      value = (lead & 0x1F) << 6 | UInt32(bytes[at + 1] & 0x3F)
      at += 2
    } else if lead < 0xF0 {
      value = (lead & 0x0F) << 12 | UInt32(bytes[at + 1] & 0x3F) << 6 | UInt32(bytes[at + 2] & 0x3F)
      at += 3
    } else {
      value =
        (lead & 0x07) << 18 | UInt32(bytes[at + 1] & 0x3F) << 12 | UInt32(bytes[at + 2] & 0x3F) << 6
        | UInt32(bytes[at + 3] & 0x3F)
      at += 4
    }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// How many bytes the sequence led by `lead` takes in valid UTF-8 (a String's own).
  @inline(__always)
  static func sequenceLength(lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// How many scalars `text` holds: its UTF-8 lead bytes, counted without decoding a scalar.
  static func scalarCount(of text: String) -> Int {
    withBytes(of: text) { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
  }

  /// `body` over the string's UTF-8, read in place (copied only for a string not stored
  /// contiguously, which native Swift strings always are).
  @inline(__always)
  static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
  }
}
