/// Turns plain-text lines into blocks, line after line, as a `PlainTextPlan` says.
///
/// The same lines in the same order give the same blocks however they are handed over (all at
/// once, or a chunk at a time): a paragraph still open at the end of a chunk waits for the next
/// one. `isBetweenParagraphs` tells where a chunk may end with every block before it complete.
public struct PlainTextBlockBuilder: Sendable {
  public let plan: PlainTextPlan
  /// The id the next block gets.
  public private(set) var nextID: Int
  /// A line of the open paragraph, without its trailing spaces, and what it tells of the cut
  /// after it (see `HardWrap`).
  private struct Line {
    var text: String
    /// Whether the wrapper cut it for its length.
    var isFull = false
    var endedInSpace = false
  }

  private var paragraph: [Line] = []

  public init(plan: PlainTextPlan, firstID: Int = 0) {
    self.plan = plan
    self.nextID = firstID
  }

  /// Whether no paragraph is open: every line added so far is in a returned block.
  public var isBetweenParagraphs: Bool { paragraph.isEmpty }

  /// Adds `lines`, the first of which is line `first` of the whole text (the plan numbers lines
  /// from the top); returns the blocks they completed.
  public mutating func add(_ lines: some Collection<Substring>, from first: Int) -> [Block] {
    var blocks: [Block] = []
    for (offset, line) in lines.enumerated() { add(line, at: first + offset, to: &blocks) }
    return blocks
  }

  /// The paragraph still open, if any, as a block.
  public mutating func finish() -> [Block] {
    var blocks: [Block] = []
    flush(to: &blocks)
    return blocks
  }

  private mutating func add(_ line: Substring, at index: Int, to blocks: inout [Block]) {
    if let heading = plan.headings[index] {
      flush(to: &blocks)
      var collector = InlineCollector()
      collector.append(heading.title, style: [])
      blocks.append(Block(id: nextID, kind: .heading(level: heading.level, runs: collector.finish())))
      nextID += 1
      return
    }
    if PlainTextLine.isBlank(line) {
      flush(to: &blocks)
      return
    }
    // Bytes, not Characters: a search by Character segments the whole line into graphemes.
    let tab = UInt8(ascii: "\t")
    let hasTab = line.utf8.withContiguousStorageIfAvailable { $0.contains(tab) } ?? line.utf8.contains(tab)
    let expanded = hasTab ? CodeText.expandTabs(String(line)) : String(line)
    guard let wrap = plan.wrap else {
      paragraph.append(Line(text: expanded))
      return
    }
    if Self.isIndented(line) { flush(to: &blocks) }
    let length = wrap.length(of: expanded)
    let trimmed = Self.withoutTrailingSpace(expanded)
    paragraph.append(
      Line(
        text: trimmed, isFull: wrap.isFull(length: length),
        endedInSpace: trimmed.utf8.count != expanded.utf8.count))
    if wrap.endsParagraph(length: length) { flush(to: &blocks) }
  }

  private mutating func flush(to blocks: inout [Block]) {
    guard !paragraph.isEmpty else { return }
    var collector = InlineCollector()
    if let wrap = plan.wrap {
      for (index, line) in paragraph.enumerated() {
        if index > 0 { join(after: paragraph[index - 1], before: line.text, wrap: wrap, in: &collector) }
        collector.append(index == 0 ? line.text : Self.withoutIndent(line.text), style: [])
      }
    } else {
      collector.append(paragraph.map(\.text).joined(separator: "\n"), style: [])
    }
    blocks.append(Block(id: nextID, kind: .paragraph(collector.finish())))
    nextID += 1
    paragraph.removeAll()
  }

  /// What stands between two lines of a paragraph: what the source had, when the wrapper cut
  /// without regard to words (nothing after a full line, one space where one stood at the cut);
  /// otherwise a space between words and nothing between CJK characters.
  private func join(
    after before: Line, before line: String, wrap: HardWrap, in collector: inout InlineCollector
  ) {
    guard wrap.cutsInsideWords else { return collector.softBreak(style: []) }
    if before.endedInSpace || line.unicodeScalars.first == " " {
      collector.append(" ", style: [])
    } else if !before.isFull {
      collector.softBreak(style: [])
    }
  }

  /// Whether a line starts a paragraph by its indent: U+3000, or two spaces or more.
  static func isIndented(_ line: Substring) -> Bool {
    PlainTextLine.hasPrefix(line, "\u{3000}") || PlainTextLine.hasPrefix(line, "  ")
  }

  private static func withoutIndent(_ line: String) -> String {
    // A Character that is a space is that scalar alone: a line starting with neither has no indent.
    guard let first = line.unicodeScalars.first, first == " " || first == "\u{3000}" else { return line }
    return String(line.drop(while: { $0 == " " || $0 == "\u{3000}" }))
  }

  private static func withoutTrailingSpace(_ line: String) -> String {
    guard let end = line.unicodeScalars.last, end == " " || end == "\u{3000}" else { return line }
    var line = Substring(line)
    while let last = line.last, last == " " || last == "\u{3000}" { line = line.dropLast() }
    return String(line)
  }
}
