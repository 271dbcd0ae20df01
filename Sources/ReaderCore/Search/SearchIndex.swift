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

  private let normalizer: SearchNormalizer
  private let leaves: [Leaf]
  /// Every piece's normalised UTF-8, each followed by a NUL that no normalised query contains
  /// (a query is made visible first), so no match runs from one piece into the next.
  private let bytes: [UInt8]
  /// For every layout cluster of every leaf, the offset in `bytes` of its normalised form.
  private let clusterStarts: [UInt32]

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
  }

  /// The size of the normalised copy in bytes, for benchmarks.
  public var normalizedByteCount: Int { bytes.count }

  /// Every match of `query`, in document order; none for an empty or blank query.
  public func results(for query: String) -> SearchResults {
    let needle = Array(normalizer.normalize(query: query).utf8)
    var matches: [SearchMatch] = []
    if !needle.isEmpty {
      bytes.withUnsafeBufferPointer { haystack in
        needle.withUnsafeBufferPointer { needle in
          var from = 0
          var leaf = 0
          while let start = Self.find(needle, in: haystack, from: from) {
            let end = start + needle.count
            while leaf + 1 < leaves.count && leaves[leaf + 1].byteStart <= start { leaf += 1 }
            matches.append(match(bytes: start..<end, inLeaf: leaf))
            from = end
          }
        }
      }
    }
    return SearchResults(
      query: query, normalizedQuery: String(decoding: needle, as: UTF8.self), matches: matches)
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

  /// The next occurrence of `needle` at or after `from`. Both are valid UTF-8 and the needle
  /// starts with a lead byte, so every hit starts on a character.
  private static func find(
    _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int
  ) -> Int? {
    guard let base = haystack.baseAddress, let first = needle.first, let needleBase = needle.baseAddress
    else { return nil }
    var index = from
    while index + needle.count <= haystack.count {
      let span = haystack.count - index - needle.count + 1
      guard let hit = memchr(base + index, Int32(first), span) else { return nil }
      let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + start, needleBase, needle.count) == 0 { return start }
      index = start + 1
    }
    return nil
  }
}
