/// A search: the pattern, its matches and the one last gone to. While the prompt is open it is
/// the pattern being typed (its matches preview where Enter goes); after Enter or Esc it is the
/// last search, which `n` and `N` go on with.
public struct SearchState: Hashable, Sendable {
  public var pattern: SearchPattern
  /// The matches, once the document's search index exists (it is built in the background).
  public var results: SearchResults?
  /// Whether `results` were counted before the document grew (a background parse): they stay,
  /// since blocks are only appended after them, until the count of the grown document replaces
  /// them.
  public var isOutgrown = false
  /// The match `n` / `N` last went to.
  public var current: Int?
  /// The match shown before `results` were there, found by `FirstMatchScan`; the count fills in
  /// when the index is built.
  public var firstFound: FirstMatchScan.Found?
  /// Whether the first match is wanted before the results are there (Enter, or typing).
  public var awaitsFirstMatch = false
  /// `n` or `N` pressed before the results were there, from `firstFound`: the scan for the match
  /// it goes to runs off the key path (`FirstMatchScan.next`).
  public var awaitsStep: FirstMatchScan.Step?
  /// Whether the highlights were cleared (Esc in the panes); `n` and `N` show them again.
  public var hidesHighlights = false

  public init(pattern: SearchPattern) {
    self.pattern = pattern
    results = nil
    current = nil
  }

  public init(query: String = "") {
    self.init(pattern: SearchPattern(query))
  }

  /// The text searched for, as typed.
  public var query: String { pattern.text }
}
