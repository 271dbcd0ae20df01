import FoundationEssentials

/// Remembers the outline's tree, its titles normalised for the filter and the last rows made, so
/// that a frame or a key costs what the screen shows, not a walk over every heading.
///
/// A fresh cache goes with every new or grown document (the outline only changes then); what it
/// holds depends only on its inputs, so sharing it between states is safe.
final class OutlineRowsCache: @unchecked Sendable {
  private let outline: Outline
  private let lock = Lock()
  private var tree: OutlineTree?
  private var titles: [ConversionCache.Setting: [String]] = [:]
  private var last: (key: Key, rows: OutlineRows)?

  private struct Key: Hashable {
    var fold: OutlineFold
    var query: String?
    var setting: ConversionCache.Setting
  }

  init(outline: Outline) {
    self.outline = outline
  }

  /// How many entries the outline it was made for has.
  var entryCount: Int { outline.count }

  /// The outline as a tree, made on first use.
  func outlineTree() -> OutlineTree {
    lock.lock()
    defer { lock.unlock() }
    return treeLocked()
  }

  private func treeLocked() -> OutlineTree {
    if let tree { return tree }
    let made = OutlineTree(outline)
    tree = made
    return made
  }

  /// The rows for `fold` or, when `query` is not empty, for the filter (folds then do not apply).
  /// `title` gives an entry's title in `setting`; `normaliser` makes the function that brings titles
  /// and the query to search's form (asked for only when the titles are not normalised yet).
  func rows(
    fold: OutlineFold, query: String?, setting: ConversionCache.Setting, title: (Int) -> String,
    normaliser: () -> (String) -> String
  ) -> OutlineRows {
    lock.lock()
    defer { lock.unlock() }
    let key = Key(fold: fold, query: query, setting: setting)
    if let last, last.key == key { return last.rows }
    let tree = treeLocked()
    let rows: OutlineRows
    if let query, !query.isEmpty {
      let normalise = normaliser()
      let normalised = titles[setting] ?? outline.entries.indices.map { normalise(title($0)) }
      titles[setting] = normalised
      rows = OutlineRows.filtered(titles: normalised, query: normalise(query), tree: tree)
    } else {
      rows = OutlineRows.folded(fold, tree: tree)
    }
    last = (key, rows)
    return rows
  }
}
