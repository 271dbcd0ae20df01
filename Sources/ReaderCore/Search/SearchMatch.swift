/// One place where a query was found, in the coordinates of the displayed text.
public struct SearchMatch: Hashable, Sendable {
  /// The index of the top-level block that holds the leaf, an `Anchor.block`.
  public var topIndex: Int
  /// The `Block.id` of the paragraph, heading, code block or table, a `LineKey.leaf`.
  public var leafID: Int
  /// Where the match starts in the leaf's displayed text, in layout clusters as `SearchableText`
  /// numbers them (for prose, as `LineKey.offset` counts).
  public var offset: Int
  /// How many layout clusters the match covers (at least one).
  public var length: Int

  public init(topIndex: Int, leafID: Int, offset: Int, length: Int) {
    self.topIndex = topIndex
    self.leafID = leafID
    self.offset = offset
    self.length = length
  }

  /// The key of the match's first character, for a match in prose.
  public var key: LineKey { LineKey(leaf: leafID, offset: offset) }

  /// Where the match starts, for ordering against the reading position; exact for prose only,
  /// since the lines of code and tables are keyed by row (`anchor(in:)` is exact for both).
  public var position: TextPosition { TextPosition(block: topIndex, key: key) }

  /// The clusters of the leaf the match covers.
  public var clusters: Range<Int> { offset..<offset + length }

  /// The stretch to highlight in the body (`ReaderState.highlights`).
  public var range: TextRange { TextRange(leaf: leafID, offset: offset, length: length) }

  /// The anchor of the line in `layout` that shows the match's first character.
  public func anchor(in layout: DocumentLayout) -> Anchor {
    layout.anchor(block: topIndex, leaf: leafID, offset: offset)
  }
}
