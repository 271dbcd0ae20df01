/// The outline as a tree: each entry's depth (1 for the top, whatever its heading level) and
/// where its branch ends, so folds can hide descendants and find an entry's visible ancestor.
public struct OutlineTree: Sendable {
  /// Entry `i`'s depth: one more than the number of entries it is nested under.
  public let depth: [Int]
  /// The entry entry `i` is nested under, or -1 at the top.
  public let parent: [Int]
  /// One past the last entry of entry `i`'s branch: its descendants are `i + 1 ..< branchEnd[i]`.
  public let branchEnd: [Int]

  /// An entry is nested under the nearest earlier entry of a lower level (a `##` under a `#`).
  public init(_ outline: Outline) {
    let entries = outline.entries
    var depth = [Int](repeating: 1, count: entries.count)
    var parent = [Int](repeating: -1, count: entries.count)
    var branchEnd = [Int](repeating: entries.count, count: entries.count)
    var open: [Int] = []
    for index in entries.indices {
      while let last = open.last, entries[last].level >= entries[index].level {
        branchEnd[last] = index
        open.removeLast()
      }
      parent[index] = open.last ?? -1
      depth[index] = open.count + 1
      open.append(index)
    }
    self.depth = depth
    self.parent = parent
    self.branchEnd = branchEnd
  }

  public var count: Int { depth.count }

  public func hasChildren(_ index: Int) -> Bool { branchEnd[index] > index + 1 }

  /// The deepest level in the outline (1 when it is flat, 0 when it is empty).
  public var deepest: Int { depth.max() ?? 0 }
}
