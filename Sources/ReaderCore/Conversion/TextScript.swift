/// The script a piece of text is written in, as detected from its Han characters.
public enum TextScript: String, Hashable, Sendable {
  /// Only Simplified sentences (and neutral ones).
  case simplified
  /// Only Traditional sentences (and neutral ones).
  case traditional
  /// Both Simplified and Traditional sentences, or a sentence with as much evidence of each.
  case mixed
  /// No character that tells the scripts apart (Latin text, digits, characters shared by both).
  case neutral

  /// Whether some of the text is Simplified.
  public var containsSimplified: Bool { self == .simplified || self == .mixed }

  /// Whether some of the text is Traditional.
  public var containsTraditional: Bool { self == .traditional || self == .mixed }

  /// The script of text made of parts written in `self` and in `other`.
  public func combined(with other: TextScript) -> TextScript {
    let simplified = containsSimplified || other.containsSimplified
    let traditional = containsTraditional || other.containsTraditional
    switch (simplified, traditional) {
    case (true, true): return .mixed
    case (true, false): return .simplified
    case (false, true): return .traditional
    case (false, false): return .neutral
    }
  }
}
