/// A search: the query, whether it is still being typed, its matches and the one last gone to.
public struct SearchState: Hashable, Sendable {
  public var query: String
  /// Whether the prompt on the status line is open and takes the keys.
  public var isEditing: Bool
  /// The matches, once the document's search index exists (it is built in the background).
  public var results: SearchResults?
  /// The match `n` / `N` last went to.
  public var current: Int?
  /// The match shown after Enter before `results` were there, found by `FirstMatchScan`; the
  /// count fills in when the index is built.
  public var firstFound: FirstMatchScan.Found?
  /// Whether Enter was pressed before the results were there, so the first match is wanted.
  public var awaitsFirstMatch = false

  public init(query: String = "", isEditing: Bool = true) {
    self.query = query
    self.isEditing = isEditing
    results = nil
    current = nil
  }
}
