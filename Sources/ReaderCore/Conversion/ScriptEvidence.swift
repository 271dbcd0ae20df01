/// Counts of Han characters that show a script: t2s changes Traditional ones, s2t Simplified ones.
///
/// Some characters are normal in both scripts although OpenCC converts them (台, 后, 于, 里, 干,
/// 征 in Traditional; 乾, 於, 徵 in Simplified): OpenCC lists them among their own conversions.
/// They are counted apart, as weak evidence: a sentence is judged by its distinct characters when
/// it has any, and only a sentence with distinct characters of a script counts as written in it.
public struct ScriptEvidence: Hashable, Sendable {
  /// Han characters that OpenCC's t2s changes.
  public var traditional: Int
  /// Han characters that OpenCC's s2t changes.
  public var simplified: Int
  /// Those of `traditional` that are not also normal Simplified characters.
  public var distinctTraditional: Int
  /// Those of `simplified` that are not also normal Traditional characters.
  public var distinctSimplified: Int

  public init(
    traditional: Int = 0, simplified: Int = 0, distinctTraditional: Int? = nil, distinctSimplified: Int? = nil
  ) {
    self.traditional = traditional
    self.simplified = simplified
    self.distinctTraditional = distinctTraditional ?? traditional
    self.distinctSimplified = distinctSimplified ?? simplified
  }

  /// Whether any character tells the scripts apart for certain.
  public var hasDistinctEvidence: Bool { distinctTraditional + distinctSimplified > 0 }

  /// The larger count wins (of the distinct characters when there are any); none of either is
  /// neutral, as much of each is mixed.
  public var script: TextScript {
    hasDistinctEvidence
      ? Self.compare(distinctTraditional, distinctSimplified) : Self.compare(traditional, simplified)
  }

  /// The script the distinct characters alone show: neutral for a sentence whose only evidence
  /// is characters normal in both scripts (a Traditional 十里 is not Simplified text).
  public var distinctScript: TextScript {
    Self.compare(distinctTraditional, distinctSimplified)
  }

  /// Whether a sentence with this evidence is converted to `script`: it is mostly in the other
  /// script, or has as much of each. A sentence with no evidence is left as written.
  public func isConverted(to script: DisplayScript) -> Bool {
    let (traditional, simplified) =
      hasDistinctEvidence ? (distinctTraditional, distinctSimplified) : (self.traditional, self.simplified)
    switch script {
    case .original: return false
    case .traditional: return simplified > 0 && simplified >= traditional
    case .simplified: return traditional > 0 && traditional >= simplified
    }
  }

  /// This sentence's evidence read in its paragraph: a sentence whose only evidence is characters
  /// normal in both scripts is taken to be in the paragraph's script, when the paragraph's
  /// distinct characters show one (皇后 in a Traditional paragraph stays Traditional).
  func read(in paragraph: ScriptEvidence) -> ScriptEvidence {
    guard !hasDistinctEvidence else { return self }
    var result = self
    switch paragraph.distinctScript {
    case .traditional: result.simplified = 0
    case .simplified: result.traditional = 0
    case .mixed, .neutral: break
    }
    return result
  }

  private static func compare(_ traditional: Int, _ simplified: Int) -> TextScript {
    if traditional == simplified { return traditional == 0 ? .neutral : .mixed }
    return traditional > simplified ? .traditional : .simplified
  }

  public static func + (left: ScriptEvidence, right: ScriptEvidence) -> ScriptEvidence {
    ScriptEvidence(
      traditional: left.traditional + right.traditional, simplified: left.simplified + right.simplified,
      distinctTraditional: left.distinctTraditional + right.distinctTraditional,
      distinctSimplified: left.distinctSimplified + right.distinctSimplified)
  }

  public static func += (left: inout ScriptEvidence, right: ScriptEvidence) {
    left = left + right
  }
}
