/// Where the outline, divider, body and status line go for a terminal size.
public struct PaneGeometry: Hashable, Sendable {
  /// Below this width or height the body is shown alone.
  public static let minimumTwoPaneSize = TerminalSize(width: 40, height: 5)
  /// Below this the screen only says that it is too small.
  public static let minimumSize = TerminalSize(width: 10, height: 2)
  /// The widest the body text gets unless the reader chooses (`--measure`): about 40 CJK
  /// characters, the measure book typography keeps for comfortable reading.
  public static let defaultMeasure = 80

  public let size: TerminalSize
  public let outline: Rect?
  public let dividerColumn: Int?
  /// The whole pane right of the divider (or the whole screen): where a click focuses the body.
  public let bodyPane: Rect
  /// The column band the body text is laid out in: at most the measure, centred in `bodyPane`.
  public let body: Rect
  public let statusRow: Int
  public let isTooSmall: Bool

  /// `measure` is the widest the body text gets, 0 for the whole pane; `outlineShare` is the
  /// outline's share of the width in percent (nil: the default width).
  public init(
    size: TerminalSize, outlineVisible: Bool = true, outlineShare: Int? = nil,
    measure: Int = Self.defaultMeasure
  ) {
    self.size = size
    isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    statusRow = size.height - 1
    let rows = max(0, size.height - 1)
    let twoPanes =
      outlineVisible && size.width >= Self.minimumTwoPaneSize.width
      && size.height >= Self.minimumTwoPaneSize.height
    let pane: Rect
    // The least margin on each side of the text: the gap after the divider, or, with the body
    // alone, a little room from the screen's edges so that the text never touches them.
    let margin: Int
    if twoPanes && !isTooSmall {
      // About 30% of the width, kept between 16 and 40 columns, unless the reader set a share.
      let preferred =
        outlineShare.map { max(8, size.width * $0 / 100) } ?? min(40, max(16, size.width * 30 / 100))
      let width = min(preferred, size.width - 20)
      outline = Rect(x: 0, y: 0, width: width, height: rows)
      dividerColumn = width + 1
      pane = Rect(x: width + 2, y: 0, width: size.width - width - 2, height: rows)
      margin = 1
    } else {
      outline = nil
      dividerColumn = nil
      pane = Rect(x: 0, y: 0, width: isTooSmall ? 0 : size.width, height: isTooSmall ? 0 : rows)
      margin = size.width >= 40 ? 2 : (size.width >= 20 ? 1 : 0)
    }
    bodyPane = pane
    body = Self.centred(in: pane, measure: measure, margin: margin, twoPanes: twoPanes && !isTooSmall)
  }

  /// The text band: the measure wide when the pane has room, with margins as even as the pane
  /// allows. Beside the outline the gap after the divider is the left margin, and the right one
  /// only appears once the pane is wider than the text, so a narrow pane loses no column to it.
  private static func centred(in pane: Rect, measure: Int, margin: Int, twoPanes: Bool) -> Rect {
    let room = twoPanes ? pane.width - margin : pane.width - 2 * margin
    let width = max(0, measure > 0 ? min(measure, room) : room)
    let spare = pane.width - width
    let left = twoPanes ? max(margin, (spare + 1) / 2) : spare / 2
    return Rect(x: pane.x + left, y: pane.y, width: width, height: pane.height)
  }
}
