/// Splits text into sentences for script detection: after 。！？ (with any closing quotes that follow)
/// and after each line end. The sentences cover the text exactly, in order.
enum SentenceSplitter {
  /// Scalar offset ranges of the sentences of `scalars`.
  static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if isTerminator(scalar) {
        while index < scalars.count
          && (isTerminator(scalars[index]) || isCloser(scalars[index]))
        {
          index += 1
        }
      } else if scalar == "\r" {
        if index < scalars.count && scalars[index] == "\n" { index += 1 }
      } else if !isLineEnd(scalar) {
        continue
      }
      ranges.append(start..<index)
      start = index
    }
    if start < scalars.count { ranges.append(start..<scalars.count) }
    return ranges
  }

  private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "。", "！", "？": return true
    default: return false
    }
  }

  /// Closing quotes and brackets stay with the sentence they end.
  private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "”", "’", "」", "』", "）", "》", "〉", "】", "〕": return true
    default: return false
    }
  }

  private static func isLineEnd(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return true
    default: return false
    }
  }
}
