/// How a run of text is drawn: a set of attributes that combine.
public struct TextStyle: OptionSet, Hashable, Sendable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let bold = TextStyle(rawValue: 1 << 0)
  public static let italic = TextStyle(rawValue: 1 << 1)
  public static let code = TextStyle(rawValue: 1 << 2)
  public static let link = TextStyle(rawValue: 1 << 3)
  public static let strikethrough = TextStyle(rawValue: 1 << 4)
  public static let dim = TextStyle(rawValue: 1 << 5)
  public static let reverse = TextStyle(rawValue: 1 << 6)
  public static let underline = TextStyle(rawValue: 1 << 7)
  public static let highlight = TextStyle(rawValue: 1 << 8)
  /// The placeholder that stands for an image (`[圖: alt]`), drawn unlike link text.
  public static let image = TextStyle(rawValue: 1 << 9)
}
