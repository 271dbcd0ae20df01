import Foundation

/// The displayed document's prose in normalised form, built once, searched per query.
///
/// Building converts every paragraph and heading once (OpenCC tw2s, proportional to the
/// document); a query is then normalised (a few characters) and found with a byte scan of
/// the normalised copy, with no conversion of the document per keystroke. The text searched is
/// everything the body shows (`SearchableText`): prose at any depth, code and HTML blocks, table
/// cells. Immutable once built, so it can be built on another thread and shared.
public final class SearchIndex: Sendable {
  /// Where one piece of a leaf lies in the normalised bytes and in `clusterStarts`.
  private struct Leaf: Sendable {
    var topIndex: Int
    var leafID: Int
    /// The leaf cluster where the piece starts (a table cell's place in its table).
    var offset: Int
    /// The leaf's first byte in `bytes`.
    var byteStart: Int
    /// The leaf's first cluster in `clusterStarts`.
    var clusterBase: Int
    var clusterCount: Int
  }

  /// Where a piece lies in its leaf, to find its text again in its top-level block.
  private struct PieceKey: Hashable {
    var leafID: Int
    var offset: Int
  }

  /// A search keeps at most this many matches (a regular expression such as `.` matches every
  /// character of a 100 MB document); the results then say they stopped there.
  public static let maximumMatches = 1_000_000

  private let normalizer: SearchNormalizer
  private let leaves: [Leaf]
  /// Every piece's normalised UTF-8, each followed by a NUL that no normalised query contains
  /// (a query is made visible first), so no match runs from one piece into the next.
  private let bytes: [UInt8]
  /// For every layout cluster of every leaf, the offset in `bytes` of its normalised form.
  private let clusterStarts: [UInt32]
  /// The displayed top-level blocks, for normalising again with case kept the few pieces a
  /// case-sensitive search looks at (they share their storage with the document shown).
  private let blocks: [Block]

  /// Builds the index of `displayed`: the document exactly as the body shows it, already in
  /// the display script, so that offsets are those of its layout.
  public init(displayed document: Document, normalizer: SearchNormalizer)
    throws(ConversionError)
  {
    self.normalizer = normalizer
    var leaves: [Leaf] = []
    var bytes: [UInt8] = []
    var clusterStarts: [UInt32] = []
    for piece in SearchableText.pieces(of: document) {
      let normalized = try normalizer.normalize(displayed: piece.text)
      leaves.append(
        Leaf(
          topIndex: piece.topIndex, leafID: piece.leafID, offset: piece.offset, byteStart: bytes.count,
          clusterBase: clusterStarts.count, clusterCount: normalized.clusterStarts.count))
      for start in normalized.clusterStarts { clusterStarts.append(UInt32(bytes.count + start)) }
      bytes.append(contentsOf: normalized.bytes)
      bytes.append(0)
    }
    self.leaves = leaves
    self.bytes = bytes
    self.clusterStarts = clusterStarts
    blocks = document.blocks
  }

  /// The size of the normalised copy in bytes, for benchmarks.
  public var normalizedByteCount: Int { bytes.count }

  /// Every match of the literal `query` (smart case), in document order; none for a blank query.
  public func results(for query: String) -> SearchResults {
    results(for: SearchPattern(query))
  }

  /// Every match of `pattern` in document order; none for a blank pattern or an invalid regular
  /// expression. `isCancelled` is asked between pieces: a regular expression over a large document
  /// takes long, and a stale one is given up.
  public func results(for pattern: SearchPattern, isCancelled: () -> Bool = { false }) -> SearchResults {
    guard let matcher = SearchMatcher(pattern, normalizer: normalizer) else {
      return SearchResults(pattern: pattern, normalizedQuery: "", matches: [])
    }
    return results(for: matcher, isCancelled: isCancelled)
  }

  func results(for matcher: SearchMatcher, isCancelled: () -> Bool = { false }) -> SearchResults {
    var candidates: [(leaf: Int, bytes: Range<Int>)] = []
    if let needle = matcher.literalNeedle {
      bytes.withUnsafeBufferPointer { haystack in
        needle.withUnsafeBufferPointer { needle in
          var from = 0
          var leaf = 0
          while candidates.count < Self.maximumMatches,
            let start = SearchMatcher.find(needle, in: haystack, from: from)
          {
            let end = start + needle.count
            while leaf + 1 < leaves.count && leaves[leaf + 1].byteStart <= start { leaf += 1 }
            candidates.append((leaf, start..<end))
            from = end
          }
        }
      }
    } else {
      for index in leaves.indices {
        if index % 64 == 0 && isCancelled() || candidates.count >= Self.maximumMatches { break }
        let end = index + 1 < leaves.count ? leaves[index + 1].byteStart - 1 : bytes.count - 1
        for range in matcher.ranges(in: bytes[leaves[index].byteStart..<end], exact: false) {
          candidates.append((index, range))
        }
      }
    }
    var matches: [SearchMatch] = []
    if matcher.isCaseSensitive {
      var previous: Int?
      var pieces: (top: Int, texts: [PieceKey: String])?
      for candidate in candidates where candidate.leaf != previous {
        previous = candidate.leaf
        if isCancelled() { break }
        let leaf = leaves[candidate.leaf]
        if pieces?.top != leaf.topIndex {
          var texts: [PieceKey: String] = [:]
          for piece in SearchableText.pieces(of: Document(title: "", blocks: [blocks[leaf.topIndex]])) {
            texts[PieceKey(leafID: piece.leafID, offset: piece.offset)] = piece.text
          }
          pieces = (leaf.topIndex, texts)
        }
        guard let text = pieces?.texts[PieceKey(leafID: leaf.leafID, offset: leaf.offset)],
          let exact = try? normalizer.normalize(displayed: text, keepingCase: true)
        else { continue }
        for range in matcher.ranges(in: exact.bytes[...], exact: true) {
          let first = Self.lastCluster(startingAtOrBefore: range.lowerBound, in: exact.clusterStarts)
          let last = Self.lastCluster(startingAtOrBefore: range.upperBound - 1, in: exact.clusterStarts)
          matches.append(
            SearchMatch(
              topIndex: leaf.topIndex, leafID: leaf.leafID, offset: leaf.offset + first,
              length: max(1, last - first + 1)))
        }
      }
    } else {
      matches = candidates.map { match(bytes: $0.bytes, inLeaf: $0.leaf) }
    }
    var results = SearchResults(pattern: matcher.pattern, normalizedQuery: matcher.folded, matches: matches)
    results.isCapped = candidates.count >= Self.maximumMatches
    return results
  }

  /// The match whose normalised form is `range` of the bytes of leaf `index`.
  private func match(bytes range: Range<Int>, inLeaf index: Int) -> SearchMatch {
    let leaf = leaves[index]
    let clusters = leaf.clusterBase..<leaf.clusterBase + leaf.clusterCount
    let first = lastCluster(startingAtOrBefore: range.lowerBound, in: clusters)
    let last = lastCluster(startingAtOrBefore: range.upperBound - 1, in: clusters)
    return SearchMatch(
      topIndex: leaf.topIndex, leafID: leaf.leafID, offset: leaf.offset + first - leaf.clusterBase,
      length: max(1, last - first + 1))
  }

  /// The cluster whose normalised form holds byte `offset`: the last one starting at or before it.
  private func lastCluster(startingAtOrBefore offset: Int, in clusters: Range<Int>) -> Int {
    var low = clusters.lowerBound
    var high = clusters.upperBound
    while low < high {
      let middle = (low + high) / 2
      if Int(clusterStarts[middle]) <= offset { low = middle + 1 } else { high = middle }
    }
    return max(clusters.lowerBound, low - 1)
  }

  /// The same for one piece normalised on its own: `starts[c]` is where cluster `c` begins.
  private static func lastCluster(startingAtOrBefore offset: Int, in starts: [Int]) -> Int {
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) / 2
      if starts[middle] <= offset { low = middle + 1 } else { high = middle }
    }
    return max(0, low - 1)
  }
}
