import XCTest

@testable import ReaderCore

final class KeymapTests: XCTestCase {
  func testNoKeyIsBoundTwiceWhereItApplies() {
    var seen: [KeyContext: [Key: Command]] = [:]
    for binding in Keymap.bindings {
      for key in binding.keys {
        let earlier = seen[binding.context]?[key]
        XCTAssertNil(earlier, "\(key) in \(binding.context) is bound to \(String(describing: earlier)) too")
        seen[binding.context, default: [:]][key] = binding.command
      }
    }
  }

  func testEveryBindingHasHelpAndEveryKeyDispatchesItsCommand() {
    for binding in Keymap.bindings {
      XCTAssertFalse(binding.help.isEmpty)
      for key in binding.keys {
        XCTAssertEqual(Keymap.command(for: key, in: binding.context), binding.command)
      }
    }
  }

  func testTheLessAndVimKeysAreThere() {
    XCTAssertEqual(Keymap.command(for: .character("j")), .lineDown)
    XCTAssertEqual(Keymap.command(for: .character("k")), .lineUp)
    XCTAssertEqual(Keymap.command(for: .character(" ")), .pageDown)
    XCTAssertEqual(Keymap.command(for: .character("b")), .pageUp)
    XCTAssertEqual(Keymap.command(for: .character("G")), .bottom)
    XCTAssertEqual(Keymap.command(for: .character("q")), .quit)
    XCTAssertEqual(Keymap.command(for: .character("q"), in: .factionPanel), .quit, "q quits from anywhere")
  }

  /// The text inside the help box on every page from the first to the last, as the keys that
  /// scroll it reach them, with the indicator of each page.
  private func helpPages(
    _ size: TerminalSize, language: InterfaceLanguage = .english, step: Key = .pageDown
  ) -> (text: [String], footers: [String], frames: [Frame]) {
    var state = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: size, language: language), .key(.character("?")))
    var text: [String] = []
    var footers: [String] = []
    var frames: [Frame] = []
    var previous = -1
    while state.overlay == .help && state.helpTop != previous {
      previous = state.helpTop
      let frame = FrameRenderer.render(state)
      frames.append(frame)
      let box = HelpLayout(size: size, language: language).box
      guard box.height >= 3 else { break }
      let columns = (box.x + 1)..<(box.x + box.width - 1)
      footers.append(frame.rows[box.y + box.height - 1][columns].map(\.text).joined())
      for row in (box.y + 1)..<(box.y + box.height - 1) {
        text.append(frame.rows[row][columns].map(\.text).joined())
      }
      state = Reducer.reduce(state, .key(step))
    }
    return (text, footers, frames)
  }

  private func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
  }

  func testEveryBindingIsReachableByScrollingTheHelpAtEverySize() {
    let sizes = [
      TerminalSize(width: 80, height: 24), TerminalSize(width: 40, height: 12),
      TerminalSize(width: 120, height: 40), TerminalSize(width: 200, height: 50),
    ]
    for size in sizes {
      for language in InterfaceLanguage.allCases {
        // Line by line too where the help is longest; a page at a time everywhere.
        for step in size.width <= 80 ? [Key.pageDown, .character("j")] : [.pageDown] {
          let pages = helpPages(size, language: language, step: step)
          let all = squeezed(pages.text.joined())
          for binding in Keymap.bindings {
            let description = squeezed(KeyHelp.text(for: binding, in: language))
            XCTAssertTrue(all.contains(description), "\(size) \(language): \(description) can be scrolled to")
            let keys = squeezed(KeyHelp.keys(of: binding))
            XCTAssertTrue(all.contains(keys), "\(size) \(language): keys \(keys) can be scrolled to")
          }
          XCTAssertFalse(all.contains("…"), "\(size) \(language): nothing in the help is cut")
          let total = HelpLayout(size: size, language: language).lines.count
          XCTAssertTrue(
            pages.footers.last?.contains("\(total)") ?? false,
            "\(size): the last page shows the end of \(total)")
          for frame in pages.frames {
            for row in frame.rows { XCTAssertEqual(row.reduce(0) { $0 + $1.width }, size.width, "\(size)") }
          }
        }
      }
    }
  }

  func testTheHelpIsGroupedByPurposeAndShowsWhichLinesAreOnScreen() {
    let lines = HelpLayout.lines(content: 76, language: .english).map(\.text)
    let headings = [
      "Moving", "Outline and sections", "Script and factions", "Search", "Links", "Documents", "Other",
      "In the faction panel", "While typing a search", "After :", "On the shelf (B, --shelf)", "In this help",
    ]
    let positions = headings.map { heading in lines.firstIndex(of: heading) }
    XCTAssertFalse(positions.contains(nil), "every group has its heading: \(positions)")
    XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
    let search = lines.firstIndex(of: "Search") ?? 0
    let links = lines.firstIndex(of: "Links") ?? 0
    XCTAssertTrue(lines[search..<links].contains { $0.hasPrefix("/ ") }, "/ is with the search keys")
    XCTAssertTrue(lines[search..<links].contains { $0.hasPrefix("n ") })

    let size = TerminalSize(width: 80, height: 24)
    let opened = Reducer.reduce(ReaderState(document: Fixtures.article, size: size), .key(.character("?")))
    let layout = HelpLayout(size: size, language: .english)
    XCTAssertGreaterThan(layout.lines.count, layout.visibleRows, "at 80x24 the help scrolls")
    let screen = (0..<24).map { FrameRenderer.render(opened).text(ofRow: $0) }
    XCTAssertTrue(screen.contains { $0.contains("1–\(layout.visibleRows) of \(layout.lines.count)") })
    let paged = Reducer.reduce(opened, .key(.pageDown))
    XCTAssertEqual(paged.helpTop, layout.visibleRows)
    XCTAssertEqual(Reducer.reduce(paged, .key(.character("k"))).helpTop, layout.visibleRows - 1)
    XCTAssertEqual(Reducer.reduce(paged, .key(.character("g"))).helpTop, 0)
    let end = Reducer.reduce(opened, .key(.character("G")))
    XCTAssertEqual(end.helpTop, layout.maxTop)
    XCTAssertEqual(Reducer.reduce(end, .key(.down)).helpTop, layout.maxTop, "the end stays the end")
    XCTAssertEqual(Reducer.reduce(opened, .key(.up)).helpTop, 0)
    let last = (0..<24).map { FrameRenderer.render(end).text(ofRow: $0) }
    XCTAssertTrue(
      last.contains { $0.contains("of \(layout.lines.count)") && $0.contains("\(layout.lines.count) of") })
  }

  func testQEscAndQuestionMarkCloseTheHelpWithoutQuitting() {
    let opened = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 80, height: 24)),
      .key(.character("?")))
    XCTAssertEqual(opened.overlay, .help)
    for key in [Key.character("q"), .escape, .character("?")] {
      let closed = Reducer.reduce(opened, .key(key))
      XCTAssertNil(closed.overlay, "\(key) closes the help")
      XCTAssertTrue(closed.isRunning, "\(key) in the help does not quit")
    }
    XCTAssertNil(Reducer.reduce(opened, .key(.character("x"))).overlay, "any other key closes it too")
    let again = Reducer.reduce(
      Reducer.reduce(Reducer.reduce(opened, .key(.pageDown)), .key(.escape)), .key(.character("?")))
    XCTAssertEqual(again.helpTop, 0, "the help opens at its start")
  }

  func testTheHelpNeverSpillsAtTinySizes() {
    for width in [1, 3, 6, 8, 12, 20] {
      for height in [1, 2, 3, 4, 6] {
        let size = TerminalSize(width: width, height: height)
        var state = Reducer.reduce(ReaderState(document: Fixtures.article, size: size), .command(.showHelp))
        for key in [Key.pageDown, .character("G"), .character("j")] {
          state = Reducer.reduce(state, .key(key))
          let frame = FrameRenderer.render(state)
          XCTAssertEqual(frame.rows.count, height)
          for row in frame.rows { XCTAssertEqual(row.reduce(0) { $0 + $1.width }, width, "\(size)") }
        }
      }
    }
  }

  func testTheHelpShrinksBackOnAResize() {
    var state = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 40, height: 12)),
      .key(.character("G")))
    state = Reducer.reduce(Reducer.reduce(state, .command(.showHelp)), .key(.character("G")))
    let deep = state.helpTop
    state = Reducer.reduce(state, .resize(TerminalSize(width: 200, height: 50)))
    let frame = FrameRenderer.render(state)
    let layout = HelpLayout(size: TerminalSize(width: 200, height: 50), language: .english)
    XCTAssertLessThanOrEqual(layout.maxTop, deep)
    let rows = (0..<frame.height).map { frame.text(ofRow: $0) }
    XCTAssertTrue(
      rows.contains { $0.contains("of \(layout.lines.count)") }, "the larger screen shows a full last page")
  }

  func testTheMouseWheelScrollsTheHelp() {
    let opened = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 80, height: 24)),
      .key(.character("?")))
    let down = Reducer.reduce(opened, .mouse(MouseEvent(.wheelDown, column: 40, row: 10)))
    XCTAssertEqual(down.helpTop, MouseNavigation.wheelLines)
    XCTAssertEqual(down.overlay, .help)
    XCTAssertEqual(down.anchor, opened.anchor, "the body under the help stays")
    XCTAssertEqual(Reducer.reduce(down, .mouse(MouseEvent(.wheelUp, column: 40, row: 10))).helpTop, 0)
  }
}
