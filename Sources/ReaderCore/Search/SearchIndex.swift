/// The displayed document's prose in normalised form, built once, searched per query.
///
/// Building converts every paragraph and heading once (OpenCC tw2s, proportional to the
/// document); a query is then normalised (a few characters) and found with a byte scan of
/// the normalised copy, with no conversion of the document per keystroke. The text searched is
/// everything the body shows (`SearchableText`): prose at any depth, code and HTML blocks, table
/// cells. A document that grows (a background parse) grows its index by the blocks appended
/// (`appending`), and a search already made of the shorter index goes on from where it ended.
/// Immutable once built, so it can be built on another thread and shared.
public final class SearchIndex: Sendable {
  /// A search keeps at most this many matches (a regular expression such as `.` matches every
  /// character of a 100 MB document); the results then say they stopped there.
  public static let maximumMatches = 1_000_000

  private let normalizer: SearchNormalizer
  /// Consecutive runs of top-level blocks, from the first block on.
  private let segments: [SearchIndexSegment]

  /// Builds the index of `displayed`: the document exactly as the body shows it, already in
  /// the display script, so that offsets are those of its layout.
  public convenience init(displayed document: Document, normalizer: SearchNormalizer)
    throws(ConversionError)
  {
    self.init(
      normalizer: normalizer,
      segments: [try SearchIndexSegment(displayed: document.blocks, firstTopIndex: 0, normalizer: normalizer)]
    )
  }

  /// The index of no blocks, to be grown with `appending`.
  public convenience init(normalizer: SearchNormalizer) {
    self.init(normalizer: normalizer, segments: [])
  }

  private init(normalizer: SearchNormalizer, segments: [SearchIndexSegment]) {
    self.normalizer = normalizer
    self.segments = segments
  }

  /// How many top-level blocks are indexed (the first ones of the document).
  public var blockCount: Int { segments.last?.blocks.upperBound ?? 0 }

  /// The size of the normalised copy in bytes, for benchmarks.
  public var normalizedByteCount: Int { segments.reduce(0) { $0 + $1.normalizedByteCount } }

  /// The bytes the index's arrays hold, for benchmarks.
  public var storageByteCount: Int { segments.reduce(0) { $0 + $1.storageByteCount } }

  /// This index and the segments of the top-level blocks that follow it, in order
  /// (`SearchIndexBuilder`); what is indexed already is shared, not built again.
  func appending(segments more: [SearchIndexSegment]) -> SearchIndex {
    more.isEmpty ? self : SearchIndex(normalizer: normalizer, segments: segments + more)
  }

  /// The index of at most the first `count` blocks: the segments that end by then (the blocks
  /// after them are to be appended again).
  public func prefix(blocks count: Int) -> SearchIndex {
    guard blockCount > count else { return self }
    return SearchIndex(normalizer: normalizer, segments: segments.filter { $0.blocks.upperBound <= count })
  }

  /// Whether this index is `earlier` with blocks appended (or `earlier` itself).
  public func extends(_ earlier: SearchIndex) -> Bool {
    earlier.segments.count <= segments.count
      && zip(earlier.segments, segments).allSatisfy { $0 === $1 }
  }

  /// Every match of the literal `query` (smart case), in document order; none for a blank query.
  public func results(for query: String) -> SearchResults {
    results(for: SearchPattern(query))
  }

  /// Every match of `pattern` in document order; none for a blank pattern or an invalid regular
  /// expression. `isCancelled` is asked between pieces: a regular expression over a large document
  /// takes long, and a stale one is given up.
  ///
  /// With `earlier`, the results of the same pattern in an index this one extends, only the
  /// blocks appended since are searched (a growing document's count goes on per chunk).
  public func results(
    for pattern: SearchPattern, continuing earlier: (index: SearchIndex, results: SearchResults)? = nil,
    isCancelled: () -> Bool = { false }
  ) -> SearchResults {
    guard let matcher = SearchMatcher(pattern, normalizer: normalizer) else {
      return SearchResults(pattern: pattern, normalizedQuery: "", matches: [])
    }
    return results(for: matcher, continuing: earlier, isCancelled: isCancelled)
  }

  func results(
    for matcher: SearchMatcher, continuing earlier: (index: SearchIndex, results: SearchResults)? = nil,
    isCancelled: () -> Bool = { false }
  ) -> SearchResults {
    var results = SearchResults(pattern: matcher.pattern, normalizedQuery: matcher.folded, matches: [])
    var remaining = segments[...]
    if let earlier, earlier.results.pattern == matcher.pattern, !earlier.results.isCapped,
      extends(earlier.index)
    {
      results.matches = earlier.results.matches
      remaining = remaining.dropFirst(earlier.index.segments.count)
    }
    for segment in remaining {
      if isCancelled() { break }
      let found = segment.results(
        for: matcher, limit: Self.maximumMatches - results.matches.count, isCancelled: isCancelled)
      results.matches.append(contentsOf: found.matches)
      if found.capped {
        results.isCapped = true
        break
      }
    }
    return results
  }
}
