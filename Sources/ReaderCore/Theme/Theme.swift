/// A table from roles to appearances: the only place colours are named (`--theme`).
public struct Theme: Hashable, Sendable {
  /// The themes `--theme` chooses from.
  public enum Name: String, CaseIterable, Hashable, Sendable {
    case dark
    case light
    case mono
  }

  public let name: Name
  public let table: [Role: Appearance]

  public static func named(_ name: Name) -> Theme {
    switch name {
    case .dark: return dark
    case .light: return light
    case .mono: return mono
    }
  }

  /// How a cell in `style` looks: its role's appearance, plus the emphasis the document asked
  /// for (bold, italic, underline) that the role does not already give.
  public func appearance(for style: TextStyle) -> Appearance {
    var appearance = table[Role.of(style)] ?? Appearance()
    appearance.attributes.formUnion(style.intersection([.bold, .italic, .underline]))
    // A role that names its own background (selection, status) is already set apart;
    // reversing it as well would swap the theme's colours.
    if style.contains(.reverse) && appearance.background == nil { appearance.attributes.insert(.reverse) }
    return appearance
  }

  /// Attributes only, as on a terminal without colour or with `NO_COLOR`: levels of headings
  /// differ by bold, underline and italic; matches are reversed; strikethrough is not dim.
  public static let mono = Theme(
    name: .mono,
    table: [
      .text: Appearance(),
      .heading1: Appearance(nil, [.bold, .underline]),
      .heading2: Appearance(nil, .bold),
      .heading3: Appearance(nil, [.bold, .italic]),
      .heading4: Appearance(nil, .italic),
      .code: Appearance(nil, .dim),
      .link: Appearance(nil, .underline),
      .quote: Appearance(nil, .italic),
      .strikethrough: Appearance(),
      .match: Appearance(nil, .reverse),
      .currentMatch: Appearance(nil, [.reverse, .bold, .underline]),
      .scriptMark: Appearance(nil, .bold),
      .status: Appearance(nil, .reverse),
      .selection: Appearance(nil, .reverse),
      .decoration: Appearance(nil, .dim),
    ])

  /// For a dark background (the default): warm headings stepping down in brightness, cyan
  /// code, blue links, green quotes, amber matches.
  public static let dark = Theme(
    name: .dark,
    table: [
      .text: Appearance(),
      .heading1: Appearance(0xFFAF5F, [.bold, .underline]),
      .heading2: Appearance(0xFFD75F, .bold),
      .heading3: Appearance(0x87D787, .bold),
      .heading4: Appearance(0x87AFD7, .italic),
      .code: Appearance(0x5FD7D7),
      .link: Appearance(0x5FAFFF, .underline),
      .quote: Appearance(0xAFAF87, .italic),
      .strikethrough: Appearance(0xD75F5F),
      .match: Appearance(0x000000, on: 0xD7AF00),
      .currentMatch: Appearance(0x000000, on: 0xFF8700, [.bold, .underline]),
      .scriptMark: Appearance(0xFF5F87, .bold),
      .status: Appearance(0xD0D0D0, on: 0x303A4A),
      .selection: Appearance(0xFFFFFF, on: 0x005F87),
      .decoration: Appearance(0x808080),
    ])

  /// For a light background: the same hierarchy in deeper inks.
  public static let light = Theme(
    name: .light,
    table: [
      .text: Appearance(),
      .heading1: Appearance(0xAF0000, [.bold, .underline]),
      .heading2: Appearance(0x875F00, .bold),
      .heading3: Appearance(0x005F00, .bold),
      .heading4: Appearance(0x00005F, .italic),
      .code: Appearance(0x005F87),
      .link: Appearance(0x0000D7, .underline),
      .quote: Appearance(0x5F5F00, .italic),
      .strikethrough: Appearance(0xAF005F),
      .match: Appearance(0x000000, on: 0xFFD75F),
      .currentMatch: Appearance(0x000000, on: 0xFFAF00, [.bold, .underline]),
      .scriptMark: Appearance(0xD7005F, .bold),
      .status: Appearance(0x000000, on: 0xD0D0D0),
      .selection: Appearance(0x000000, on: 0xAFD7FF),
      .decoration: Appearance(0x808080),
    ])
}
