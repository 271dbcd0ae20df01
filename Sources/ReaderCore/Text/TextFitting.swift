/// Cuts text to a number of columns at a character boundary, never through a wide character.
public enum TextFitting {
  /// The longest prefix of `text` that fits in `columns`.
  public static func clip(_ text: String, to columns: Int) -> String {
    var used = 0
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let width = max(0, DisplayWidth.of(scalar))
      if used + width > columns { break }
      used += width
      result.append(scalar)
    }
    return String(result)
  }

  /// `text` cut to `columns`, ending in `…` when something was cut.
  public static func truncate(_ text: String, to columns: Int) -> String {
    guard columns > 0 else { return "" }
    if DisplayWidth.of(text) <= columns { return text }
    let ellipsis = DisplayWidth.of("…")
    guard columns >= ellipsis else { return clip(text, to: columns) }
    return clip(text, to: columns - ellipsis) + "…"
  }

  /// `count` spaces. The short ones that pad table cells are made once, not at every cell.
  public static func spaces(_ count: Int) -> String {
    count < shortSpaces.count ? shortSpaces[max(0, count)] : String(repeating: " ", count: count)
  }

  private static let shortSpaces = (0..<128).map { String(repeating: " ", count: $0) }

  /// `glyph` repeated to fill exactly `columns`, a space making up a column that a wide glyph
  /// (a box-drawing line where ambiguous characters are wide) cannot.
  public static func rule(_ glyph: String, columns: Int) -> String {
    let width = max(1, DisplayWidth.of(glyph))
    let count = max(0, columns) / width
    return String(repeating: glyph, count: count)
      + String(repeating: " ", count: max(0, columns) - count * width)
  }
}

extension String {
  /// The string without the spaces it ends with. By byte: `hasSuffix` and `removeLast` compare
  /// and remove characters, which cost the printout of a large document a tenth of its time.
  func droppingTrailingSpaces() -> String {
    let spaces = utf8.reversed().prefix { $0 == UInt8(ascii: " ") }.count
    return spaces == 0 ? self : String(Substring(utf8.dropLast(spaces)))
  }
}
