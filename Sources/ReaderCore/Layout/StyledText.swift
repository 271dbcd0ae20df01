/// Text drawn with one style, the unit a laid-out line is made of.
public struct StyledText: Hashable, Sendable {
  public var text: String
  public var style: TextStyle

  public init(_ text: String, style: TextStyle = []) {
    self.text = text
    self.style = style
  }
}
