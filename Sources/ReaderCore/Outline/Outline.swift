/// The document's headings in order: ATX and setext headings plus bold-only pseudo-headings.
public struct Outline: Sendable {
  public let entries: [OutlineEntry]

  /// Collects every heading, including those inside lists and quotes.
  ///
  /// Pseudo-headings sit one level below the deepest real heading level in use, so a
  /// document that mixes `##` headings with bold paragraphs nests them under the headings.
  public init(blocks: [Block]) {
    var found: [(level: Int?, title: String, id: Int, top: Int)] = []
    var deepest = 0
    func visit(_ block: Block, top: Int) {
      switch block.kind {
      case .heading(let level, let runs):
        deepest = max(deepest, level)
        found.append((level, VisibleText.sanitize(runs.plainText.trimmingWhitespace()), block.id, top))
      case .paragraph:
        if let title = block.pseudoHeadingTitle {
          found.append((nil, VisibleText.sanitize(title), block.id, top))
        }
      default:
        for child in block.children { visit(child, top: top) }
      }
    }
    for (index, block) in blocks.enumerated() { visit(block, top: index) }
    let pseudoLevel = deepest + 1
    entries = found.map {
      OutlineEntry(
        level: $0.level ?? pseudoLevel, title: $0.title, blockID: $0.id, topIndex: $0.top,
        isPseudo: $0.level == nil)
    }
  }

  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }
  public subscript(index: Int) -> OutlineEntry { entries[index] }
}
