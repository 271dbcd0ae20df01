/// A piece of text that search looks in: a paragraph or heading, a code block, a table cell.
///
/// Its clusters are numbered from `offset` within its leaf (the block whose id is a `LineKey.leaf`),
/// the numbering that `LayoutLine.textSegments` uses, so a match found in a piece is highlighted
/// where the layout drew it. A match never runs from one piece into the next.
public struct SearchableText: Hashable, Sendable {
  /// The index of the top-level block that holds the piece, an `Anchor.block`.
  public var topIndex: Int
  /// The `Block.id` of the leaf: the paragraph, heading, code block or table.
  public var leafID: Int
  /// The leaf cluster where the piece starts (0 but for the cells of a table).
  public var offset: Int
  public var text: String

  public init(topIndex: Int, leafID: Int, offset: Int, text: String) {
    self.topIndex = topIndex
    self.leafID = leafID
    self.offset = offset
    self.text = text
  }

  /// Everything `document` shows, in reading order: prose at any depth (link text, image alt
  /// text, footnotes and block HTML are part of it), code blocks, front matter, and table cells row
  /// by row.
  public static func pieces(of document: Document) -> [SearchableText] {
    var result: [SearchableText] = []
    func visit(_ block: Block, topIndex: Int) {
      switch block.kind {
      case .heading(_, let runs), .paragraph(let runs):
        result.append(SearchableText(topIndex: topIndex, leafID: block.id, offset: 0, text: runs.plainText))
      case .code(_, let text):
        result.append(SearchableText(topIndex: topIndex, leafID: block.id, offset: 0, text: text))
      case .frontMatter(let frontMatter):
        result.append(SearchableText(topIndex: topIndex, leafID: block.id, offset: 0, text: frontMatter.text))
      case .table(let table):
        for (row, offsets) in zip([table.header] + table.rows, table.cellOffsets()) {
          for (cell, offset) in zip(row, offsets) {
            result.append(
              SearchableText(
                topIndex: topIndex, leafID: block.id, offset: offset, text: TableBlock.cellText(cell)))
          }
        }
      default:
        for child in block.children { visit(child, topIndex: topIndex) }
      }
    }
    for (index, block) in document.blocks.enumerated() { visit(block, topIndex: index) }
    return result
  }
}
