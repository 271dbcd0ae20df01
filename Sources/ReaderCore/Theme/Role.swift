/// What a cell is, as far as colour goes: the renderer says it, a `Theme` decides how it looks.
public enum Role: String, CaseIterable, Hashable, Sendable {
  case text
  case heading1
  case heading2
  case heading3
  case heading4
  case code
  case link
  case quote
  case strikethrough
  case match
  case currentMatch
  case scriptMark
  case status
  case selection
  case decoration

  /// The role of a cell drawn in `style`; the most specific meaning wins (a match inside a
  /// heading is a match first, so that it is always found on the screen).
  public static func of(_ style: TextStyle) -> Role {
    if style.contains(.highlight) { return style.contains(.underline) ? .currentMatch : .match }
    if style.contains(.status) { return .status }
    if style.contains(.reverse) { return .selection }
    if style.contains(.scriptMark) { return .scriptMark }
    if let level = style.headingLevel {
      switch level {
      case 1: return .heading1
      case 2: return .heading2
      case 3: return .heading3
      default: return .heading4
      }
    }
    if style.contains(.code) { return .code }
    if style.contains(.link) { return .link }
    if style.contains(.strikethrough) { return .strikethrough }
    if style.contains(.quote) { return .quote }
    if style.contains(.dim) { return .decoration }
    return .text
  }

  /// One letter per role, for the role snapshots (`Frame.roleDescription`).
  public var letter: Character {
    switch self {
    case .text: return "."
    case .heading1: return "1"
    case .heading2: return "2"
    case .heading3: return "3"
    case .heading4: return "4"
    case .code: return "c"
    case .link: return "l"
    case .quote: return "q"
    case .strikethrough: return "x"
    case .match: return "m"
    case .currentMatch: return "M"
    case .scriptMark: return "s"
    case .status: return "S"
    case .selection: return "R"
    case .decoration: return "d"
    }
  }
}
