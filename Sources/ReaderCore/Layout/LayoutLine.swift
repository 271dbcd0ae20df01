/// One laid-out row of the body: styled pieces that together are at most the body's width.
public struct LayoutLine: Hashable, Sendable {
  public var spans: [StyledText]
  public var key: LineKey
  /// For wrapped prose, the column where the leaf's text starts (after indents and markers):
  /// cluster `key.offset` of the leaf is drawn there. Nil for tables and rules.
  public var textColumn: Int?
  /// A chopped code line with more text past the right edge (the body can scroll to it).
  public var continuesRight: Bool
  /// For tables and other lines whose text is not one run from `textColumn`, where each piece of
  /// the leaf's text is drawn.
  public var segments: [TextSegment]

  public init(
    spans: [StyledText], key: LineKey, textColumn: Int? = nil, continuesRight: Bool = false,
    segments: [TextSegment] = []
  ) {
    self.spans = spans
    self.key = key
    self.textColumn = textColumn
    self.continuesRight = continuesRight
    self.segments = segments
  }

  /// Where the leaf's text lies on this line: `segments`, or for wrapped prose and code
  /// everything from `textColumn` on, starting with cluster `key.offset`.
  public var textSegments: [TextSegment] {
    if let textColumn { return [TextSegment(offset: key.offset, column: textColumn, length: Int.max / 2)] }
    return segments
  }

  /// The line's text without styles.
  public var text: String { spans.map(\.text).joined() }

  /// The columns the line takes.
  public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
