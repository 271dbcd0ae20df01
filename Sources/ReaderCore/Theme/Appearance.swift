/// How a role looks: colours (nil keeps the terminal's own) and attributes.
public struct Appearance: Hashable, Sendable {
  public var foreground: Colour?
  public var background: Colour?
  /// Of `TextStyle`, only bold, italic, underline, reverse and dim mean anything here.
  public var attributes: TextStyle

  public init(_ foreground: UInt32? = nil, on background: UInt32? = nil, _ attributes: TextStyle = []) {
    self.foreground = foreground.map(Colour.init)
    self.background = background.map(Colour.init)
    self.attributes = attributes
  }
}
