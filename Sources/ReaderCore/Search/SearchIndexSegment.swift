/// The normalised prose of a run of consecutive top-level blocks, the unit a `SearchIndex` grows
/// by: a document that grows in the background (chunks appended) gets one more segment per
/// chunk, and what was indexed before is kept as it is. Immutable once built.
final class SearchIndexSegment: Sendable {
  /// Where one piece of a leaf lies in the normalised bytes and in the cluster starts.
  private struct Leaf: Sendable {
    var topIndex: Int
    var leafID: Int
    /// The leaf cluster where the piece starts (a table cell's place in its table).
    var offset: Int
    /// The leaf's first byte in `text.bytes`.
    var byteStart: Int
    /// The leaf's first cluster in `text.clusterStarts`.
    var clusterBase: Int
    var clusterCount: Int
  }

  /// The first top-level block indexed and how many there are.
  let blocks: Range<Int>
  private let leaves: [Leaf]
  /// Every piece's normalised UTF-8, each followed by a NUL that no normalised query contains
  /// (a query is made visible first), so no match runs from one piece into the next; for every
  /// layout cluster of every leaf, the offset of its normalised form; the clusters whose form
  /// with case kept differs, for a case-sensitive search.
  private let text: NormalizedText

  /// Builds the segment of `displayed`, top-level blocks `firstTopIndex` on as the body shows
  /// them, already in the display script, so that offsets are those of its layout.
  init(displayed: some Collection<Block>, firstTopIndex: Int, normalizer: SearchNormalizer)
    throws(ConversionError)
  {
    var leaves: [Leaf] = []
    var text = NormalizedText()
    var failure: ConversionError?
    var topIndex = firstTopIndex
    for block in displayed {
      SearchableText.visitPieces(of: block, topIndex: topIndex) { piece in
        guard failure == nil else { return }
        let byteStart = text.bytes.count
        let clusterBase = text.clusterStarts.count
        do throws(ConversionError) {
          try normalizer.append(displayed: piece.text, to: &text)
        } catch {
          failure = error
          return
        }
        leaves.append(
          Leaf(
            topIndex: piece.topIndex, leafID: piece.leafID, offset: piece.offset, byteStart: byteStart,
            clusterBase: clusterBase, clusterCount: text.clusterStarts.count - clusterBase))
        text.bytes.append(0)
      }
      if let failure { throw failure }
      topIndex += 1
    }
    blocks = firstTopIndex..<topIndex
    self.leaves = leaves
    self.text = text
  }

  /// The size of the normalised copy in bytes.
  var normalizedByteCount: Int { text.bytes.count }

  /// The bytes its arrays hold, for benchmarks.
  var storageByteCount: Int { text.storageByteCount + leaves.count * MemoryLayout<Leaf>.stride }

  /// The matches of `matcher` in order, at most `limit` of them (and whether there were more).
  func results(for matcher: SearchMatcher, limit: Int, isCancelled: () -> Bool) -> (
    matches: [SearchMatch], capped: Bool
  ) {
    let candidates = candidates(for: matcher, limit: limit, isCancelled: isCancelled)
    var matches: [SearchMatch] = []
    if matcher.isCaseSensitive {
      var previous: Int?
      var leavesSearched = 0
      for candidate in candidates where candidate.leaf != previous {
        previous = candidate.leaf
        leavesSearched += 1
        if leavesSearched % 64 == 0 && isCancelled() { break }
        matches.append(contentsOf: exactMatches(of: matcher, inLeaf: candidate.leaf))
      }
    } else {
      matches = candidates.map { match(bytes: $0.bytes, inLeaf: $0.leaf) }
    }
    return (matches, candidates.count >= limit)
  }

  /// Where the folded pattern matches (ignoring case), leaf by leaf, at most `limit` of them.
  private func candidates(for matcher: SearchMatcher, limit: Int, isCancelled: () -> Bool) -> [(
    leaf: Int, bytes: Range<Int>
  )] {
    var candidates: [(leaf: Int, bytes: Range<Int>)] = []
    if let needle = matcher.literalNeedle {
      text.bytes.withUnsafeBufferPointer { haystack in
        needle.withUnsafeBufferPointer { needle in
          var from = 0
          var leaf = 0
          while candidates.count < limit, let start = SearchMatcher.find(needle, in: haystack, from: from) {
            // A segment can hold a whole 100 MB document: a count given up (another key was
            // typed) stops here instead of finding its million matches beside the one wanted.
            if candidates.count % 4096 == 4095 && isCancelled() { break }
            let end = start + needle.count
            while leaf + 1 < leaves.count && leaves[leaf + 1].byteStart <= start { leaf += 1 }
            candidates.append((leaf, start..<end))
            from = end
          }
        }
      }
    } else {
      for index in leaves.indices {
        if index % 64 == 0 && isCancelled() || candidates.count >= limit { break }
        for range in matcher.ranges(
          in: text.bytes[leaves[index].byteStart..<end(ofLeaf: index)], exact: false)
        {
          candidates.append((index, range))
        }
      }
    }
    return candidates
  }

  /// Where the folded form of leaf `index` ends (before its NUL).
  private func end(ofLeaf index: Int) -> Int {
    index + 1 < leaves.count ? leaves[index + 1].byteStart - 1 : text.bytes.count - 1
  }

  /// The matches of the pattern with case kept in leaf `index`, from its form with case kept:
  /// the folded bytes but for the few clusters that hold a capital.
  private func exactMatches(of matcher: SearchMatcher, inLeaf index: Int) -> [SearchMatch] {
    let leaf = leaves[index]
    let clusters = leaf.clusterBase..<leaf.clusterBase + leaf.clusterCount
    guard text.hasCase(in: clusters) else {
      // Without a capital the two forms are the same bytes, and the map is the leaf's own.
      return matcher.ranges(in: text.bytes[leaf.byteStart..<end(ofLeaf: index)], exact: true).map {
        match(bytes: $0, inLeaf: index)
      }
    }
    let exact = text.caseKept(clusters: clusters, end: end(ofLeaf: index))
    return matcher.ranges(in: exact.bytes[...], exact: true).map { range in
      let first = exact.clusterStarts.lastIndex(inPrefixWhere: { $0 <= range.lowerBound }) ?? 0
      let last = exact.clusterStarts.lastIndex(inPrefixWhere: { $0 <= range.upperBound - 1 }) ?? 0
      return SearchMatch(
        topIndex: leaf.topIndex, leafID: leaf.leafID, offset: leaf.offset + first,
        length: max(1, last - first + 1))
    }
  }

  /// The match whose normalised form is `range` of the bytes of leaf `index`.
  private func match(bytes range: Range<Int>, inLeaf index: Int) -> SearchMatch {
    let leaf = leaves[index]
    let clusters = leaf.clusterBase..<leaf.clusterBase + leaf.clusterCount
    let starts = text.clusterStarts
    let first = starts.lastPosition(atMost: UInt32(range.lowerBound), in: clusters) ?? leaf.clusterBase
    let last =
      starts.lastPosition(atMost: UInt32(range.upperBound - 1), in: first..<clusters.upperBound) ?? first
    return SearchMatch(
      topIndex: leaf.topIndex, leafID: leaf.leafID, offset: leaf.offset + first - leaf.clusterBase,
      length: max(1, last - first + 1))
  }
}
