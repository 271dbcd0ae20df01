import XCTest

@testable import ReaderCore

final class FactionNavigationTests: XCTestCase {
  /// A state whose faction counts are made, as the viewer's background thread makes them.
  private func start(_ document: Document = Fixtures.article) -> ReaderState {
    let state = ReaderState(document: document, size: TerminalSize(width: 100, height: 30))
    for script in DisplayScript.allCases { state.factions.prepare(.init(script: script)) }
    return state
  }

  private func rows(_ state: ReaderState) -> [String] {
    let frame = FrameRenderer.render(state)
    return (0..<frame.height).map { frame.text(ofRow: $0) }
  }

  private func highlightedText(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    return frame.rows.flatMap { $0 }.filter { $0.style.contains(.highlight) }.map(\.text).joined()
  }

  func testFBringsTheSummaryNearTheTopAndHighlightsTheFirstFaction() {
    let current = press(.character("f"), on: start())
    let screen = rows(current)
    let samRow = screen.firstIndex { $0.contains("Sam Altman 派") }
    let ilyaRow = screen.firstIndex { $0.contains("Ilya Sutskever 派") }
    XCTAssertNotNil(samRow)
    XCTAssertLessThanOrEqual(samRow ?? 99, 3)
    XCTAssertGreaterThan(ilyaRow ?? -1, samRow ?? 99)
    XCTAssertEqual(current.selection, 2, "the summary's section is selected")
    XCTAssertTrue(highlightedText(current).hasPrefix("Sam Altman 派"))
    let again = press(.character("f"), on: current)
    XCTAssertTrue(highlightedText(again).hasPrefix("Ilya Sutskever 派"))
    XCTAssertTrue(highlightedText(press(.character("f"), on: again)).hasPrefix("Sam Altman 派"), "cycles")
  }

  func testThePanelShowsMentionCountsAndEnterAndMGoWhereTheySay() {
    var current = press(.character("F"), on: start())
    let panel = rows(current).joined(separator: "\n")
    XCTAssertTrue(panel.contains("Sam Altman  26 mentions"))
    XCTAssertTrue(panel.contains("Ilya Sutskever  8 mentions"))
    current = press(.down, .enter, on: current)
    XCTAssertNil(current.overlay)
    XCTAssertTrue(highlightedText(current).hasPrefix("Ilya Sutskever 派"))
    var seen: [String] = []
    for _ in 0..<8 {
      current = press(.character("M"), on: current)
      let highlighted = highlightedText(current)
      XCTAssertTrue(["Ilya Sutskever", "Ilya", "Sutskever"].contains(highlighted), highlighted)
      seen.append(highlighted)
    }
    XCTAssertEqual(current.message, "Ilya Sutskever: mention 8/8")
    current = press(.character("M"), on: current)
    XCTAssertEqual(current.message, "Ilya Sutskever: mention 1/8", "wraps around")
    XCTAssertEqual(Set(seen), ["Ilya Sutskever", "Ilya", "Sutskever"])
  }

  func testMentionsAreFoundInTheDisplayedScript() {
    var current = press(.character("t"), .character("t"), .character("F"), on: start())
    XCTAssertTrue(rows(current).joined().contains("Sam Altman  26 mentions"))
    current = press(.escape, on: current)
    XCTAssertNil(current.overlay)
    let document = MarkdownParser().parse(
      "# 標題\n\n- **奧特曼派：** 樂觀\n- **蘇茨克維派：** 謹慎\n\n奧特曼說話。蘇茨克維回應奧特曼。\n", title: "t")
    current = press(.character("t"), .character("t"), .character("F"), on: start(document))
    let panel = rows(current).joined(separator: "\n")
    XCTAssertTrue(panel.contains("奥特曼  3 mentions"), panel)
    XCTAssertTrue(panel.contains("苏茨克维  2 mentions"), panel)
  }

  func testThePanelOpensBeforeTheCountsAndFillsThemInWhenTheyAreMade() {
    let fresh = ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30))
    XCTAssertEqual(press(.character("M"), on: fresh).message, "finding the faction summary…")
    let open = press(.character("F"), on: fresh)
    XCTAssertNotNil(open.overlay, "F opens the panel at once")
    XCTAssertTrue(rows(open).joined().contains("finding the faction summary…"))
    _ = fresh.factions.summary
    var panel = rows(open).joined(separator: "\n")
    XCTAssertTrue(panel.contains("Sam Altman  counting mentions…"), panel)
    fresh.factions.prepare(fresh.setting)
    panel = rows(open).joined(separator: "\n")
    XCTAssertTrue(panel.contains("Sam Altman  26 mentions"), panel)
    let again = press(.character("F"), .character("F"), on: open)
    XCTAssertTrue(
      rows(again).joined().contains("Ilya Sutskever  8 mentions"), "closing and opening reuses them")
    XCTAssertEqual(press(.character("M"), on: again).message, "Sam Altman: mention 1/26")
  }

  func testADocumentWithoutFactionsSaysSo() {
    let plain = start(MarkdownParser().parse("# Title\n\nJust text.\n", title: "t"))
    for key: Key in [.character("f"), .character("F"), .character("M")] {
      let after = press(key, on: plain)
      XCTAssertEqual(after.message, "no faction summary in this document")
      XCTAssertNil(after.overlay)
      XCTAssertTrue(rows(after).last?.contains("no faction summary in this document") ?? false)
    }
  }
}

extension FactionNavigationTests {
  func testThePanelAt40ColumnsCutsWithAnEllipsisAndSpeaksChinese() {
    let state = ReaderState(
      document: Fixtures.article, size: TerminalSize(width: 40, height: 12), language: .traditionalChinese)
    for script in DisplayScript.allCases { state.factions.prepare(.init(script: script)) }
    let panel = Reducer.reduce(state, .key(.character("F")))
    let screen = rows(panel)
    XCTAssertTrue(screen[0].contains("派系"), screen[0])
    XCTAssertTrue(screen.contains { $0.contains("Sam Altman  提及") }, screen.joined(separator: "\n"))
    let sections = screen.filter { $0.contains("出現於：") }
    XCTAssertFalse(sections.isEmpty)
    let titles = Set(panel.document.outline.entries.indices.map { panel.title(ofEntry: $0) })
    for row in sections {
      // Each section named is whole, but the last where the ellipsis says it was cut.
      let inside = row.split(separator: "│", omittingEmptySubsequences: false)
      XCTAssertEqual(inside.count, 3, row)
      let listed = inside[1].components(separatedBy: "出現於：")[1].trimmingCharacters(in: .whitespaces)
      var names = listed.components(separatedBy: " · ")
      if listed.hasSuffix("…") { names.removeLast() }
      for name in names { XCTAssertTrue(titles.contains(name), "\(name) is a whole title: \(row)") }
    }
  }
}
