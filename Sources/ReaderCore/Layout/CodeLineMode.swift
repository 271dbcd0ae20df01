/// How code lines wider than the body are shown: wrapped onto continuation rows, or chopped at
/// the edge with the body scrolled `shift` columns to the right (less's `-S`).
public enum CodeLineMode: Hashable, Sendable {
  case wrapped
  case chopped(shift: Int)

  /// The columns the chopped view is scrolled by; 0 when wrapped.
  public var shift: Int {
    if case .chopped(let shift) = self { return shift }
    return 0
  }
}
