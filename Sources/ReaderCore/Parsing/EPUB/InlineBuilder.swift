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
    // Words of this text that one space apart are handed over together, a line of them in one
    // append rather than two appends a word (a space, then the word), which took a fifth of a
    // book's import. `group` is what is not handed over yet; `groupSpace` the white space before it.
    var group = ""
    var groupSpace = pendingSpace
    var wordStart: String.Index?
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while true {
      let atEnd = index == scalars.endIndex
      let first = atEnd ? 0 : scalars[index].value
      if !atEnd && !(MarkupElement.collapsedSpace(first) && index.samePosition(in: text) != nil) {
        if wordStart == nil { wordStart = index }
        index = scalars.index(after: index)
        continue
      }
      if let start = wordStart {
        let word = text[start..<index]
        // The same as emitting the space and the word: both are of this style, and a word that
        // does not start with a format character is made drawable alike after a space.
        if !group.isEmpty, let space = pendingSpace, !space.lineEnd,
          let lead = word.unicodeScalars.first, !VisibleText.isFormat(lead)
        {
          group += " "
          group += word
        } else {
          emit(group, after: groupSpace, style: style, target: target)
          group = String(word)
          groupSpace = pendingSpace
        }
        pendingSpace = nil
        wordStart = nil
      }
      if atEnd { break }
      let isNewline = (0x0A...0x0D).contains(first) || first == 0x85 || first == 0x2028 || first == 0x2029
      let lineEnd = isNewline || (pendingSpace?.lineEnd ?? false)
      pendingSpace = (lineEnd, pendingSpace?.style ?? style, pendingSpace?.target ?? target)
      index = text.index(after: index)
    }
    emit(group, after: groupSpace, style: style, target: target)
  }

  /// Emits `group` (when there is one) as if `space` were the white space before it, keeping
  /// the white space seen after it pending.
  private mutating func emit(
    _ group: String, after space: (lineEnd: Bool, style: TextStyle, target: InlineTarget?)?, style: TextStyle,
    target: InlineTarget?
  ) {
    guard !group.isEmpty else { return }
    let after = pendingSpace
    pendingSpace = space
    // In storage of its size: appending grew it by doubling, and a run may keep it for good.
    emit(String(decoding: group.utf8, as: UTF8.self), style: style, target: target)
    pendingSpace = after
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
