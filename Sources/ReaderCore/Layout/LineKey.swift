/// A width-independent place in the text: the leaf block and a character offset within it.
///
/// Lines laid out at different widths can be matched by their keys, which is how a resize
/// or a script toggle keeps the same text at the top of the body.
public struct LineKey: Hashable, Comparable, Sendable {
  public var leaf: Int
  public var offset: Int

  public init(leaf: Int, offset: Int) {
    self.leaf = leaf
    self.offset = offset
  }

  /// The offset of a blank line after a leaf: past any of its text, so no text maps to it.
  public static let separatorOffset = Int.max / 2

  public static func < (lhs: LineKey, rhs: LineKey) -> Bool {
    (lhs.leaf, lhs.offset) < (rhs.leaf, rhs.offset)
  }
}
