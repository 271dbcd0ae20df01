/// A parsed document: its top-level blocks, title and outline.
public struct Document: Sendable {
  public let title: String
  public private(set) var blocks: [Block]
  public private(set) var outline: Outline

  public init(title: String, blocks: [Block]) {
    self.title = title
    self.blocks = blocks
    self.outline = Outline(blocks: blocks)
  }

  /// Whether the document has nothing to show.
  public var isEmpty: Bool { blocks.isEmpty }

  /// Adds the top-level blocks of the next chunk of the same source (see `ChunkedParser`).
  ///
  /// The outline grows with them as `Outline.appending` describes; the result equals the document
  /// built from all the blocks at once.
  public mutating func append(_ more: [Block]) {
    outline = outline.appending(more, firstTopIndex: blocks.count)
    blocks.append(contentsOf: more)
  }
}
