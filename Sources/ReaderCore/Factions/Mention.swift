/// One occurrence of a faction's name in the text: where it is and which section holds it.
///
/// The numbers are kept in 32 bits and the form found as its index (24 bytes a mention, not
/// 64): a 100 MB document holds hundreds of thousands of mentions, counted while it loads.
public struct Mention: Hashable, Sendable {
  /// The index of the top-level block that holds the leaf, an `Anchor.block`.
  @Int32Storage public var topIndex: Int
  /// The `Block.id` of the paragraph or heading, a `LineKey.leaf`.
  @Int32Storage public var leafID: Int
  /// Where the mention starts in the leaf's text, counted in layout clusters like `LineKey.offset`
  /// (one per spacing character; combining marks belong to the character before them).
  @Int32Storage public var offset: Int
  /// How many layout clusters the mention covers.
  @Int32Storage public var length: Int
  /// The name form found (the full name or one of its words), as its index in the forms searched for.
  @Int32Storage public var formIndex: Int
  /// The section's index, or -1 for the preface.
  @Int32Storage private var storedSection: Int

  /// The index of the outline entry whose section holds the mention, or nil in the preface.
  public var section: Int? {
    get { storedSection < 0 ? nil : storedSection }
    set { storedSection = newValue ?? -1 }
  }

  public init(topIndex: Int, leafID: Int, offset: Int, length: Int, formIndex: Int, section: Int?) {
    self.topIndex = topIndex
    self.leafID = leafID
    self.offset = offset
    self.length = length
    self.formIndex = formIndex
    storedSection = section ?? -1
  }
}
