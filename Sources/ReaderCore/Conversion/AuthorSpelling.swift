/// How a document's own Traditional sentences spell: the author's Traditional spelling.
///
/// s2tw writes OpenCC's standard forms (雇 → 僱, 发布 → 發佈), which Taiwan writers often do not
/// use. When the Traditional view converts a Simplified sentence, a character that s2tw replaces
/// is kept as written in two cases. The author's Traditional sentences use it although OpenCC
/// converts it even alone (a deliberate choice, like 雇), and never use OpenCC's replacement.
/// Or the author's Traditional sentences write it next to the same neighbour (發布 ×7: 布 after
/// 發) and never write OpenCC's replacement there (發佈): the author's spelling of that word.
/// A character OpenCC changes only inside some phrases (制 → 製 in 定製) is otherwise left to
/// OpenCC: using it elsewhere proves no choice.
public struct AuthorSpelling: Hashable, Sendable {
  /// No document context: s2tw's output as it is.
  public static let none = AuthorSpelling(traditionalCharacters: [], deliberateCharacters: [])

  /// The Han characters of the Traditional sentences.
  public let traditionalCharacters: Set<Unicode.Scalar>
  /// Those of them that s2t changes even alone.
  public let deliberateCharacters: Set<Unicode.Scalar>
  /// Each pair of adjacent Han characters in the Traditional sentences, as `pair(_:_:)`.
  public let traditionalPairs: Set<UInt64>

  public init(
    traditionalCharacters: Set<Unicode.Scalar>, deliberateCharacters: Set<Unicode.Scalar>,
    traditionalPairs: Set<UInt64> = []
  ) {
    self.traditionalCharacters = traditionalCharacters
    self.deliberateCharacters = deliberateCharacters
    self.traditionalPairs = traditionalPairs
  }

  /// The key of two adjacent characters.
  public static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
    UInt64(first.value) << 32 | UInt64(second.value)
  }

  /// Whether the author's `written` character stays where OpenCC converted it to `converted`,
  /// between the characters OpenCC wrote before and after it.
  public func keeps(
    _ written: Unicode.Scalar, over converted: Unicode.Scalar, after previous: Unicode.Scalar? = nil,
    before next: Unicode.Scalar? = nil
  ) -> Bool {
    if deliberateCharacters.contains(written) && !traditionalCharacters.contains(converted) { return true }
    guard !traditionalPairs.isEmpty else { return false }
    func used(_ first: Unicode.Scalar?, _ second: Unicode.Scalar?) -> Bool {
      guard let first, let second else { return false }
      return traditionalPairs.contains(Self.pair(first, second))
    }
    let authors = used(previous, written) || used(written, next)
    let opencc = used(previous, converted) || used(converted, next)
    return authors && !opencc
  }
}
