/// What one detection pass over a document found: each top-level block's script, the evidence of
/// the whole, how many sentences are in each script, and the author's Traditional spelling that
/// the Traditional view follows.
public struct DocumentScripts: Sendable {
  /// The script of each of the document's top-level blocks, in order, from the sentences that
  /// have characters distinct to a script (characters normal in both scripts do not count).
  public let blockScripts: [TextScript]
  /// The evidence of all the document's text.
  public let evidence: ScriptEvidence
  /// How the document's Traditional sentences spell, for `ScriptConverter`.
  public let spelling: AuthorSpelling
  /// The sentences written in Simplified (the Traditional view converts them), and in Traditional.
  public let simplifiedSentences: Int
  public let traditionalSentences: Int

  public init(
    blockScripts: [TextScript], evidence: ScriptEvidence, spelling: AuthorSpelling,
    simplifiedSentences: Int = 0,
    traditionalSentences: Int = 0
  ) {
    self.blockScripts = blockScripts
    self.evidence = evidence
    self.spelling = spelling
    self.simplifiedSentences = simplifiedSentences
    self.traditionalSentences = traditionalSentences
  }

  /// The script most of the document is written in: the larger count of evidence.
  public var dominant: TextScript { evidence.script }

  /// What the status line says was found in the text as written: the sentences in the minority
  /// script ("3 句简体" in a Traditional document, "2 句繁體" in a Simplified one); nil for none.
  public var minorityLabel: String? {
    switch dominant {
    case .traditional: return simplifiedSentences > 0 ? "\(simplifiedSentences) 句简体" : nil
    case .simplified: return traditionalSentences > 0 ? "\(traditionalSentences) 句繁體" : nil
    case .mixed, .neutral: return nil
    }
  }
}
