/// What a search looks for: the text typed and whether it is a regular expression.
///
/// Case follows the text (smart case, as vim's `smartcase` and less's `-i`): a pattern with an
/// upper-case letter matches case exactly, one without ignores case. 繁/简 never matters.
public struct SearchPattern: Hashable, Sendable, Codable {
  public var text: String
  /// Whether `text` is a regular expression (Swift `Regex` syntax) rather than literal text.
  public var isRegex: Bool

  /// A pattern is at most this many characters: a paste of a whole file into the prompt stops
  /// there, so typing starts a bounded number of background scans.
  public static let maximumLength = 256

  public init(_ text: String, isRegex: Bool = false) {
    self.text = text
    self.isRegex = isRegex
  }

  /// Whether an upper-case letter (full-width too) makes the search match case exactly. In a
  /// regular expression a letter after a backslash is syntax (`\S`, `\W`), not text, and
  /// does not count.
  public var isCaseSensitive: Bool {
    var escaped = false
    for scalar in text.unicodeScalars {
      if escaped {
        escaped = false
        continue
      }
      if isRegex && scalar == "\\" {
        escaped = true
        continue
      }
      if scalar.properties.changesWhenLowercased { return true }
    }
    return false
  }

  /// Why the pattern cannot be searched for (the parser's reason an expression is invalid), or nil.
  public var problem: String? {
    guard isRegex else { return nil }
    do {
      _ = try Regex(text)
      return nil
    } catch {
      return VisibleText.singleLine(Self.reason(error))
    }
  }

  /// The first line of a regex parse error, without the pattern Swift repeats before it.
  private static func reason(_ error: any Error) -> String {
    let text = String(describing: error)
    let line = text.split(separator: "\n").first.map(String.init) ?? text
    return String(line.prefix(80))
  }
}
