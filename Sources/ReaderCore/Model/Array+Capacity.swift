extension Array {
  /// Appends `more`, growing the storage by an eighth of what it then holds rather than doubling.
  ///
  /// For the arrays that grow with a document while it loads (its blocks, its outline, the
  /// faction count's mentions): an array shared with a copy shown on screen is copied on each
  /// append anyway, and doubling left up to half of every copy alive at once unused.
  mutating func appendGrowingModestly(contentsOf more: [Element]) {
    let needed = count + more.count
    if capacity < needed { reserveCapacity(needed + needed / 8) }
    append(contentsOf: more)
  }

  /// The same elements in storage of their count, for an array kept for good that appending
  /// left with up to twice the room it uses (the blocks inside each list item and quote).
  func exactlySized() -> [Element] {
    guard capacity > count else { return self }
    var exact: [Element] = []
    exact.reserveCapacity(count)
    exact += self
    return exact
  }
}
