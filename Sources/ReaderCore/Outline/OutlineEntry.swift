/// One heading of the outline: its level, title and where it stands in the document.
public struct OutlineEntry: Hashable, Sendable {
  public var level: Int
  public var title: String
  /// The `Block.id` of the heading (or pseudo-heading paragraph).
  public var blockID: Int
  /// The index of the top-level block that holds it.
  public var topIndex: Int
  /// Whether it is a bold-only paragraph rather than a Markdown heading.
  public var isPseudo: Bool

  public init(level: Int, title: String, blockID: Int, topIndex: Int, isPseudo: Bool) {
    self.level = level
    self.title = title
    self.blockID = blockID
    self.topIndex = topIndex
    self.isPseudo = isPseudo
  }
}
