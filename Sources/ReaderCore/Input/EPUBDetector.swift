/// Tells an EPUB by its content: a zip whose first entry is `mimetype`, stored, holding
/// `application/epub+zip` (EPUB Open Container Format, section 4.3).
public enum EPUBDetector {
  private static let mediaType = Array("application/epub+zip".utf8)

  /// Whether `bytes` start like an EPUB container.
  public static func isEPUB(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 30, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 3, bytes[3] == 4 else {
      return false
    }
    let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
    let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
    guard nameLength == 8, bytes.count >= 38, Array(bytes[30..<38]) == Array("mimetype".utf8) else {
      return false
    }
    let start = 38 + extraLength
    guard bytes.count >= start + mediaType.count else { return false }
    return Array(bytes[start..<start + mediaType.count]) == mediaType
  }

  /// Whether `bytes` start like any zip archive (a book named `.epub` that is not a valid one).
  public static func isZip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 3 && bytes[3] == 4
  }
}
