/// Text drawn with one style, the unit a laid-out line is made of.
public struct StyledText: Hashable, Sendable {
  public var text: String
  public var style: TextStyle
  /// Drawn by the layout rather than taken from the document: continuation and scroll marks,
  /// table rules, the code rule, header labels repeated in a table's record layout. The
  /// completeness check (nothing dropped, nothing doubled) leaves these out.
  public var isDecoration: Bool

  public init(_ text: String, style: TextStyle = [], decoration: Bool = false) {
    self.text = text
    self.style = style
    self.isDecoration = decoration
  }
}
