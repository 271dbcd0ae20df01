/// Questions about one line of plain text asked of its Unicode scalars, with the answers its
/// Characters give: walking a line by Characters segments it into graphemes, which cost several
/// times the scalars' walk on every line of a book's first screen.
///
/// A scalar is taken to start a Character only when that is sure whatever stands before it
/// (`startsCharacter`, after whitespace or the line's start); anything else is asked of the
/// Characters, as before.
enum PlainTextLine {
  /// The first scalar of the line's first Character that is not whitespace, or nil when every
  /// Character is (`line.allSatisfy(\.isWhitespace)`).
  static func firstVisibleScalar(_ line: Substring) -> Unicode.Scalar? {
    for scalar in line.unicodeScalars {
      // A Character is whitespace when its first scalar is.
      if isWhitespace(scalar) { continue }
      if startsCharacter(scalar) { return scalar }
      return line.first(where: { !$0.isWhitespace })?.unicodeScalars.first
    }
    return nil
  }

  /// Whether every Character of the line is whitespace.
  static func isBlank(_ line: Substring) -> Bool {
    firstVisibleScalar(line) == nil
  }

  /// Whether the line starts with the Characters `prefix`, a string of scalars that are each a
  /// Character of their own (spaces, U+3000): `line.hasPrefix(prefix)`.
  static func hasPrefix(_ line: Substring, _ prefix: String) -> Bool {
    var scalars = line.unicodeScalars.makeIterator()
    for expected in prefix.unicodeScalars {
      guard scalars.next() == expected else { return false }
    }
    // The last one is a Character of its own unless what follows joins it (a combining mark).
    guard let next = scalars.next(), !startsCharacter(next), !isWhitespace(next) else {
      return true
    }
    return line.hasPrefix(prefix)
  }

  /// `scalar.properties.isWhitespace`, without the property table for ASCII, the ideographic
  /// space and the CJK ideographs, which start nearly every line of a book.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    if value == 0x3000 { return true }
    if (0x4E00...0x9FFF).contains(value) { return false }
    return scalar.properties.isWhitespace
  }

  /// Whether a scalar always starts a Character after whitespace (or at the start of a line):
  /// ASCII and the CJK ideographs neither extend the Character before them nor are joined to it.
  static func startsCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 || (0x4E00...0x9FFF).contains(scalar.value)
  }
}
