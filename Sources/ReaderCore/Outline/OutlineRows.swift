/// The entries the outline pane lists, in order, once folds or a filter leave some out.
public struct OutlineRows: Hashable, Sendable {
  /// Entry indices, ascending.
  public var entries: [Int]
  /// Rows listed only because an entry under them matches the filter (drawn dim).
  public var context: Set<Int>

  /// The row that lists `entry`, or the last row before it (its visible ancestor when a fold
  /// hides it); nil when no row comes at or before it.
  public func row(atOrBefore entry: Int) -> Int? {
    entries.lastIndex(inPrefixWhere: { $0 <= entry })
  }

  /// The rows folds leave: an entry whose branch is folded is listed, its descendants are not.
  static func folded(_ fold: OutlineFold, tree: OutlineTree) -> OutlineRows {
    var entries: [Int] = []
    var index = 0
    while index < tree.count {
      entries.append(index)
      index = tree.hasChildren(index) && fold.isFolded(index, in: tree) ? tree.branchEnd[index] : index + 1
    }
    return OutlineRows(entries: entries, context: [])
  }

  /// The entries whose title holds `query` (both normalised as search compares them), each
  /// under its ancestors, which are listed as context.
  static func filtered(titles: [String], query: String, tree: OutlineTree) -> OutlineRows {
    var listed = Set<Int>()
    var matches = Set<Int>()
    for (index, title) in titles.enumerated() where title.contains(query) {
      matches.insert(index)
      var ancestor = index
      while ancestor >= 0, listed.insert(ancestor).inserted {
        ancestor = tree.parent[ancestor]
      }
    }
    return OutlineRows(entries: listed.sorted(), context: listed.subtracting(matches))
  }
}
