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
    for (index, block) in document.blocks.enumerated() {
      visitPieces(of: block, topIndex: index) { result.append($0) }
    }
    return result
  }

  /// The pieces of top-level block `block` (at `topIndex`), handed to `body` in reading order.
  static func visitPieces(of block: Block, topIndex: Int, _ body: (SearchableText) -> Void) {
    switch block.kind {
    case .heading(_, let runs), .paragraph(let runs):
      body(SearchableText(topIndex: topIndex, leafID: block.id, offset: 0, text: runs.plainText))
    case .code(_, let text):
      body(SearchableText(topIndex: topIndex, leafID: block.id, offset: 0, text: text))
    case .frontMatter(let frontMatter):
      body(SearchableText(topIndex: topIndex, leafID: block.id, offset: 0, text: frontMatter.text))
    case .table(let table):
      for (row, offsets) in zip([table.header] + table.rows, table.cellOffsets()) {
        for (cell, offset) in zip(row, offsets) {
          body(
            SearchableText(
              topIndex: topIndex, leafID: block.id, offset: offset, text: TableBlock.cellText(cell)))
        }
      }
    default:
      for child in block.children { visitPieces(of: child, topIndex: topIndex, body) }
    }
  }
}
