/// One terminal cell: a spacing character and its zero-width followers, or the right half of a wide one.
public struct Cell: Hashable, Sendable {
  /// What the cell shows; empty for the second column of a wide character.
  public var text: String
  /// 1 or 2 for a cell that starts a character, 0 for the second column of a wide character.
  public var width: Int
  public var style: TextStyle

  public init(text: String, width: Int, style: TextStyle = []) {
    self.text = text
    self.width = width
    self.style = style
  }

  public static let blank = Cell(text: " ", width: 1)
  static let continuation = Cell(text: "", width: 0)
}
