/// Where a stretch of a leaf's text is drawn on a layout line: cluster `offset` of the leaf (as
/// `SearchableText` numbers them) at `column`, followed by the next `length` clusters cell by cell.
///
/// Code, tables and other preformatted lines say this for each piece of text they draw, so that
/// search highlights land on the cells that show the match, whatever the layout did to place them
/// (padding, wrapping, continuation marks).
public struct TextSegment: Hashable, Sendable {
  public var offset: Int
  public var column: Int
  public var length: Int

  public init(offset: Int, column: Int, length: Int) {
    self.offset = offset
    self.column = column
    self.length = length
  }

  /// Whether cluster `offset` of the leaf is drawn in this segment.
  public func contains(_ offset: Int) -> Bool {
    offset >= self.offset && offset < self.offset + length
  }

  /// The number of layout clusters in `text`, counted as `Cluster.clusters(of:)` makes them
  /// when `text` starts a line: a zero-width scalar joins the one before it.
  public static func clusterCount<Text: StringProtocol>(of text: Text) -> Int {
    var count = 0
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if !Cluster.joins(width: DisplayWidth.of(scalar), after: previous) { count += 1 }
      previous = scalar
    }
    return count
  }
}
