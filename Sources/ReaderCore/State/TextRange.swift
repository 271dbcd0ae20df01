/// A stretch of a leaf block's text, in layout clusters: what a highlight covers.
public struct TextRange: Hashable, Sendable {
  public var leaf: Int
  public var offset: Int
  public var length: Int

  public init(leaf: Int, offset: Int, length: Int) {
    self.leaf = leaf
    self.offset = offset
    self.length = length
  }

  /// The whole of a leaf block.
  public static func whole(leaf: Int) -> TextRange {
    TextRange(leaf: leaf, offset: 0, length: Int.max / 2)
  }
}
