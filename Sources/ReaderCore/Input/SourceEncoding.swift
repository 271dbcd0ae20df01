/// The encoding a document's bytes were read in, told by its byte order mark (UTF-8 without one).
public enum SourceEncoding: String, Hashable, Sendable {
  case utf8 = "UTF-8"
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"

  /// The encoding that `bytes` announce and the length of the byte order mark that says so.
  public static func detect(_ bytes: [UInt8]) -> (encoding: SourceEncoding, markLength: Int) {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return (.utf8, 3) }
    if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
    if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
    return (.utf8, 0)
  }
}
