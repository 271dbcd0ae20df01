extension Outline {
  /// The index of the entry whose section holds the block `blockID` inside top-level block
  /// `topIndex`, or nil in the preface before the first heading.
  ///
  /// A heading belongs to its own section. Entries inside the same top-level block (headings
  /// in a list or quote) are told apart by block id, which grows in reading order.
  public func sectionIndex(topIndex: Int, blockID: Int) -> Int? {
    var low = 0
    var high = entries.count - 1
    var found: Int?
    while low <= high {
      let mid = (low + high) / 2
      let entry = entries[mid]
      if (entry.topIndex, entry.blockID) <= (topIndex, blockID) {
        found = mid
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    return found
  }
}
