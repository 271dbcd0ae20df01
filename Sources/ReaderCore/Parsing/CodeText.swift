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
      } else {
        let visible = VisibleText.sanitize(String(scalar))
        result += visible
        column += DisplayWidth.of(visible)
      }
    }
    return result
  }
}
