/// A sentence of a text and the evidence of script its Han characters give.
public struct DetectedSentence: Hashable, Sendable {
  /// The sentence as written, with its end punctuation and any leading spaces.
  public var text: String
  public var evidence: ScriptEvidence

  public init(text: String, evidence: ScriptEvidence) {
    self.text = text
    self.evidence = evidence
  }

  /// The sentence's script: the larger count of evidence wins.
  public var script: TextScript { evidence.script }
}
