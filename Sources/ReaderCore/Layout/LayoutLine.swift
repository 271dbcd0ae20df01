/// One laid-out row of the body: styled pieces that together are at most the body's width.
public struct LayoutLine: Hashable, Sendable {
  public var spans: [StyledText]
  public var key: LineKey
  /// For wrapped prose, the column where the leaf's text starts (after indents and markers):
  /// cluster `key.offset` of the leaf is drawn there. Nil for tables and rules.
  public var textColumn: Int?
  /// A chopped code line with more text past the right edge (the body can scroll to it).
  public var continuesRight: Bool

  public init(spans: [StyledText], key: LineKey, textColumn: Int? = nil, continuesRight: Bool = false) {
    self.spans = spans
    self.key = key
    self.textColumn = textColumn
    self.continuesRight = continuesRight
  }

  /// The line's text without styles.
  public var text: String { spans.map(\.text).joined() }

  /// The columns the line takes.
  public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
