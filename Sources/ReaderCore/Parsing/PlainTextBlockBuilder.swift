/// Turns plain-text lines into blocks, line after line, as a `PlainTextPlan` says.
///
/// The same lines in the same order give the same blocks however they are handed over (all at
/// once, or a chunk at a time): a paragraph still open at the end of a chunk waits for the next
/// one. `isBetweenParagraphs` tells where a chunk may end with every block before it complete.
public struct PlainTextBlockBuilder: Sendable {
  public let plan: PlainTextPlan
  /// The id the next block gets.
  public private(set) var nextID: Int
  private var paragraph: [String] = []

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
    guard let wrapWidth = plan.wrapWidth else {
      paragraph.append(expanded)
      return
    }
    if Self.isIndented(line) { flush(to: &blocks) }
    paragraph.append(Self.withoutTrailingSpace(expanded))
    if DisplayWidth.of(expanded, ambiguous: .narrow) < wrapWidth - HardWrapDetector.tolerance(wrapWidth) {
      flush(to: &blocks)
    }
  }

  private mutating func flush(to blocks: inout [Block]) {
    guard !paragraph.isEmpty else { return }
    var collector = InlineCollector()
    if plan.wrapWidth == nil {
      collector.append(paragraph.joined(separator: "\n"), style: [])
    } else {
      for (index, line) in paragraph.enumerated() {
        if index > 0 { collector.softBreak(style: []) }
        collector.append(index == 0 ? line : Self.withoutIndent(line), style: [])
      }
    }
    blocks.append(Block(id: nextID, kind: .paragraph(collector.finish())))
    nextID += 1
    paragraph.removeAll()
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
