import CUchardet

/// Guesses the legacy encoding of bytes that are not UTF-8, with uchardet (Mozilla's universal
/// charset detector), and names it as iconv knows it.
///
/// uchardet answers GB18030 for GBK and GB2312 text as well; GB18030 is a superset of both, so
/// every such answer is read as GB18030. uchardet 0.0.7 recognises UTF-16 and UTF-32 only by a
/// byte order mark; `UnicodeWithoutMark` covers the files that have none.
public enum CharsetDetector {
  /// How much of the start of a file uchardet is given: enough for a confident answer on text,
  /// little enough that a 100 MB file is not read twice before its first screen.
  public static let sampleSize = 256 << 10

  /// The encoding uchardet names for `bytes` (at most `sampleSize` of them), or nil when it has
  /// no answer or answers ASCII or UTF-8.
  public static func guess(_ bytes: UnsafeRawBufferPointer) -> SourceEncoding? {
    guard reader_uchardet_library() != nil, let detector = reader_uchardet_new()(),
      let base = bytes.baseAddress
    else { return nil }
    defer { reader_uchardet_delete()(detector) }
    let count = min(bytes.count, sampleSize)
    _ = reader_uchardet_handle_data()(detector, base.assumingMemoryBound(to: CChar.self), count)
    reader_uchardet_data_end()(detector)
    guard let answer = reader_uchardet_get_charset()(detector) else { return nil }
    return encoding(named: String(cString: answer))
  }

  /// The iconv encoding for one of uchardet's answers; nil for no answer, ASCII and UTF-8.
  static func encoding(named answer: String) -> SourceEncoding? {
    switch answer.uppercased() {
    case "", "ASCII", "UTF-8": return nil
    case "GB18030", "GBK", "GB2312", "EUC-CN": return .gb18030
    // uchardet's name for ISO-10646 in an odd byte order, which iconv does not know.
    case "X-ISO-10646-UCS-4-3412", "X-ISO-10646-UCS-4-2143": return nil
    case let name: return SourceEncoding(name: name)
    }
  }
}
