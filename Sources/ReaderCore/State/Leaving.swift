/// Why the viewer stopped when the reader did not quit: the session opens something else.
public enum Leaving: Hashable, Sendable {
  case nextDocument
  case previousDocument
  case shelf
}
