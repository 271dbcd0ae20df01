/// A GFM table: a header row, body rows and the alignment of each column.
public struct TableBlock: Hashable, Sendable {
  /// How a column's cells line up.
  public enum Alignment: Hashable, Sendable { case none, left, center, right }

  public var alignments: [Alignment]
  public var header: [[InlineRun]]
  public var rows: [[[InlineRun]]]

  public init(alignments: [Alignment], header: [[InlineRun]], rows: [[[InlineRun]]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }
}
