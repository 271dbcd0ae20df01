/// A key that waits for the next one to say what it means (`m a`, `' a`), as in less.
public enum KeyPrefix: Hashable, Sendable {
  /// `m`: the next key names the mark to set.
  case setMark
  /// `'`: the next key names the mark to go to (`'` itself: back to before the last jump).
  case jumpToMark
  /// `z`: the next key folds the outline (`z2`, `z0`, `za`), as vim's folds.
  case fold
}
