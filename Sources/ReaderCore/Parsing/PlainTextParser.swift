/// Reads plain text: blank lines separate paragraphs, line ends inside a paragraph are kept, and
/// tabs expand to the next multiple of 8 columns of their line.
public struct PlainTextParser: Sendable {
  public init() {}

  public func parse(_ text: String, title: String) -> Document {
    var blocks: [Block] = []
    var paragraph: [String] = []
    func flush() {
      guard !paragraph.isEmpty else { return }
      var collector = InlineCollector()
      collector.append(paragraph.joined(separator: "\n"), style: [])
      blocks.append(Block(id: blocks.count, kind: .paragraph(collector.finish())))
      paragraph.removeAll()
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.allSatisfy(\.isWhitespace) {
        flush()
      } else {
        paragraph.append(line.contains("\t") ? CodeText.expandTabs(String(line)) : String(line))
      }
    }
    flush()
    return Document(title: title, blocks: blocks)
  }
}
