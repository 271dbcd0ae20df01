/// A bulleted or numbered list and its items.
public struct ListBlock: Hashable, Sendable {
  public var ordered: Bool
  public var start: Int
  public var tight: Bool
  public var items: [ListItem]

  public init(ordered: Bool, start: Int, tight: Bool, items: [ListItem]) {
    self.ordered = ordered
    self.start = start
    self.tight = tight
    self.items = items
  }

  /// The marker drawn before item `index`: a bullet, or its number.
  public func marker(at index: Int) -> String {
    ordered ? "\(start + index)." : "•"
  }
}

/// One item of a list: its blocks and, for a task list item, whether it is checked.
public struct ListItem: Hashable, Sendable {
  public var blocks: [Block]
  public var task: Bool?

  public init(blocks: [Block], task: Bool? = nil) {
    self.blocks = blocks
    self.task = task
  }
}
