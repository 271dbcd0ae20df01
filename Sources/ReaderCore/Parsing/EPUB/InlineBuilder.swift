/// Collects the inline text of an HTML block as a browser shows it: runs of white space become
/// one space (a line end between CJK characters none, as `InlineCollector` decides), white space
/// at the start and end of the block and around a `br` is dropped.
struct InlineBuilder {
  private var collector = InlineCollector()
  private var isEmpty = true
  /// White space seen since the last text: nil for none, else whether it held a line end.
  private var pendingSpace: (lineEnd: Bool, style: TextStyle, target: InlineTarget?)?
  private var afterLineBreak = false

  /// Text from a text node, its white space collapsed.
  ///
  /// A character is white space by its first scalar, as `Character.isWhitespace` tells, but
  /// looked up in `MarkupElement.collapsedSpace` and words cut out of the text rather than built
  /// a character at a time: every character of a book goes through here. The text is walked by
  /// scalars, not characters (finding every character's end took two thirds of a chapter's
  /// import); a white-space scalar counts only where a character starts (not a space that a
  /// prefix joins), and then the whole character is the white space, marks over it included.
  mutating func appendText(_ text: String, style: TextStyle, target: InlineTarget? = nil) {
    var wordStart: String.Index?
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let first = scalars[index].value
      guard MarkupElement.collapsedSpace(first), index.samePosition(in: text) != nil else {
        if wordStart == nil { wordStart = index }
        index = scalars.index(after: index)
        continue
      }
      if let start = wordStart { emit(String(text[start..<index]), style: style, target: target) }
      wordStart = nil
      let isNewline = (0x0A...0x0D).contains(first) || first == 0x85 || first == 0x2028 || first == 0x2029
      let lineEnd = isNewline || (pendingSpace?.lineEnd ?? false)
      pendingSpace = (lineEnd, pendingSpace?.style ?? style, pendingSpace?.target ?? target)
      index = text.index(after: index)
    }
    if let start = wordStart { emit(String(text[start...]), style: style, target: target) }
  }

  /// Text that is not HTML source (a placeholder, a reading): kept as it is, spaces and all.
  mutating func appendAtom(_ text: String, style: TextStyle, target: InlineTarget? = nil) {
    emit(text, style: style, target: target)
  }

  /// A `br`: a line end inside the paragraph.
  mutating func appendLineBreak(style: TextStyle) {
    guard !isEmpty else { return }
    pendingSpace = nil
    collector.append("\n", style: style)
    afterLineBreak = true
  }

  /// The runs, without white space at either end.
  func finish() -> [InlineRun] {
    var runs = collector.finish()
    while let last = runs.last, last.text.last == "\n" {
      runs[runs.count - 1].text.removeLast()
      if runs[runs.count - 1].text.isEmpty { runs.removeLast() }
    }
    return runs
  }

  private mutating func emit(_ text: String, style: TextStyle, target: InlineTarget?) {
    if let space = pendingSpace, !isEmpty, !afterLineBreak {
      if space.lineEnd {
        collector.softBreak(style: space.style, target: space.target)
      } else {
        collector.append(" ", style: space.style, target: space.target)
      }
    }
    pendingSpace = nil
    afterLineBreak = false
    isEmpty = false
    collector.append(text, style: style, target: target)
  }
}
