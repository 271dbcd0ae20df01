/// How a document's own Traditional sentences spell: the author's Traditional spelling.
///
/// s2tw writes OpenCC's standard forms (雇 → 僱), which Taiwan writers often do not use. When the
/// Traditional view converts a Simplified sentence, a character that s2tw replaces is kept when the
/// author's Traditional sentences use it although OpenCC converts it on its own (a deliberate
/// choice, like 雇), and never use OpenCC's replacement. Characters OpenCC changes only inside
/// some phrases (制 → 製 in 定製) are left to OpenCC: using them proves no choice.
public struct AuthorSpelling: Hashable, Sendable {
  /// No document context: s2tw's output as it is.
  public static let none = AuthorSpelling(traditionalCharacters: [], deliberateCharacters: [])

  /// The Han characters of the Traditional sentences.
  public let traditionalCharacters: Set<Unicode.Scalar>
  /// Those of them that s2t changes even alone.
  public let deliberateCharacters: Set<Unicode.Scalar>

  public init(traditionalCharacters: Set<Unicode.Scalar>, deliberateCharacters: Set<Unicode.Scalar>) {
    self.traditionalCharacters = traditionalCharacters
    self.deliberateCharacters = deliberateCharacters
  }

  /// Whether the author's `written` character stays where OpenCC converted it to `converted`.
  public func keeps(_ written: Unicode.Scalar, over converted: Unicode.Scalar) -> Bool {
    deliberateCharacters.contains(written) && !traditionalCharacters.contains(converted)
  }
}
