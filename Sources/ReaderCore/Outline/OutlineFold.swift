/// Which branches of the outline are folded: every branch from a depth on (`z2` keeps depths 1
/// and 2), with single branches turned the other way (`za`).
public struct OutlineFold: Hashable, Sendable {
  /// The deepest depth listed, nil for every depth.
  public var level: Int?
  /// Entries whose branch is folded though the level would open it, or open though it would fold.
  public var toggled: Set<Int>

  public init(level: Int? = nil, toggled: Set<Int> = []) {
    self.level = level
    self.toggled = toggled
  }

  /// Nothing folded: every entry is listed.
  public var isOpen: Bool { level == nil && toggled.isEmpty }

  /// Whether entry `index`, which has children, hides them.
  public func isFolded(_ index: Int, in tree: OutlineTree) -> Bool {
    let byLevel = level.map { tree.depth[index] >= $0 } ?? false
    return byLevel != toggled.contains(index)
  }
}
