/// How many columns the terminal gives the East Asian Ambiguous characters (“ ” ‘ ’ … · ° × → ①
/// α │ ─): one, as glibc `wcwidth` says in every locale, or two, as terminals set up for CJK
/// (and their users) often have them.
public enum AmbiguousWidth: String, Sendable, CaseIterable {
  case narrow
  case wide

  /// The columns an ambiguous character takes.
  public var columns: Int { self == .wide ? 2 : 1 }
}
