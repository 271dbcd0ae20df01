/// The reading position: a top-level block and a line within its layout.
public struct Anchor: Hashable, Comparable, Sendable {
  public var block: Int
  public var line: Int

  public init(block: Int, line: Int) {
    self.block = block
    self.line = line
  }

  public static let top = Anchor(block: 0, line: 0)

  public static func < (lhs: Anchor, rhs: Anchor) -> Bool {
    (lhs.block, lhs.line) < (rhs.block, rhs.line)
  }
}
