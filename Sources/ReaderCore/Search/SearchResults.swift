/// The matches of one query in document order, and how to step through them.
///
/// Stepping wraps around: after the last match comes the first, and the step says so, so
/// the status line can tell the reader the search went round.
public struct SearchResults: Hashable, Sendable {
  /// One step of a search: which match, and whether the search went past an end to reach it.
  public struct Step: Hashable, Sendable {
    /// The index of the match in `matches`.
    public var index: Int
    public var match: SearchMatch
    /// Whether the search passed the end (going forward) or the start (going back) of the document.
    public var wrapped: Bool

    public init(index: Int, match: SearchMatch, wrapped: Bool) {
      self.index = index
      self.match = match
      self.wrapped = wrapped
    }
  }

  /// The pattern searched for.
  public var pattern: SearchPattern
  /// The query in the form it was compared in (see `SearchNormalizer`); empty searches nothing.
  public var normalizedQuery: String
  /// Every match in document order; matches never overlap.
  public var matches: [SearchMatch]
  /// Whether the search stopped at `SearchIndex.maximumMatches`: there are more than `matches`.
  public var isCapped = false

  public init(pattern: SearchPattern, normalizedQuery: String, matches: [SearchMatch]) {
    self.pattern = pattern
    self.normalizedQuery = normalizedQuery
    self.matches = matches
  }

  public init(query: String, normalizedQuery: String, matches: [SearchMatch]) {
    self.init(pattern: SearchPattern(query), normalizedQuery: normalizedQuery, matches: matches)
  }

  /// The text searched for, as typed.
  public var query: String { pattern.text }

  public var count: Int { matches.count }
  public var isEmpty: Bool { matches.isEmpty }

  /// The first match at or after `position` (the text at the top of the body), else the first one.
  public func firstMatch(atOrAfter position: TextPosition) -> Step? {
    firstMatch { $0.position >= position }
  }

  /// The last match before `position`, else the last one.
  public func lastMatch(before position: TextPosition) -> Step? {
    lastMatch { $0.position >= position }
  }

  /// The first match drawn at or after `anchor` of `layout`, else the first one; exact in code
  /// and tables too, whose line keys count rows.
  public func firstMatch(atOrAfter anchor: Anchor, in layout: DocumentLayout) -> Step? {
    firstMatch(where: Self.isAtOrAfter(anchor, in: layout))
  }

  /// The last match drawn before `anchor` of `layout`, else the last one.
  public func lastMatch(before anchor: Anchor, in layout: DocumentLayout) -> Step? {
    lastMatch(where: Self.isAtOrAfter(anchor, in: layout))
  }

  /// Whether a match is drawn at or after `anchor`; a match's line is looked up only in the
  /// anchor's own block, so a search lays out no more than that block.
  private static func isAtOrAfter(_ anchor: Anchor, in layout: DocumentLayout) -> (SearchMatch) -> Bool {
    { match in
      match.topIndex != anchor.block ? match.topIndex > anchor.block : match.anchor(in: layout) >= anchor
    }
  }

  private func firstMatch(where isAtOrAfter: (SearchMatch) -> Bool) -> Step? {
    guard !matches.isEmpty else { return nil }
    let index = firstIndex(where: isAtOrAfter)
    if index < matches.count { return step(index, wrapped: false) }
    return step(0, wrapped: true)
  }

  private func lastMatch(where isAtOrAfter: (SearchMatch) -> Bool) -> Step? {
    guard !matches.isEmpty else { return nil }
    let index = firstIndex(where: isAtOrAfter)
    if index > 0 { return step(index - 1, wrapped: false) }
    return step(matches.count - 1, wrapped: true)
  }

  /// The match after match `index` (n), wrapping from the last to the first.
  public func match(after index: Int) -> Step? {
    guard !matches.isEmpty else { return nil }
    let next = max(0, index + 1)
    return next < matches.count ? step(next, wrapped: false) : step(0, wrapped: true)
  }

  /// The match before match `index` (N), wrapping from the first to the last.
  public func match(before index: Int) -> Step? {
    guard !matches.isEmpty else { return nil }
    let previous = min(matches.count, index) - 1
    return previous >= 0 ? step(previous, wrapped: false) : step(matches.count - 1, wrapped: true)
  }

  /// The status line's count for match `index`: "match 3/17", "match 2,001/4,602".
  public func label(at index: Int) -> String {
    "match \(Self.grouped(index + 1))/\(total)"
  }

  /// The count, with a `+` when the search stopped at its limit.
  private var total: String { Self.grouped(matches.count) + (isCapped ? "+" : "") }

  /// `number` with a comma between groups of three digits, as the status line counts.
  public static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
  }

  /// The matches inside leaf `leafID`, in order, for highlighting the lines on screen.
  public func matches(inLeaf leafID: Int) -> ArraySlice<SearchMatch> {
    let start = firstIndex { $0.leafID >= leafID }
    var end = start
    while end < matches.count && matches[end].leafID == leafID { end += 1 }
    return matches[start..<end]
  }

  private func step(_ index: Int, wrapped: Bool) -> Step {
    Step(index: index, match: matches[index], wrapped: wrapped)
  }

  /// The first index whose match satisfies `isAtOrAfter`, which must be false then true along
  /// the document (binary search: a common word has thousands of matches).
  private func firstIndex(where isAtOrAfter: (SearchMatch) -> Bool) -> Int {
    var low = 0
    var high = matches.count
    while low < high {
      let middle = (low + high) / 2
      if isAtOrAfter(matches[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
