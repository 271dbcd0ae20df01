/// A width-independent place in the document: a top-level block and the line key of text in it.
///
/// An `Anchor` names a line of one layout; a text position names the text itself, so it
/// survives a resize, a script toggle or a restart. `DocumentLayout.anchor(block:key:)` turns
/// it back into an anchor and `DocumentLayout.key(at:)` makes one from an anchor.
public struct TextPosition: Hashable, Comparable, Sendable {
  /// The index of the top-level block, an `Anchor.block`.
  public var block: Int
  public var key: LineKey

  public init(block: Int, key: LineKey) {
    self.block = block
    self.key = key
  }

  /// The start of the document.
  public static let start = TextPosition(block: 0, key: LineKey(leaf: 0, offset: 0))

  public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
    (lhs.block, lhs.key) < (rhs.block, rhs.key)
  }
}
