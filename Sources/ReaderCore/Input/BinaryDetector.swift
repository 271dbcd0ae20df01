/// Tells a binary file from text by the control characters at its start.
///
/// Only the first `sampleSize` bytes are looked at. The characters that count are NUL and the
/// C0 controls no text editor writes: everything below U+0020 except tab, line feed, vertical
/// tab, form feed, carriage return and escape (coloured logs use escape), plus DEL. Bytes of
/// 0x80 and above never count, so CJK text, Latin-1 and other legacy encodings are text (their
/// invalid bytes are replaced, not refused). Valid UTF-16 with a byte order mark is checked
/// per code unit after decoding, so its zero high bytes do not count either.
///
/// Random or compressed data has about 10% such bytes, executables and images far more; a
/// text file with a stray NUL or a few escape sequences has well under 1%. The threshold is
/// 5%, and a file shorter than 256 bytes needs more than 12 of them.
public enum BinaryDetector {
  /// How much of the start of a file is sampled.
  public static let sampleSize = 8192
  /// A sample is binary when more than one in `ratio` of its units are suspicious.
  public static let ratio = 20
  /// Shorter samples count as this long, so a short note with a stray NUL is still text.
  public static let minimumSample = 256

  /// Whether a code unit (a byte, or a UTF-16 unit) is a control character text never holds.
  public static func isSuspicious(_ unit: UInt32) -> Bool {
    switch unit {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: return false
    case 0x00..<0x20, 0x7F: return true
    default: return false
    }
  }

  /// Whether `suspicious` units out of `sampled` make the sample binary.
  public static func looksBinary(suspicious: Int, sampled: Int) -> Bool {
    suspicious * ratio > max(sampled, minimumSample)
  }

  /// Whether UTF-8 (or unknown) bytes look binary, judged on their first `sampleSize` bytes.
  public static func looksBinary(_ bytes: [UInt8]) -> Bool {
    let sampled = min(bytes.count, sampleSize)
    var suspicious = 0
    for index in 0..<sampled where isSuspicious(UInt32(bytes[index])) { suspicious += 1 }
    return looksBinary(suspicious: suspicious, sampled: sampled)
  }
}
