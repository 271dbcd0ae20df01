extension RandomAccessCollection where Index == Int {
  /// The index of the last element for which `isInPrefix` holds, in a collection where it holds
  /// for a prefix and then never again (elements sorted by the key compared); nil when it holds
  /// for none. A binary search: the outline, the book's chapters and the blocks all ask it.
  func lastIndex(inPrefixWhere isInPrefix: (Element) -> Bool) -> Int? {
    var low = startIndex
    var high = endIndex - 1
    var found: Int?
    while low <= high {
      let mid = low + (high - low) / 2
      if isInPrefix(self[mid]) {
        found = mid
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    return found
  }
}
