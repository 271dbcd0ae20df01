/// The text of one leaf block (paragraph or heading, at any depth) as the reader sees it.
///
/// Mentions are searched in these texts, so a caller that shows the document in another
/// script passes the converted text and finds the names in their converted form.
public struct LeafText: Hashable, Sendable {
  /// The index of the top-level block that holds the leaf.
  public var topIndex: Int
  /// The leaf's `Block.id`, a `LineKey.leaf`.
  public var blockID: Int
  public var text: String

  public init(topIndex: Int, blockID: Int, text: String) {
    self.topIndex = topIndex
    self.blockID = blockID
    self.text = text
  }

  /// Every paragraph and heading of `document` in reading order, inside lists and quotes too.
  ///
  /// `displayed` turns a leaf's runs into the text drawn for it; it must keep the text the
  /// layout lays out, so that mention offsets match `LineKey.offset`. Tables, code and HTML
  /// are not prose and are left out.
  public static func leaves(
    of document: Document, displayed: ([InlineRun]) -> String = { $0.plainText }
  ) -> [LeafText] {
    leaves(of: document.blocks, from: 0, displayed: displayed)
  }

  /// The same for `blocks`, top-level blocks `first`, `first + 1`, … of a document.
  public static func leaves(
    of blocks: some Sequence<Block>, from first: Int, displayed: ([InlineRun]) -> String = { $0.plainText }
  ) -> [LeafText] {
    var result: [LeafText] = []
    func visit(_ block: Block, topIndex: Int) {
      switch block.kind {
      case .heading(_, let runs), .paragraph(let runs):
        result.append(LeafText(topIndex: topIndex, blockID: block.id, text: displayed(runs)))
      default:
        for child in block.children { visit(child, topIndex: topIndex) }
      }
    }
    for (offset, block) in blocks.enumerated() { visit(block, topIndex: first + offset) }
    return result
  }
}
