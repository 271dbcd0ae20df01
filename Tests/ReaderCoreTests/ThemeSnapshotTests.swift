import XCTest

@testable import ReaderCore

/// What colour means where: the roles of each cell, and each theme's look for every role.
final class ThemeSnapshotTests: XCTestCase {
  private let document = MarkdownParser().parse(
    """
    # 第一編　總則

    ## 第一章　法例

    ### 第一節　通則

    民事，法律所未規定者，依 `習慣`；無習慣者，依[法理](https://law.moj.gov.tw)。

    > 引文：法律不溯既往。

    這段有~~刪去的字~~與 **粗體**。
    """, title: "law.md")

  func testRolesAt80x24And120x40And200x50() {
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
      let state = press(
        .tab, on: ReaderState(document: document, size: TerminalSize(width: width, height: height)))
      let frame = FrameRenderer.render(state)
      assertSnapshot(frame.description + "\n" + frame.roleDescription, named: "roles-\(width)x\(height)")
    }
  }

  func testEachThemesLookForEveryRole() {
    for name in Theme.Name.allCases {
      let theme = Theme.named(name)
      let lines = Role.allCases.map { role -> String in
        let look = theme.table[role] ?? Appearance()
        let colour = { (colour: Colour?) in
          colour.map { String(format: "#%06X/%d", $0.rgb, $0.index256) } ?? "-"
        }
        return "\(role.letter) \(role.rawValue): \(colour(look.foreground)) on \(colour(look.background))"
          + " attributes \(look.attributes.rawValue)"
      }
      assertSnapshot(lines.joined(separator: "\n"), named: "theme-\(name.rawValue)")
    }
  }
}
