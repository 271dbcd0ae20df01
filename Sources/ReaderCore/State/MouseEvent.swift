/// A mouse event the reader acts on, at a screen cell: the wheel turned, or the left button pressed.
///
/// Column and row count from 0 at the top-left cell, like `Frame` rows and cells, so the
/// reducer can tell which pane is under the pointer with `PaneGeometry`.
public struct MouseEvent: Hashable, Sendable {
  /// What the mouse did.
  public enum Kind: Hashable, Sendable {
    /// The wheel turned away from the user: scroll towards the start.
    case wheelUp
    /// The wheel turned towards the user: scroll towards the end.
    case wheelDown
    /// The left button went down (or clicked): focus the pane, choose the outline entry.
    case press
  }

  public var kind: Kind
  public var column: Int
  public var row: Int

  public init(_ kind: Kind, column: Int, row: Int) {
    self.kind = kind
    self.column = column
    self.row = row
  }
}
