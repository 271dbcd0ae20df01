import ReaderCore

/// What the terminal reports: a key, or that its size changed.
enum InputEvent: Equatable {
  case key(Key)
  case resize
}
