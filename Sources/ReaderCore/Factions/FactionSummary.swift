/// The list of a document that holds its factions, and where it stands.
public struct FactionSummary: Hashable, Sendable {
  /// The index of the top-level block that holds the list (the list itself, or a quote or list around it).
  public var topIndex: Int
  /// The `Block.id` of the list.
  public var listID: Int
  /// The faction items of the list, in order; never empty.
  public var factions: [Faction]

  public init(topIndex: Int, listID: Int, factions: [Faction]) {
    self.topIndex = topIndex
    self.listID = listID
    self.factions = factions
  }

  /// The first list of `document`, in reading order, with at least one faction item.
  public static func find(in document: Document) -> FactionSummary? {
    FactionDetector.summary(in: document)
  }

  /// The index of the outline entry whose section holds the list, or nil in the preface.
  public func sectionIndex(in outline: Outline) -> Int? {
    outline.sectionIndex(topIndex: topIndex, blockID: listID)
  }
}
