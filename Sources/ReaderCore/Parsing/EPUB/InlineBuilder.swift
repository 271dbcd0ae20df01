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
    // book's import. `group` is what is not handed over yet; `groupSpace` the white space before
    // it. While the group is the text as it stands (words one ASCII space apart), it is only
    // where it starts and ends, copied once when it is handed over.
    var group = Group()
    var groupSpace = pendingSpace
    let bytes = text.utf8
    // Offsets into the UTF-8, read in place: a String.Index a scalar was a third of the time.
    func index(_ offset: Int) -> String.Index { bytes.index(bytes.startIndex, offsetBy: offset) }
    UTF8Bytes.withBytes(of: text) { buffer in
      var wordStart: Int?
      var at = 0
      while true {
        let atEnd = at == buffer.count
        let first = atEnd ? 0 : Self.spaceCandidate(buffer, at: at)
        if !atEnd && !(MarkupElement.collapsedSpace(first) && index(at).samePosition(in: text) != nil) {
          if wordStart == nil { wordStart = at }
          at += UTF8Bytes.sequenceLength(lead: buffer[at])
          continue
        }
        if let start = wordStart {
          let word = index(start)..<index(at)
          // The same as emitting the space and the word: both are of this style, and a word that
          // does not start with a format character is made drawable alike after a space.
          if !group.isEmpty, let space = pendingSpace, !space.lineEnd,
            let lead = text.unicodeScalars[word].first, !VisibleText.isFormat(lead)
          {
            group.append(text, word)
          } else {
            emit(group.text(of: text), after: groupSpace, style: style, target: target)
            group = Group(verbatim: word)
            groupSpace = pendingSpace
          }
          pendingSpace = nil
          wordStart = nil
        }
        if atEnd { break }
        let isNewline = (0x0A...0x0D).contains(first) || first == 0x85 || first == 0x2028 || first == 0x2029
        let lineEnd = isNewline || (pendingSpace?.lineEnd ?? false)
        pendingSpace = (lineEnd, pendingSpace?.style ?? style, pendingSpace?.target ?? target)
        // The whole character: marks over a space are part of it.
        at = bytes.distance(from: bytes.startIndex, to: text.index(after: index(at)))
      }
    }
    emit(group.text(of: text), after: groupSpace, style: style, target: target)
  }

  /// Words of a text node joined one space apart: a range of the text while they stand so in
  /// it, a string of their own once they do not.
  private struct Group {
    private var verbatim: Range<String.Index>?
    private var built = ""

    init(verbatim: Range<String.Index>? = nil) { self.verbatim = verbatim }

    var isEmpty: Bool { verbatim.map(\.isEmpty) ?? built.isEmpty }

    /// Adds the word at `word` of `text` after one space.
    mutating func append(_ text: String, _ word: Range<String.Index>) {
      if let range = verbatim {
        let bytes = text.utf8
        if range.upperBound < bytes.endIndex, bytes[range.upperBound] == 0x20,
          bytes.index(after: range.upperBound) == word.lowerBound
        {
          verbatim = range.lowerBound..<word.upperBound
          return
        }
        built = String(text[range])
        verbatim = nil
      }
      built += " "
      built += text[word]
    }

    /// The words, in storage of their size (a string grown by appending has up to twice that,
    /// which a run would keep for good).
    func text(of text: String) -> String {
      if let range = verbatim { return String(text[range]) }
      return String(decoding: built.utf8, as: UTF8.self)
    }
  }

  /// The scalar at `at` (a scalar's start) of valid UTF-8 when it may be white space, else
  /// U+4E00: only ASCII and the scalars led by 0xC2 (U+0085), 0xE1 (U+1680) and 0xE2
  /// (U+2000-205F) can be.
  @inline(__always)
  private static func spaceCandidate(_ buffer: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32 {
    let byte = buffer[at]
    if byte < 0x80 { return UInt32(byte) }
    guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 else { return 0x4E00 }
    var position = at
    return UTF8Bytes.scalar(in: buffer, at: &position).value
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
    emit(group, style: style, target: target)
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
