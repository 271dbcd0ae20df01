/// Preformatted text (code and HTML blocks): tabs expanded to stops of 8, controls made visible.
enum CodeText {
  static func expandTabs(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { VisibleText.isControl($0) && $0 != "\n" }) else {
      return VisibleText.sanitize(text)
    }
    var result = ""
    var column = 0
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        let spaces = 8 - column % 8
        result += String(repeating: " ", count: spaces)
        column += spaces
      } else if scalar == "\n" {
        result.unicodeScalars.append(scalar)
        column = 0
      } else if VisibleText.isControl(scalar) {
        let visible = VisibleText.sanitize(String(scalar))
        result += visible
        column += DisplayWidth.of(visible, ambiguous: .narrow)
      } else {
        result.unicodeScalars.append(scalar)
        if !VisibleText.isRemovedFormat(scalar) {
          column += max(0, DisplayWidth.of(scalar, ambiguous: .narrow))
        }
      }
    }
    // Format characters are kept or removed by their neighbours, so the whole text is made visible.
    return VisibleText.sanitize(result)
  }
}
