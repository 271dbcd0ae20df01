/// A parsed document: its top-level blocks, title and outline. Immutable once built.
public struct Document: Sendable {
  public let title: String
  public let blocks: [Block]
  public let outline: Outline

  public init(title: String, blocks: [Block]) {
    self.title = title
    self.blocks = blocks
    self.outline = Outline(blocks: blocks)
  }

  /// Whether the document has nothing to show.
  public var isEmpty: Bool { blocks.isEmpty }
}
