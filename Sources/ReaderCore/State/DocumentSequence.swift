/// Where the open document stands among those given on the command line (`reader a.md b.epub`).
public struct DocumentSequence: Hashable, Sendable {
  /// Zero-based.
  public var index: Int
  public var count: Int

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// `2/3`, as the status line shows it.
  public var label: String { "\(index + 1)/\(count)" }
}
