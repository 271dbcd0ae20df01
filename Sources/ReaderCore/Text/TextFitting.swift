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
    return clip(text, to: columns - 1) + "…"
  }
}
