/// How a run of text is drawn: a set of attributes that combine.
public struct TextStyle: OptionSet, Hashable, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

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
  /// Text inside a block quote.
  public static let quote = TextStyle(rawValue: 1 << 19)
  /// The status line.
  public static let status = TextStyle(rawValue: 1 << 20)
  /// An outline entry's 简/繁 mark.
  public static let scriptMark = TextStyle(rawValue: 1 << 21)

  private static let headingShift: UInt32 = 16
  private static let headingMask: UInt32 = 0b111 << headingShift

  /// A heading of `level` (1 to 6; deeper ones count as 6), so that a theme can tell levels apart.
  public static func heading(_ level: Int) -> TextStyle {
    TextStyle(rawValue: UInt32(min(6, max(1, level))) << headingShift)
  }

  /// The heading level this style marks, if any.
  public var headingLevel: Int? {
    let level = Int((rawValue & Self.headingMask) >> Self.headingShift)
    return level == 0 ? nil : level
  }
}
