import XCTest

@testable import ReaderCore

/// The outline of a long book: folds by level and by branch, the filter, its share of the width,
/// and the section the outline and the status line name after a jump.
final class OutlineNavigationTests: XCTestCase {
  /// Two parts of two chapters, each with sections, after a preface.
  private static let book: Document = {
    var text = "前言的文字，在第一個標題之前。\n\n"
    for part in ["上", "下"] {
      text += "# \(part)部\n\n部的引言。\n\n"
      for chapter in 1...2 {
        text += "## \(part)部第\(chapter)章\n\n"
        for section in 1...2 {
          text += "### \(part)部第\(chapter)章第\(section)節\n\n"
          text += (1...6).map { "第\($0)段，\(part)部第\(chapter)章第\(section)節的內容。\n\n" }.joined()
        }
      }
    }
    text += "## 尾聲\n\n最後一段很短。\n"
    return MarkdownParser().parse(text, title: "book.md")
  }()

  private func start(_ document: Document = book, width: Int = 100, height: Int = 30) -> ReaderState {
    ReaderState(document: document, size: TerminalSize(width: width, height: height))
  }

  private func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

  private func press(_ keys: [Key], on state: ReaderState) -> ReaderState {
    keys.reduce(state) { Reducer.reduce($0, .key($1)) }
  }

  /// The titles the outline pane lists, trimmed.
  private func outlineRows(_ state: ReaderState) -> [String] {
    let frame = FrameRenderer.render(state)
    guard let outline = state.geometry.outline else { return [] }
    return (0..<outline.height).map { row in
      frame.rows[row][outline.x..<(outline.x + outline.width)].map(\.text).joined()
        .trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
  }

  /// The title on the outline row drawn reversed, if any.
  private func highlightedRow(_ state: ReaderState) -> String? {
    let frame = FrameRenderer.render(state)
    guard let outline = state.geometry.outline else { return nil }
    for row in 0..<outline.height where frame.rows[row][outline.x].style.contains(.reverse) {
      return frame.rows[row][outline.x..<(outline.x + outline.width)].map(\.text).joined()
        .trimmingCharacters(in: .whitespaces)
    }
    return nil
  }

  private func statusLine(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    return frame.text(ofRow: frame.height - 1)
  }

  /// The section the status line names (after `›`) once the jump's note is gone, nil when it
  /// names none.
  private func breadcrumb(_ state: ReaderState) -> String? {
    var quiet = state
    quiet.statusMessage = nil
    let line = statusLine(quiet)
    guard let range = line.range(of: " › ") else { return nil }
    return String(line[range.upperBound...]).components(separatedBy: "  ").first?
      .trimmingCharacters(in: .whitespaces)
  }

  func testALevelKeyListsTheOutlineDownToThatLevel() {
    let full = outlineRows(start())
    XCTAssertEqual(full.count, Self.book.outline.count)
    var state = press(keys("z1"), on: start())
    XCTAssertEqual(outlineRows(state), ["上部", "下部"])
    XCTAssertEqual(state.message, "outline: the top level only")
    state = press(keys("z2"), on: state)
    XCTAssertEqual(outlineRows(state), ["上部", "上部第1章", "上部第2章", "下部", "下部第1章", "下部第2章", "尾聲"])
    XCTAssertEqual(state.message, "outline: levels 1–2")
    state = press([.down, .down], on: state)
    XCTAssertEqual(state.selection, Self.book.outline.entries.firstIndex { $0.title == "上部第2章" })
    state = press(keys("z0"), on: state)
    XCTAssertEqual(outlineRows(state), full)
    XCTAssertEqual(state.message, "outline: every level")
    state = press(keys("zx"), on: state)
    XCTAssertEqual(state.message, "z folds the outline with 1–9, 0 or a (not x)")
    XCTAssertTrue(
      press([.character("z")], on: start()).takesNextKeyAsText, "the key after z is not a command")
  }

  func testZAFoldsTheSelectedBranchAndOnASectionItsChapter() {
    let entries = Self.book.outline.entries
    let chapter = entries.firstIndex { $0.title == "上部第1章" }!
    var state = press(Array(repeating: .down, count: chapter), on: start())
    XCTAssertEqual(state.selection, chapter)
    state = press(keys("za"), on: state)
    XCTAssertEqual(state.message, "folded 上部第1章")
    XCTAssertFalse(outlineRows(state).contains("上部第1章第1節"))
    XCTAssertTrue(outlineRows(state).contains("上部第2章第1節"), "only that branch")
    state = press(keys("za"), on: state)
    XCTAssertEqual(state.message, "unfolded 上部第1章")
    XCTAssertTrue(outlineRows(state).contains("上部第1章第1節"))
    state = press([.down], on: state)
    XCTAssertEqual(entries[state.selection].title, "上部第1章第1節")
    state = press(keys("za"), on: state)
    XCTAssertEqual(entries[state.selection].title, "上部第1章", "a section folds its chapter")
    XCTAssertEqual(state.message, "folded 上部第1章")
    let flat = MarkdownParser().parse("# 甲\n\n文字。\n\n# 乙\n\n文字。\n", title: "flat.md")
    XCTAssertEqual(press(keys("za"), on: start(flat)).message, "nothing to fold: this heading has no branch")
  }

  func testReadingIntoAFoldedSectionHighlightsTheHeadingItIsFoldedInto() {
    var state = press(keys("z1") + [.tab], on: start())
    let section = Self.book.outline.entries.firstIndex { $0.title == "下部第2章第1節" }!
    state = press(keys("\(section + 1)g"), on: state)
    XCTAssertEqual(breadcrumb(state), "下部第2章第1節", "the status line names the section itself")
    XCTAssertEqual(highlightedRow(state), "下部", "the outline, folded, the part it is in")
  }

  func testTheFilterListsMatchingHeadingsUnderTheirAncestors() {
    var state = press([.tab, .character("&")], on: start())
    XCTAssertEqual(state.focus, .outline)
    XCTAssertTrue(state.takesNextKeyAsText)
    state = press(keys("第2節"), on: state)
    XCTAssertTrue(statusLine(state).hasPrefix(" &第2節▏  10 headings"), statusLine(state))
    let rows = outlineRows(state)
    XCTAssertEqual(rows.filter { $0.hasSuffix("第2節") }.count, 4)
    XCTAssertTrue(rows.contains("上部") && rows.contains("上部第1章"), "ancestors as context: \(rows)")
    XCTAssertFalse(rows.contains("尾聲"))
    XCTAssertEqual(Self.book.outline[state.selection].title, "上部第1章第2節", "the first match is selected")
    state = press([.down], on: state)
    XCTAssertEqual(Self.book.outline[state.selection].title, "上部第2章", "Down moves through the rows listed")
    state = press([.down, .enter], on: state)
    XCTAssertEqual(state.focus, .body)
    XCTAssertEqual(breadcrumb(state), "上部第2章第2節", "Enter reads the selected heading")
    XCTAssertEqual(outlineRows(state), rows, "the filter stays")
    state = press([.character("&"), .escape], on: state)
    XCTAssertEqual(outlineRows(state).count, Self.book.outline.count, "Esc clears it")
    state = press(keys("&下部第1章") + [.backspace, .backspace, .backspace], on: state)
    XCTAssertTrue(outlineRows(state).contains("下部第2章"), "Backspace widens it again")
    state = press(keys("zzz"), on: state)
    XCTAssertEqual(state.outlineFilter?.query, "下部zzz", "z is text while the filter is typed")
    XCTAssertTrue(outlineRows(state).isEmpty)
    XCTAssertTrue(statusLine(state).contains("0 headings"))
    state = press([.enter], on: state)
    XCTAssertNotNil(state.outlineFilter, "nothing listed: Enter keeps the filter to be changed")
    state = press([.character("&")] + Array(repeating: .backspace, count: 6) + [.enter], on: state)
    XCTAssertNil(state.outlineFilter, "Enter on an empty filter clears it, as less's &")
  }

  func testTheFilterIgnoresTheScriptOfTheTitles() {
    let state = press(keys("&下部第1章第1节"), on: start())
    XCTAssertEqual(outlineRows(state).filter { $0.hasSuffix("節") }, ["下部第1章第1節"])
  }

  func testTheOutlineWidthIsAShareThatSurvivesAResize() {
    var state = start(width: 100)
    XCTAssertEqual(state.geometry.outline?.width, 30)
    state = press([.character(">")], on: state)
    XCTAssertEqual(state.message, "outline: 35% of the width")
    XCTAssertEqual(state.geometry.outline?.width, 35)
    state = Reducer.reduce(state, .resize(TerminalSize(width: 200, height: 40)))
    XCTAssertEqual(state.geometry.outline?.width, 70, "35% of 200 columns")
    state = Reducer.reduce(state, .resize(TerminalSize(width: 60, height: 20)))
    XCTAssertEqual(state.geometry.outline?.width, 21)
    state = press(Array(repeating: .character("<"), count: 10), on: state)
    XCTAssertEqual(state.outlineShare, 10)
    XCTAssertEqual(state.geometry.outline?.width, 8, "never below 8 columns")
    state = press(Array(repeating: .character(">"), count: 20), on: state)
    XCTAssertEqual(state.outlineShare, 90)
    XCTAssertEqual(state.geometry.outline?.width, 40, "the body keeps 20 columns")
  }

  func testAfterAJumpTheOutlineAndTheStatusLineNameTheTargetsSection() {
    // At the top of a section: a mark set on a heading.
    let chapter = Self.book.outline.entries.firstIndex { $0.title == "上部第2章" }!
    var state = press(keys("\(chapter + 1)gmaG'a"), on: start())
    XCTAssertEqual(breadcrumb(state), "上部第2章")
    XCTAssertEqual(highlightedRow(state), "上部第2章")
    // In the preface: the status line names no section and no outline row is highlighted.
    state = press(keys("gmbG'b"), on: state)
    XCTAssertEqual(state.anchor, .top)
    XCTAssertNil(breadcrumb(state))
    XCTAssertNil(highlightedRow(state))
    XCTAssertEqual(state.focus, .body)
    // At the end: a search for the last, short section's text cannot bring it to the top line,
    // which stays in the section before; both name the section that holds the match.
    state = press([.character("/")] + keys("很短"), on: state)
    _ = try? state.searchIndexes.index(for: state.setting)
    state = press([.enter], on: Reducer.reduce(state, .refreshSearch))
    let last = state.bodyLayout.lastAnchor(height: state.geometry.body.height)
    XCTAssertEqual(state.anchor, last)
    XCTAssertNotEqual(state.bodyLayout.entryIndex(at: state.anchor), Self.book.outline.count - 1)
    XCTAssertEqual(breadcrumb(state), "尾聲")
    XCTAssertEqual(highlightedRow(state), "尾聲")
    // A search back into the preface.
    state = press([.character("/")] + keys("前言"), on: state)
    state = press([.enter], on: Reducer.reduce(state, .refreshSearch))
    XCTAssertNil(breadcrumb(state))
    XCTAssertNil(highlightedRow(state))
    // Scrolling afterwards follows the top line again.
    state = press(keys("G") + [.character("k")], on: state)
    let top = state.bodyLayout.entryIndex(at: state.anchor).map { Self.book.outline[$0].title }
    XCTAssertEqual(breadcrumb(state), top)
    XCTAssertEqual(highlightedRow(state)?.hasSuffix(top ?? "-") ?? false, true)
  }

  func testFrameSnapshotsOfAFoldedAFilteredAndAWiderOutline() {
    let folded = press(keys("z2") + [.tab] + keys("6g"), on: start(width: 80, height: 24))
    assertSnapshot(FrameRenderer.render(folded).description, named: "outline-folded-80x24")
    let filtered = press(keys("&第2節"), on: start(width: 80, height: 24))
    assertSnapshot(FrameRenderer.render(filtered).description, named: "outline-filtered-80x24")
    let wider = press(
      keys(">>") + [.tab, .character("'"), .character("'")], on: start(width: 120, height: 30))
    assertSnapshot(FrameRenderer.render(wider).description, named: "outline-share-preface-120x30")
  }
}
