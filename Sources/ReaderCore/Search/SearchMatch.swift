/// One place where a query was found, in the coordinates of the displayed text.
public struct SearchMatch: Hashable, Sendable {
  /// The index of the top-level block that holds the leaf, an `Anchor.block`.
  public var topIndex: Int
  /// The `Block.id` of the paragraph or heading, a `LineKey.leaf`.
  public var leafID: Int
  /// Where the match starts in the leaf's displayed text, in layout clusters like `LineKey.offset`.
  public var offset: Int
  /// How many layout clusters the match covers (at least one).
  public var length: Int

  public init(topIndex: Int, leafID: Int, offset: Int, length: Int) {
    self.topIndex = topIndex
    self.leafID = leafID
    self.offset = offset
    self.length = length
  }

  /// The key of the match's first character.
  public var key: LineKey { LineKey(leaf: leafID, offset: offset) }

  /// Where the match starts, for ordering against the reading position.
  public var position: TextPosition { TextPosition(block: topIndex, key: key) }

  /// The clusters of the leaf the match covers.
  public var clusters: Range<Int> { offset..<offset + length }

  /// The anchor of the line in `layout` that shows the match's first character.
  ///
  /// `DocumentLayout.anchor(block:key:)` alone is not enough: the blank line after a leaf
  /// carries the leaf's last key plus one, which sorts before a match further along the
  /// leaf's last line, so that blank line is stepped back over.
  public func anchor(in layout: DocumentLayout) -> Anchor {
    guard topIndex < layout.blockCount else { return .top }
    let lines = layout.lines(ofBlock: topIndex)
    guard var line = lines.lastIndex(where: { $0.key <= key }) else {
      return Anchor(block: topIndex, line: 0)
    }
    while line > 0 && lines[line - 1].key.leaf == leafID && Self.isBlank(lines[line]) { line -= 1 }
    return Anchor(block: topIndex, line: line)
  }

  /// Whether a line shows no text: nothing, or only indentation and quote bars.
  private static func isBlank(_ line: LayoutLine) -> Bool {
    line.spans.allSatisfy { span in span.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "│" } }
  }
}
