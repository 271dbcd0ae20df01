/// Where the outline, divider, body and status line go for a terminal size.
public struct PaneGeometry: Hashable, Sendable {
  /// Below this width or height the body is shown alone.
  public static let minimumTwoPaneSize = TerminalSize(width: 40, height: 5)
  /// Below this the screen only says that it is too small.
  public static let minimumSize = TerminalSize(width: 10, height: 2)

  public let size: TerminalSize
  public let outline: Rect?
  public let dividerColumn: Int?
  public let body: Rect
  public let statusRow: Int
  public let isTooSmall: Bool

  public init(size: TerminalSize, outlineVisible: Bool = true, outlineWidth: Int? = nil) {
    self.size = size
    isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    statusRow = size.height - 1
    let rows = max(0, size.height - 1)
    let twoPanes =
      outlineVisible && size.width >= Self.minimumTwoPaneSize.width
      && size.height >= Self.minimumTwoPaneSize.height
    if twoPanes && !isTooSmall {
      // About 30% of the width, kept between 16 and 40 columns, unless the reader set a width.
      let preferred = outlineWidth.map { max(8, $0) } ?? min(40, max(16, size.width * 30 / 100))
      let width = min(preferred, size.width - 20)
      outline = Rect(x: 0, y: 0, width: width, height: rows)
      dividerColumn = width + 1
      body = Rect(x: width + 3, y: 0, width: size.width - width - 3, height: rows)
    } else {
      outline = nil
      dividerColumn = nil
      body = Rect(x: 0, y: 0, width: isTooSmall ? 0 : size.width, height: isTooSmall ? 0 : rows)
    }
  }
}
