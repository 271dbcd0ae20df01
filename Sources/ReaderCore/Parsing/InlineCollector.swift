/// Gathers inline text into styled runs, merging neighbours of one style and resolving soft breaks.
struct InlineCollector {
  private var runs: [InlineRun] = []
  private var pendingSoftBreak: TextStyle?

  /// Adds text; control characters are made visible here, once, for every later use.
  mutating func append(_ text: String, style: TextStyle) {
    guard !text.isEmpty else { return }
    let visible = text == "\n" ? text : VisibleText.sanitize(text)
    if let breakStyle = pendingSoftBreak {
      pendingSoftBreak = nil
      let before = runs.last?.text.unicodeScalars.last
      let after = visible.unicodeScalars.first
      if !(before.map(Self.joinsWithoutSpace) ?? true) || !(after.map(Self.joinsWithoutSpace) ?? true) {
        add(" ", style: breakStyle)
      }
    }
    add(visible, style: style)
  }

  /// A line end inside a paragraph: a space between words, nothing between CJK characters.
  mutating func softBreak(style: TextStyle) {
    if pendingSoftBreak == nil { pendingSoftBreak = style }
  }

  func finish() -> [InlineRun] { runs }

  private mutating func add(_ text: String, style: TextStyle) {
    if let last = runs.last, last.style == style {
      runs[runs.count - 1].text += text
    } else {
      runs.append(InlineRun(text, style: style))
    }
  }

  private static func joinsWithoutSpace(_ scalar: Unicode.Scalar) -> Bool {
    DisplayWidth.of(scalar) == 2
  }
}
