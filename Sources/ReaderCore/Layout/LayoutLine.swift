/// One laid-out row of the body: styled pieces that together are at most the body's width.
public struct LayoutLine: Hashable, Sendable {
  public var spans: [StyledText]
  public var key: LineKey
  /// For wrapped prose, the column where the leaf's text starts (after indents and markers):
  /// cluster `key.offset` of the leaf is drawn there. Nil for code, tables and rules.
  public var textColumn: Int?

  public init(spans: [StyledText], key: LineKey, textColumn: Int? = nil) {
    self.spans = spans
    self.key = key
    self.textColumn = textColumn
  }

  /// The line's text without styles.
  public var text: String { spans.map(\.text).joined() }

  /// The columns the line takes.
  public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
