/// A piece of inline text with one style: plain, strong, emphasis, code or link text.
public struct InlineRun: Hashable, Sendable {
  public var text: String
  public var style: TextStyle

  public init(_ text: String, style: TextStyle = []) {
    self.text = text
    self.style = style
  }
}

extension Array where Element == InlineRun {
  /// The runs' text joined, without styles.
  public var plainText: String { map(\.text).joined() }
}
