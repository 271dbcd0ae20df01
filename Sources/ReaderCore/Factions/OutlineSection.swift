extension Outline {
  /// The index of the entry whose section holds the block `blockID` inside top-level block
  /// `topIndex`, or nil in the preface before the first heading.
  ///
  /// A heading belongs to its own section. Entries inside the same top-level block (headings
  /// in a list or quote) are told apart by block id, which grows in reading order.
  public func sectionIndex(topIndex: Int, blockID: Int) -> Int? {
    entries.lastIndex(inPrefixWhere: { ($0.topIndex, $0.blockID) <= (topIndex, blockID) })
  }
}
