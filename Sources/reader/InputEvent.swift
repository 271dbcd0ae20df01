import ReaderCore

/// What the terminal reports: a key, that its size changed, or that nothing came for a while.
enum InputEvent: Equatable {
  case key(Key)
  case mouse(MouseEvent)
  case resize
  /// The terminal answered the check made after the first screen: it draws the ambiguous
  /// characters this wide, not as the screen was laid out (`DisplayWidth.ambiguous` already says so).
  case ambiguousWidth(AmbiguousWidth)
  /// The reader came back from Ctrl-Z: the screen must be painted anew.
  case resumed
  case tick
}
