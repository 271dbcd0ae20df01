/// One occurrence of a faction's name in the text: where it is and which section holds it.
public struct Mention: Hashable, Sendable {
  /// The index of the top-level block that holds the leaf, an `Anchor.block`.
  public var topIndex: Int
  /// The `Block.id` of the paragraph or heading, a `LineKey.leaf`.
  public var leafID: Int
  /// Where the mention starts in the leaf's text, counted in layout clusters like `LineKey.offset`
  /// (one per spacing character; combining marks belong to the character before them).
  public var offset: Int
  /// How many layout clusters the mention covers.
  public var length: Int
  /// The name form found: the full name or one of its words.
  public var form: String
  /// The index of the outline entry whose section holds the mention, or nil in the preface.
  public var section: Int?

  public init(topIndex: Int, leafID: Int, offset: Int, length: Int, form: String, section: Int?) {
    self.topIndex = topIndex
    self.leafID = leafID
    self.offset = offset
    self.length = length
    self.form = form
    self.section = section
  }
}
