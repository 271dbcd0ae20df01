/// The script the viewer shows text in: as written, Traditional (Taiwan) or Simplified.
public enum DisplayScript: String, CaseIterable, Hashable, Sendable {
  case original
  case traditional
  case simplified

  /// The next script in the toggle's cycle: Original → 繁體 → 简体 → Original.
  public var next: DisplayScript {
    switch self {
    case .original: return .traditional
    case .traditional: return .simplified
    case .simplified: return .original
    }
  }

  /// The short name a status line shows, written in the script itself.
  public var label: String {
    switch self {
    case .original: return "Original"
    case .traditional: return "繁體"
    case .simplified: return "简体"
    }
  }

  /// The OpenCC configuration that converts text into this script; nil for Original.
  ///
  /// With `vocabulary`, the Taiwan-phrase configurations also localise words (軟件 → 軟體),
  /// which rewrites some correct text too (支持 → 支援), so it is opt-in.
  public func configName(vocabulary: Bool) -> String? {
    switch self {
    case .original: return nil
    case .traditional: return vocabulary ? "s2twp" : "s2tw"
    case .simplified: return vocabulary ? "tw2sp" : "tw2s"
    }
  }
}
