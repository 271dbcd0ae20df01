/// Pieces of displayed text in the form search compares (see `SearchNormalizer`), one after
/// another, with the map back to their layout clusters and the few clusters whose form with case
/// kept differs, so a case-sensitive search needs neither a second copy nor a second conversion.
struct NormalizedText: Sendable {
  /// The folded UTF-8 of every piece appended, each followed by whatever its appender adds.
  var bytes: [UInt8] = []
  /// For every cluster of every piece, the offset in `bytes` where its folded form starts.
  var clusterStarts = CompactOffsets()
  /// The clusters (indexes into `clusterStarts`) that hold an upper-case letter, in order.
  var caseClusters: [UInt32] = []
  /// Their forms with case kept, one after another; the `i`th starts at `caseStarts[i]`.
  var caseBytes: [UInt8] = []
  var caseStarts: [UInt32] = []

  /// The form with case kept of clusters `clusters`, and where each of them starts in it
  /// (relative offsets, cluster `clusters.lowerBound` first). `end` is where the folded form of
  /// the last cluster ends in `bytes`.
  func caseKept(clusters: Range<Int>, end: Int) -> (bytes: [UInt8], clusterStarts: [Int]) {
    var exact: [UInt8] = []
    var starts: [Int] = []
    starts.reserveCapacity(clusters.count)
    var exception = firstCaseCluster(atOrAfter: clusters.lowerBound)
    let offsets = clusterStarts.offsets(in: clusters)
    for (number, cluster) in clusters.enumerated() {
      starts.append(exact.count)
      let from = Int(offsets[number])
      let to = number + 1 < offsets.count ? Int(offsets[number + 1]) : end
      if exception < caseClusters.count && Int(caseClusters[exception]) == cluster {
        let caseEnd = exception + 1 < caseStarts.count ? Int(caseStarts[exception + 1]) : caseBytes.count
        exact.append(contentsOf: caseBytes[Int(caseStarts[exception])..<caseEnd])
        exception += 1
      } else {
        exact.append(contentsOf: bytes[from..<to])
      }
    }
    return (exact, starts)
  }

  /// The bytes its arrays hold, for benchmarks.
  var storageByteCount: Int {
    bytes.count + clusterStarts.storageByteCount + caseBytes.count + 4
      * (caseClusters.count + caseStarts.count)
  }

  /// Whether any of `clusters` holds an upper-case letter.
  func hasCase(in clusters: Range<Int>) -> Bool {
    let exception = firstCaseCluster(atOrAfter: clusters.lowerBound)
    return exception < caseClusters.count && Int(caseClusters[exception]) < clusters.upperBound
  }

  /// The index in `caseClusters` of the first at or after cluster `cluster`.
  private func firstCaseCluster(atOrAfter cluster: Int) -> Int {
    (caseClusters.lastIndex(inPrefixWhere: { Int($0) < cluster }) ?? -1) + 1
  }
}
