/// How many colours the terminal shows, which decides how a theme's colours are sent.
public enum ColourDepth: Hashable, Sendable {
  /// No colour at all, or `NO_COLOR` set: attributes only.
  case none
  case eight
  case palette256
  /// 24-bit colour, sent as the colour itself.
  case direct

  /// The depth for the number of colours terminfo gives and the environment: `NO_COLOR` (any
  /// value but empty, as no-color.org says) turns colour off; `COLORTERM=truecolor|24bit`
  /// only counts where terminfo can send direct colour.
  public static func detect(colours: Int, environment: (String) -> String?) -> ColourDepth {
    if let noColour = environment("NO_COLOR"), !noColour.isEmpty { return .none }
    if colours >= 1 << 24 { return .direct }
    if colours >= 256 { return .palette256 }
    if colours >= 8 { return .eight }
    return .none
  }

  /// The number to send for `colour` at this depth, or nil where there is no colour.
  public func number(for colour: Colour) -> Int? {
    switch self {
    case .none: return nil
    case .eight: return colour.ansi8
    case .palette256: return colour.index256
    case .direct: return colour.rgb
    }
  }
}
