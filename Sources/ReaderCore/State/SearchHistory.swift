/// The patterns searched for before, oldest first, that Up and Down recall in the search prompt.
///
/// The viewer keeps one history for all documents, as less keeps one history file, and saves it
/// with the reading positions. What this session added is kept apart too, so that saving merges
/// it into what another session saved meanwhile instead of overwriting it.
public struct SearchHistory: Hashable, Sendable {
  /// At most this many patterns are kept (the oldest go first).
  public static let capacity = 50

  public private(set) var entries: [SearchPattern]
  /// The patterns submitted in this session, oldest first.
  public private(set) var added: [SearchPattern]

  public init(entries: [SearchPattern] = []) {
    // The saved history is outside input: empty or overlong entries are dropped.
    self.entries = Self.capped(
      entries.filter { !$0.text.isEmpty && $0.text.count <= SearchPattern.maximumLength })
    added = []
  }

  /// Remembers a submitted pattern as the newest; an earlier equal one moves up rather than repeating.
  public mutating func record(_ pattern: SearchPattern) {
    guard !pattern.text.isEmpty else { return }
    entries = Self.capped(entries.filter { $0 != pattern } + [pattern])
    added = Self.capped(added.filter { $0 != pattern } + [pattern])
  }

  /// `saved` (what the history file holds now) with this session's patterns as the newest.
  public func merged(into saved: [SearchPattern]) -> [SearchPattern] {
    Self.capped(saved.filter { !$0.text.isEmpty && !added.contains($0) } + added)
  }

  private static func capped(_ patterns: [SearchPattern]) -> [SearchPattern] {
    Array(patterns.suffix(capacity))
  }
}
