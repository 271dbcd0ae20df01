/// The language the interface speaks (help, status line, messages); the document keeps its own.
public enum InterfaceLanguage: String, CaseIterable, Hashable, Sendable {
  case english = "en"
  /// Traditional characters with Taiwan vocabulary (搜尋, 說明, 檔案).
  case traditionalChinese = "zh-Hant"
  /// Simplified characters with mainland vocabulary (搜索, 帮助, 文件).
  case simplifiedChinese = "zh-Hans"

  /// The language a `--lang` argument names: `en`, `zh-Hant`, `zh-Hans` (also `zh-TW`, `zh-CN`,
  /// any case, `_` for `-`); `auto` and unknown names give nil.
  public init?(argument: String) {
    switch argument.lowercased().replacing("_", with: "-") {
    case "en", "english": self = .english
    case "zh-hant", "zh-tw", "zh-hk", "zh-mo", "traditional": self = .traditionalChinese
    case "zh-hans", "zh-cn", "zh-sg", "zh", "simplified": self = .simplifiedChinese
    default: return nil
    }
  }

  /// The language of the locale, as POSIX looks it up: the first of `LC_ALL`, `LC_MESSAGES` and
  /// `LANG` that is set and not empty. Taiwan, Hong Kong and Macau, or a `zh_Hant` locale, are
  /// Traditional; any other Chinese locale is Simplified; everything else is English.
  public static func fromEnvironment(_ environment: (String) -> String?) -> InterfaceLanguage {
    var found: String?
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment(name), !value.isEmpty {
        found = value
        break
      }
    }
    guard let locale = found else { return .english }
    // zh_TW.UTF-8, zh_TW@euro, zh-Hant-TW: the language, then the script or the region.
    let base = locale.split(whereSeparator: { $0 == "." || $0 == "@" }).first.map(String.init) ?? ""
    let parts = base.split(whereSeparator: { $0 == "_" || $0 == "-" }).map { $0.lowercased() }
    guard parts.first == "zh" else { return .english }
    if parts.contains("hant") || parts.contains("tw") || parts.contains("hk") || parts.contains("mo") {
      return .traditionalChinese
    }
    return .simplifiedChinese
  }
}
