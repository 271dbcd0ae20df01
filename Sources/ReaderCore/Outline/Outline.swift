/// The document's headings in order: ATX and setext headings plus bold-only pseudo-headings.
public struct Outline: Sendable {
  public let entries: [OutlineEntry]
  /// The deepest ATX or setext heading level found, 0 if none.
  let deepestHeadingLevel: Int

  /// Collects every heading, including those inside lists and quotes.
  ///
  /// Pseudo-headings sit one level below the deepest real heading level in use, so a
  /// document that mixes `##` headings with bold paragraphs nests them under the headings.
  public init(blocks: some Collection<Block>) {
    self.init(entries: [], deepestHeadingLevel: 0)
    self = appending(blocks, firstTopIndex: 0)
  }

  /// An outline the source declares (a book's table of contents), entries in reading order.
  public init(entries: [OutlineEntry]) {
    self.init(entries: entries, deepestHeadingLevel: 0)
  }

  private init(entries: [OutlineEntry], deepestHeadingLevel: Int) {
    self.entries = entries
    self.deepestHeadingLevel = deepestHeadingLevel
  }

  /// The outline of a document that grew by `blocks`, whose first is top-level block `firstTopIndex`.
  ///
  /// Equal to `Outline(blocks:)` of all the blocks. Entries are only added at the end: an entry's
  /// index, title and block never change; only pseudo-headings' level does, when a deeper real
  /// heading turns up. The cost is linear in the new blocks and in the headings.
  public func appending(_ blocks: some Collection<Block>, firstTopIndex: Int) -> Outline {
    var found: [(level: Int?, title: String, id: Int, top: Int)] = []
    var deepest = deepestHeadingLevel
    func visit(_ block: Block, top: Int) {
      switch block.kind {
      case .heading(let level, let runs):
        deepest = max(deepest, level)
        let title = VisibleText.sanitize(runs.plainText.trimmingWhitespace()).replacingNewlines()
        found.append((level, title, block.id, top))
      case .paragraph:
        if let title = block.pseudoHeadingTitle {
          found.append((nil, VisibleText.sanitize(title), block.id, top))
        }
      default:
        for child in block.children { visit(child, top: top) }
      }
    }
    for (index, block) in blocks.enumerated() { visit(block, top: firstTopIndex + index) }
    let pseudoLevel = deepest + 1
    var entries = entries
    if deepest != deepestHeadingLevel {
      for index in entries.indices where entries[index].isPseudo { entries[index].level = pseudoLevel }
    }
    entries.appendGrowingModestly(
      contentsOf: found.map {
        OutlineEntry(
          level: $0.level ?? pseudoLevel, title: $0.title, blockID: $0.id, topIndex: $0.top,
          isPseudo: $0.level == nil)
      })
    return Outline(entries: entries, deepestHeadingLevel: deepest)
  }

  public var count: Int { entries.count }
  public var isEmpty: Bool { entries.isEmpty }
  public subscript(index: Int) -> OutlineEntry { entries[index] }
}
