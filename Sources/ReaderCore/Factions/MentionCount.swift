/// How many mentions of one faction are counted so far, and the first sections that hold them.
public struct MentionCount: Hashable, Sendable {
  /// The mentions counted: all of them when `isComplete`, else those of the blocks counted so far.
  public var count: Int
  /// Whether the whole document is counted (not still loading, nor still being counted).
  public var isComplete: Bool
  /// The first sections that hold mentions (nil: the preface), one per title, first mention first.
  public var sections: [Int?]

  public init(count: Int, isComplete: Bool, sections: [Int?]) {
    self.count = count
    self.isComplete = isComplete
    self.sections = sections
  }
}
