/// One heading of the outline: its level, title and where it stands in the document.
///
/// The numbers are kept in 32 bits (32 bytes an entry, not 48): every document alive while a
/// large file loads (the one shown, the one published, the parse's own) holds its own entries.
public struct OutlineEntry: Hashable, Sendable {
  public var title: String
  @Int32Storage public var level: Int
  /// The `Block.id` of the heading (or pseudo-heading paragraph).
  @Int32Storage public var blockID: Int
  /// The index of the top-level block that holds it.
  @Int32Storage public var topIndex: Int
  /// Whether it is a bold-only paragraph rather than a Markdown heading.
  public var isPseudo: Bool

  public init(level: Int, title: String, blockID: Int, topIndex: Int, isPseudo: Bool) {
    self.title = title
    self.level = level
    self.blockID = blockID
    self.topIndex = topIndex
    self.isPseudo = isPseudo
  }
}
