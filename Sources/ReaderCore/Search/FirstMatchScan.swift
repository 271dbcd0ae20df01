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
    let count = layout.blockCount
    guard count > 0, let matcher = SearchMatcher(pattern, normalizer: normalizer) else { return nil }
    let start = min(anchor.block, count - 1)
    // The anchor's block twice: its matches after the anchor first, those before it last.
    let order = Array(start..<count).map { ($0, false) } + Array(0...start).map { ($0, true) }
    for (block, wrapped) in order {
      if isCancelled() { return nil }
      let matches = try SearchIndex(
        displayed: Document(title: "", blocks: [blocks(block)]), normalizer: normalizer
      ).results(for: matcher, isCancelled: isCancelled).matches.map {
        var match = $0
        match.topIndex = block
        return match
      }
      guard !matches.isEmpty else { continue }
      if block != start { return Found(match: matches[0], wrapped: wrapped) }
      let after = matches.first { $0.anchor(in: layout) >= anchor }
      if !wrapped, let after { return Found(match: after, wrapped: false) }
      if wrapped { return Found(match: matches[0], wrapped: true) }
    }
    return nil
  }
}
