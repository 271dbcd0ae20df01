/// What one detection pass over a document found: each top-level block's script, the evidence of
/// the whole, and the author's Traditional spelling that the Traditional view follows.
public struct DocumentScripts: Sendable {
  /// The script of each of the document's top-level blocks, in order.
  public let blockScripts: [TextScript]
  /// The evidence of all the document's text.
  public let evidence: ScriptEvidence
  /// How the document's Traditional sentences spell, for `ScriptConverter`.
  public let spelling: AuthorSpelling

  public init(blockScripts: [TextScript], evidence: ScriptEvidence, spelling: AuthorSpelling) {
    self.blockScripts = blockScripts
    self.evidence = evidence
    self.spelling = spelling
  }

  /// The script most of the document is written in: the larger count of evidence.
  public var dominant: TextScript { evidence.script }
}
