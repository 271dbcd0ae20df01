/// Finds the first match of a query after the top of the body by reading the blocks from there
/// on (then from the top), so a search shows where it lands long before the whole document's
/// index (every match, the count) is built.
///
/// Each block is normalised as `SearchIndex` normalises it, so the match found is one of the
/// index's matches, at the same offsets. A long document with a rare word still costs a pass
/// over the text: run it off the key path, as the viewer does, with `isCancelled` to stop early.
public enum FirstMatchScan {
  /// What the scan found: the match, and whether it came from before the top of the body.
  public struct Found: Hashable, Sendable {
    public var match: SearchMatch
    public var wrapped: Bool

    public init(match: SearchMatch, wrapped: Bool) {
      self.match = match
      self.wrapped = wrapped
    }
  }

  /// `n` or `N` before the count is there: the match shown last, and which way to go from it.
  public struct Step: Hashable, Sendable {
    public var from: SearchMatch
    public var forward: Bool

    public init(from: SearchMatch, forward: Bool) {
      self.from = from
      self.forward = forward
    }
  }

  /// The first match of `query` drawn at or after `anchor` in `layout`, else the first from the
  /// top; nil when there is none (or the scan was cancelled).
  public static func first(
    of query: String, from anchor: Anchor, in layout: DocumentLayout,
    blocks: (Int) -> Block, normalizer: SearchNormalizer, isCancelled: () -> Bool = { false }
  ) throws(ConversionError) -> Found? {
    try first(
      of: SearchPattern(query), from: anchor, in: layout, blocks: blocks, normalizer: normalizer,
      isCancelled: isCancelled)
  }

  /// The same for any pattern (smart case, a regular expression); nil for an invalid one.
  public static func first(
    of pattern: SearchPattern, from anchor: Anchor, in layout: DocumentLayout,
    blocks: (Int) -> Block, normalizer: SearchNormalizer, isCancelled: () -> Bool = { false }
  ) throws(ConversionError) -> Found? {
    // The anchor's block twice: its matches after the anchor first, those before it last.
    try scan(
      pattern, from: anchor.block, forward: true, in: layout, blocks: blocks, normalizer: normalizer,
      isCancelled: isCancelled
    ) { isStart, wrapped, matches in
      isStart && !wrapped ? matches.first { $0.anchor(in: layout) >= anchor } : matches.first
    }
  }

  /// The match after `step.from` (before it, going back), as `SearchResults.match(after:)` and
  /// `match(before:)` would give it, wrapping at the end (the start): read block by block from
  /// the match's own, so `n` moves on while the count is still being made. `step.from` itself
  /// when it is the only match; nil when the scan was cancelled.
  public static func next(
    _ pattern: SearchPattern, after step: Step, in layout: DocumentLayout, blocks: (Int) -> Block,
    normalizer: SearchNormalizer, isCancelled: () -> Bool = { false }
  ) throws(ConversionError) -> Found? {
    // The match's block twice: its matches past the one shown first, those on the other side last.
    try scan(
      pattern, from: step.from.topIndex, forward: step.forward, in: layout, blocks: blocks,
      normalizer: normalizer, isCancelled: isCancelled
    ) { isStart, wrapped, matches in
      var candidates = matches[...]
      if isStart {
        // Past the shown match on the first visit; up to and with it on the last, after wrapping.
        let exact = matches.firstIndex(of: step.from)
        let at = exact ?? matches.firstIndex { $0.position >= step.from.position } ?? matches.count
        let past = exact.map { $0 + 1 } ?? at
        switch (step.forward, wrapped) {
        case (true, false): candidates = matches[past...]
        case (true, true): candidates = matches[..<past]
        case (false, false): candidates = matches[..<at]
        case (false, true): candidates = matches[at...]
        }
      }
      return step.forward ? candidates.first : candidates.last
    }
  }

  /// Reads the blocks in scan order from block `start` (`order`), normalised one at a time as
  /// `SearchIndex` normalises them, and gives each one's matches to `pick` (with whether it is
  /// `start`'s block and whether the scan has wrapped) until it picks one; nil when none is
  /// picked, the pattern is invalid or the scan was cancelled.
  private static func scan(
    _ pattern: SearchPattern, from start: Int, forward: Bool, in layout: DocumentLayout,
    blocks: (Int) -> Block, normalizer: SearchNormalizer, isCancelled: () -> Bool,
    pick: (_ isStart: Bool, _ wrapped: Bool, _ matches: [SearchMatch]) -> SearchMatch?
  ) throws(ConversionError) -> Found? {
    let count = layout.blockCount
    guard count > 0, let matcher = SearchMatcher(pattern, normalizer: normalizer) else { return nil }
    let start = min(max(0, start), count - 1)
    for (block, wrapped) in order(from: start, count: count, forward: forward) {
      if isCancelled() { return nil }
      let matches = try SearchIndex(
        displayed: Document(title: "", blocks: [blocks(block)]), normalizer: normalizer
      ).results(for: matcher, isCancelled: isCancelled).matches.map {
        var match = $0
        match.topIndex = block
        return match
      }
      guard !matches.isEmpty, let picked = pick(block == start, wrapped, matches) else { continue }
      return Found(match: picked, wrapped: wrapped)
    }
    return nil
  }

  /// The blocks in the order a scan reads them, each with whether the scan has wrapped: from
  /// `start` to the end then from the top to `start` again (going back, from `start` to the top
  /// then from the end back to `start`). Made as they are read: an array of them, and the arrays
  /// it was joined from, came to some 18 MB for every key typed in the prompt of a 100 MB
  /// document (280,000 blocks).
  private static func order(from start: Int, count: Int, forward: Bool) -> some Sequence<(Int, Bool)> {
    (0...count).lazy.map { visit in
      if forward {
        let ahead = count - start
        return visit < ahead ? (start + visit, false) : (visit - ahead, true)
      }
      return visit <= start ? (start - visit, false) : (count - 1 - (visit - start - 1), true)
    }
  }
}
