/// One laid-out row of the body: styled pieces that together are at most the body's width.
public struct LayoutLine: Hashable, Sendable {
  public var spans: [StyledText]
  public var key: LineKey

  public init(spans: [StyledText], key: LineKey) {
    self.spans = spans
    self.key = key
  }

  /// The line's text without styles.
  public var text: String { spans.map(\.text).joined() }

  /// The columns the line takes.
  public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
