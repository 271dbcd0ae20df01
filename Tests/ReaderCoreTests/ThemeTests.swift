import XCTest

@testable import ReaderCore

/// Colour carries meaning: every role has a look in every theme, heading levels differ, and
/// colour comes down to what the terminal has.
final class ThemeTests: XCTestCase {
  func testEveryThemeGivesEveryRoleAnAppearance() {
    for name in Theme.Name.allCases {
      let theme = Theme.named(name)
      for role in Role.allCases { XCTAssertNotNil(theme.table[role], "\(name) \(role)") }
    }
  }

  func testHeadingLevelsLookDifferentFromEachOtherAndFromTextInEveryTheme() {
    let roles: [Role] = [.text, .heading1, .heading2, .heading3, .heading4]
    for name in Theme.Name.allCases {
      let theme = Theme.named(name)
      let looks = roles.map { theme.table[$0] }
      XCTAssertEqual(Set(looks).count, roles.count, "\(name)")
      // Also on an 8-colour terminal, where the colours come down to the basic eight.
      if name != .mono {
        let eight = roles.dropFirst().map { role -> [Int?] in
          let look = theme.table[role]!
          return [look.foreground.map(\.ansi8)] + [look.attributes.rawValue].map { Int($0) }
        }
        XCTAssertEqual(Set(eight).count, 4, "\(name) at 8 colours")
      }
    }
  }

  func testMeaningfulRolesStandOutAndStrikethroughIsNotDim() {
    for name in Theme.Name.allCases {
      let theme = Theme.named(name)
      let text = theme.table[.text]
      for role in [Role.code, .link, .quote, .match, .currentMatch, .scriptMark, .status] {
        XCTAssertNotEqual(theme.table[role], text, "\(name) \(role)")
      }
      XCTAssertNotEqual(theme.table[.match], theme.table[.currentMatch], "\(name)")
      XCTAssertFalse(theme.appearance(for: .strikethrough).attributes.contains(.dim), "\(name)")
    }
  }

  func testTheSelectionAndStatusKeepTheirColoursUnreversedAndMonoReverses() {
    for style: TextStyle in [[.reverse, .status], [.reverse, .bold]] {
      XCTAssertFalse(Theme.dark.appearance(for: style).attributes.contains(.reverse))
      XCTAssertNotNil(Theme.dark.appearance(for: style).background)
      XCTAssertTrue(Theme.mono.appearance(for: style).attributes.contains(.reverse))
    }
  }

  func testTheDocumentsEmphasisIsKeptOnTopOfTheRole() {
    let look = Theme.dark.appearance(for: [.code, .bold, .italic])
    XCTAssertEqual(look.foreground, Theme.dark.table[.code]?.foreground)
    XCTAssertTrue(look.attributes.isSuperset(of: [.bold, .italic]))
  }

  func testRolesComeFromWhatTheLayoutAndRendererMark() {
    XCTAssertEqual(Role.of(.heading(1).union(.bold)), .heading1)
    XCTAssertEqual(Role.of(.heading(2)), .heading2)
    XCTAssertEqual(Role.of(.heading(6)), .heading4)
    XCTAssertEqual(Role.of([.heading(2), .highlight]), .match, "a match in a heading is still found")
    XCTAssertEqual(Role.of([.highlight, .bold, .underline]), .currentMatch)
    XCTAssertEqual(Role.of(.code), .code)
    XCTAssertEqual(Role.of([.link, .underline]), .link)
    XCTAssertEqual(Role.of(.quote), .quote)
    XCTAssertEqual(Role.of([.dim, .scriptMark]), .scriptMark)
    XCTAssertEqual(Role.of([.reverse, .status]), .status)
    XCTAssertEqual(Role.of(.strikethrough), .strikethrough)
    XCTAssertEqual(TextStyle.heading(3).headingLevel, 3)
    XCTAssertNil(TextStyle.bold.headingLevel)
  }

  func testColourDepthFollowsTerminfoAndNoColour() {
    XCTAssertEqual(ColourDepth.detect(colours: 256, environment: { _ in nil }), .palette256)
    XCTAssertEqual(ColourDepth.detect(colours: 8, environment: { _ in nil }), .eight)
    XCTAssertEqual(ColourDepth.detect(colours: 0, environment: { _ in nil }), .none)
    XCTAssertEqual(
      ColourDepth.detect(colours: 1 << 24, environment: { ["COLORTERM": "truecolor"][$0] }), .direct)
    XCTAssertEqual(ColourDepth.detect(colours: 256, environment: { ["NO_COLOR": "1"][$0] }), .none)
    XCTAssertEqual(ColourDepth.detect(colours: 256, environment: { ["NO_COLOR": ""][$0] }), .palette256)
    let amber = Colour(0xFFAF00)
    XCTAssertEqual(ColourDepth.direct.number(for: amber), 0xFFAF00)
    XCTAssertEqual(ColourDepth.palette256.number(for: amber), 214)
    XCTAssertEqual(ColourDepth.eight.number(for: amber), 3, "yellow")
    XCTAssertNil(ColourDepth.none.number(for: amber))
    XCTAssertEqual(Colour(0x808080).index256, 244)
    XCTAssertEqual(Colour(0x0000D7).ansi8, 4)
  }
}
