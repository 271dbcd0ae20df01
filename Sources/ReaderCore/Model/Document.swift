/// A parsed document: its top-level blocks, title and outline.
public struct Document: Sendable {
  /// What the body shows for a document with nothing in it.
  public static let emptyMessage = "empty document"

  public let title: String
  public private(set) var blocks: [Block]
  public private(set) var outline: Outline
  /// A one-line note about how the source was read (`3 invalid bytes replaced`), for the status line.
  public var notice: String?
  /// The encoding the source was decoded from when it was not UTF-8 (`GB18030`), for the status line.
  public var encodingLabel: String?

  /// The title may come from a file name, so it is made drawable here, once, on one line.
  public init(title: String, blocks: [Block], notice: String? = nil) {
    self.title = VisibleText.singleLine(title)
    self.blocks = blocks
    self.outline = Outline(blocks: blocks)
    self.notice = notice
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
