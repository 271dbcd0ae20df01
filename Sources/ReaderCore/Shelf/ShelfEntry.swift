/// One document on the shelf: what the reader remembers of it, or a file in a listed folder; or,
/// in a folder's list, a folder to go into (its parent among them, `../`).
public struct ShelfEntry: Hashable, Sendable {
  public var title: String
  public var path: String
  /// How far it was read, in percent; nil when it was never opened.
  public var progress: Int?
  /// When it was last read (seconds since 1970), for the order; nil when never.
  public var lastRead: Double?
  /// `2026-12-02 15:30`, as the shelf shows it; empty when never read.
  public var lastReadLabel: String
  /// Whether the file is no longer there.
  public var isMissing: Bool
  /// Whether this is a folder, which Enter lists in place of this one.
  public var isFolder: Bool

  public init(
    title: String, path: String, progress: Int? = nil, lastRead: Double? = nil, lastReadLabel: String = "",
    isMissing: Bool = false, isFolder: Bool = false
  ) {
    self.title = VisibleText.singleLine(title)
    self.path = path
    self.progress = progress
    self.lastRead = lastRead
    self.lastReadLabel = VisibleText.singleLine(lastReadLabel)
    self.isMissing = isMissing
    self.isFolder = isFolder
  }
}
