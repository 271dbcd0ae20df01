/// A link (or footnote reference) chosen in the body with `l` / `L`: where its text is and where it
/// leads.
public struct LinkSelection: Hashable, Sendable {
  /// The top-level block that holds the link, an `Anchor.block`.
  public var block: Int
  /// The link's text, in layout clusters of its leaf block.
  public var range: TextRange
  public var target: InlineTarget

  public init(block: Int, range: TextRange, target: InlineTarget) {
    self.block = block
    self.range = range
    self.target = target
  }
}
