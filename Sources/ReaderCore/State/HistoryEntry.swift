/// A place to come back to with the back key: where the reader was before following a link.
public struct HistoryEntry: Sendable {
  /// The document to go back to when following the link opened another one; nil for a jump inside
  /// the same document.
  public var document: Document?
  /// The path of that document, for relative links and reloading; nil for the bundled article or
  /// standard input.
  public var location: String?
  public var position: TextPosition
  /// The link that was followed, selected again on return.
  public var link: LinkSelection?
  /// The marks of the document left (they come back with it).
  public var marks: [Character: TextPosition] = [:]
}
