/// One faction of a faction summary: a list item labelled like `**Sam Altman 派:** …`.
public struct Faction: Hashable, Sendable {
  /// The label without its suffix and colon, trimmed: 「Sam Altman」 for `**Sam Altman 派:**`.
  public var name: String
  /// The strong label as written, without the colon: 「Sam Altman 派」.
  public var label: String
  /// The rest of the item as plain text on one line, trimmed.
  public var summary: String
  /// The index of the top-level block that holds the item.
  public var topIndex: Int
  /// The `Block.id` of the item's first leaf block (its labelled paragraph), a `LineKey.leaf`.
  public var itemLeafID: Int

  public init(name: String, label: String, summary: String, topIndex: Int, itemLeafID: Int) {
    self.name = name
    self.label = label
    self.summary = summary
    self.topIndex = topIndex
    self.itemLeafID = itemLeafID
  }

  /// The forms a mention may take, longest first: the full name, then each of its words.
  public var nameForms: [String] { Self.nameForms(of: name) }

  /// The full name (spaces collapsed) and, when it has several words, every single word.
  ///
  /// A name without spaces, such as 奧特曼, has only itself: CJK text has no word breaks to
  /// split on, and a single character of a name is not a mention of it.
  public static func nameForms(of name: String) -> [String] {
    let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
    guard !words.isEmpty else { return [] }
    var forms = [words.joined(separator: " ")]
    if words.count > 1 {
      for word in words.sorted(by: { $0.unicodeScalars.count > $1.unicodeScalars.count })
      where !forms.contains(word) {
        forms.append(word)
      }
    }
    return forms
  }
}
