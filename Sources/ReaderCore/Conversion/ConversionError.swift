/// Why Chinese conversion is unavailable or failed; its `message` fits on one status line.
public enum ConversionError: Error, Hashable, Sendable {
  /// No data directory holds the configuration file.
  case dataMissing(config: String, searched: [String])
  /// The configuration file exists but OpenCC could not open it (bad JSON, a missing dictionary).
  case openFailed(path: String, reason: String)
  /// The name is not an OpenCC configuration name (letters, digits, '_' and '-' only).
  case invalidConfigName(String)
  /// OpenCC refused the text.
  case conversionFailed(config: String, reason: String)

  /// A one-line description for a status line or standard error.
  public var message: String {
    Self.oneLine(description)
  }

  private var description: String {
    switch self {
    case .dataMissing(let config, let searched):
      let places = searched.isEmpty ? "no data directory" : searched.joined(separator: ", ")
      return "OpenCC data missing: no \(config).json in \(places)"
    case .openFailed(let path, let reason):
      return "OpenCC cannot open \(path): \(reason)"
    case .invalidConfigName(let name):
      return "not an OpenCC configuration name: \(name)"
    case .conversionFailed(let config, let reason):
      return "OpenCC \(config) failed: \(reason)"
    }
  }

  /// Keeps a message on one line with nothing the terminal would act on: OpenCC's own messages
  /// may span several lines, and names and paths come from the user.
  private static func oneLine(_ text: String) -> String {
    let words = text.split(whereSeparator: { $0.isNewline || $0 == "\t" })
    return VisibleText.sanitize(words.joined(separator: " "))
  }
}
