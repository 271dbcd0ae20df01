/// What a key asks the reader to do; the reducer decides what it means in the focused pane.
public enum Command: String, CaseIterable, Hashable, Sendable {
  case lineUp
  case lineDown
  case pageUp
  case pageDown
  case top
  case bottom
  case focusBody
  case switchFocus
  case quit
}
