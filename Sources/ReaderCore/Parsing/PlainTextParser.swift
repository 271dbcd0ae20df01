/// Reads plain text: chapter lines become headings, blank lines separate paragraphs, and tabs
/// expand to the next multiple of 8 columns of their line.
///
/// Chapter lines are those `ChapterDetector` confirms (`第一回　…`, `第二卷`, `楔子`, `Chapter 3`).
/// When `reflow` is on and `HardWrapDetector` finds the text hard-wrapped, a paragraph's lines
/// are joined (no space between CJK characters, one between words) so the reader wraps them to
/// its pane, and a paragraph also ends before an indented line (U+3000 or spaces) and after a
/// line that stops well short of the wrap width; the indent is kept at the paragraph's start
/// only. Otherwise line ends inside a paragraph are kept as they are.
public struct PlainTextParser: Sendable {
  public var reflow: Bool

  public init(reflow: Bool = true) {
    self.reflow = reflow
  }

  public func parse(_ text: String, title: String) -> Document {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let headings = ChapterDetector.headings(in: lines)
    let wrapWidth =
      reflow
      ? HardWrapDetector.wrapWidth(of: lines.indices.lazy.filter { headings[$0] == nil }.map { lines[$0] })
      : nil
    var blocks: [Block] = []
    var paragraph: [String] = []
    func flush() {
      guard !paragraph.isEmpty else { return }
      var collector = InlineCollector()
      if wrapWidth == nil {
        collector.append(paragraph.joined(separator: "\n"), style: [])
      } else {
        for (index, line) in paragraph.enumerated() {
          if index > 0 { collector.softBreak(style: []) }
          collector.append(index == 0 ? line : Self.withoutIndent(line), style: [])
        }
      }
      blocks.append(Block(id: blocks.count, kind: .paragraph(collector.finish())))
      paragraph.removeAll()
    }
    for (index, line) in lines.enumerated() {
      if let heading = headings[index] {
        flush()
        var collector = InlineCollector()
        collector.append(heading.title, style: [])
        blocks.append(Block(id: blocks.count, kind: .heading(level: heading.level, runs: collector.finish())))
        continue
      }
      if line.allSatisfy(\.isWhitespace) {
        flush()
        continue
      }
      let expanded = line.contains("\t") ? CodeText.expandTabs(String(line)) : String(line)
      guard let wrapWidth else {
        paragraph.append(expanded)
        continue
      }
      if Self.isIndented(line) { flush() }
      paragraph.append(Self.withoutTrailingSpace(expanded))
      if DisplayWidth.of(expanded) < wrapWidth - HardWrapDetector.tolerance(wrapWidth) { flush() }
    }
    flush()
    return Document(title: title, blocks: blocks)
  }

  /// Whether a line starts a paragraph by its indent: U+3000, or two spaces or more.
  static func isIndented(_ line: Substring) -> Bool {
    line.first == "\u{3000}" || line.hasPrefix("  ")
  }

  private static func withoutIndent(_ line: String) -> String {
    String(line.drop(while: { $0 == " " || $0 == "\u{3000}" }))
  }

  private static func withoutTrailingSpace(_ line: String) -> String {
    var line = Substring(line)
    while let last = line.last, last == " " || last == "\u{3000}" { line = line.dropLast() }
    return String(line)
  }
}
