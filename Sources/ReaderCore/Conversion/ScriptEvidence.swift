/// Counts of Han characters that show a script: t2s changes Traditional ones, s2t Simplified ones.
public struct ScriptEvidence: Hashable, Sendable {
  /// Han characters that OpenCC's t2s changes.
  public var traditional: Int
  /// Han characters that OpenCC's s2t changes.
  public var simplified: Int

  public init(traditional: Int = 0, simplified: Int = 0) {
    self.traditional = traditional
    self.simplified = simplified
  }

  /// The larger count wins; none of either is neutral, as much of each is mixed.
  public var script: TextScript {
    if traditional == simplified { return traditional == 0 ? .neutral : .mixed }
    return traditional > simplified ? .traditional : .simplified
  }

  /// Whether a sentence with this evidence is converted to `script`: it is mostly in the other
  /// script, or has as much of each. A sentence with no evidence is left as written.
  public func isConverted(to script: DisplayScript) -> Bool {
    switch script {
    case .original: return false
    case .traditional: return simplified > 0 && simplified >= traditional
    case .simplified: return traditional > 0 && traditional >= simplified
    }
  }

  public static func + (left: ScriptEvidence, right: ScriptEvidence) -> ScriptEvidence {
    ScriptEvidence(
      traditional: left.traditional + right.traditional, simplified: left.simplified + right.simplified)
  }

  public static func += (left: inout ScriptEvidence, right: ScriptEvidence) {
    left = left + right
  }
}
