import XCTest

@testable import ReaderCore

/// `l` / `L` select links on screen, Enter follows them, Backspace / `H` come back, `y` copies.
final class LinkNavigationTests: XCTestCase {
  private func newsletter(width: Int = 80, height: Int = 24) throws -> ReaderState {
    let document = try MarkdownFixtures.document("weekly-newsletter.md")
    let state = ReaderState(
      document: document, size: TerminalSize(width: width, height: height),
      location: "/docs/weekly/weekly-newsletter.md")
    return press(.tab, on: state)
  }

  /// The text of the body cells drawn reversed (the selected link), row by row.
  private func selectedText(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    let body = state.geometry.body
    return (body.y..<body.y + body.height).map { row in
      frame.rows[row][body.x...].filter { $0.style.contains(.reverse) }.map(\.text).joined()
    }.joined()
  }

  private func statusLine(_ state: ReaderState) -> String {
    FrameRenderer.render(state).text(ofRow: state.size.height - 1)
  }

  func testLStepsThroughTheLinksOnScreenAndTheStatusLineShowsWhereEachLeads() throws {
    var state = press(.character("l"), on: try newsletter())
    XCTAssertEqual(selectedText(state), "開源")
    XCTAssertTrue(statusLine(state).hasPrefix(" → https://github.com/example/weekly "), statusLine(state))
    state = press(.character("l"), .character("l"), on: state)
    XCTAssertEqual(selectedText(state), "中文排版指南")
    XCTAssertTrue(statusLine(state).contains("→ guides/typesetting.md"))
    state = press(.character("L"), on: state)
    XCTAssertEqual(selectedText(state), "投稿")
    XCTAssertEqual(state.anchor, .top, "stepping on screen does not scroll")
  }

  func testLPastTheLastLinkOnScreenScrollsToTheNextOneAndScrollingAwayDropsTheSelection() throws {
    var state = try newsletter(width: 80, height: 12)
    for _ in 0..<5 { state = press(.character("l"), on: state) }
    XCTAssertEqual(selectedText(state), "via")
    for _ in 0..<3 { state = press(.character("l"), on: state) }
    XCTAssertEqual(selectedText(state), "W3C 中文排版需求")
    XCTAssertGreaterThan(state.anchor, .top)
    XCTAssertNotNil(Reducer.reduce(state, .resize(TerminalSize(width: 80, height: 12))).selectedLink)
    let wheeled = (0..<6).reduce(state) { next, _ in
      Reducer.reduce(next, .mouse(MouseEvent(.wheelDown, column: 40, row: 3)))
    }
    XCTAssertNil(wheeled.selectedLink, "the wheel scrolled the link away")
    state = press(.character("g"), on: state)
    XCTAssertNil(state.selectedLink)
    XCTAssertEqual(selectedText(state), "")
  }

  func testEnterOnAnAnchorLinkGoesToTheHeadingAndBackspaceReturns() throws {
    var state = press(
      .character("l"), .character("l"), .character("l"), .character("l"), on: try newsletter())
    XCTAssertEqual(selectedText(state), "上期回顧")
    let before = state.anchor
    state = press(.enter, on: state)
    let layout = state.bodyLayout
    let heading = state.document.outline.entries.firstIndex { $0.title == "上期回顧" }!
    XCTAssertEqual(state.anchor, layout.clamp(layout.anchor(of: state.document.outline[heading]), height: 23))
    XCTAssertEqual(state.history.count, 1)
    state = press(.backspace, on: state)
    XCTAssertEqual(state.anchor, before)
    XCTAssertEqual(selectedText(state), "上期回顧", "the followed link is selected again")
    XCTAssertEqual(press(.character("H"), on: state).message, "nothing to go back to")
  }

  func testEnterOnAFootnoteReferenceGoesToTheNoteAndBack() throws {
    let document = try MarkdownFixtures.document("footnotes-and-html.md")
    var state = press(
      .tab, .character("o"), on: ReaderState(document: document, size: TerminalSize(width: 40, height: 12)))
    state = press(.character("l"), on: state)
    XCTAssertEqual(selectedText(state), "[1]")
    XCTAssertTrue(statusLine(state).hasPrefix(" footnote [1]: 這裡的 n 指"), statusLine(state))
    state = press(.enter, on: state)
    let frame = FrameRenderer.render(state).description
    XCTAssertTrue(frame.contains("[1] 這裡的 n 指輸入的長度"), frame)
    state = press(.backspace, on: state)
    XCTAssertEqual(state.anchor, .top)
    XCTAssertEqual(selectedText(state), "[1]")
  }

  func testASelectedFootnoteShowsItsTextInTheScriptShownAndWhatEnterDoesWhereThereIsRoom() throws {
    let document = try MarkdownFixtures.document("footnotes-and-html.md")
    let wide = press(
      .tab, .character("o"), .character("l"),
      on: ReaderState(document: document, size: TerminalSize(width: 120, height: 12)))
    XCTAssertTrue(
      statusLine(wide).hasPrefix(" footnote [1]: 這裡的 n 指輸入的長度，見 Sipser 的教科書。 · Enter: go to the note "),
      statusLine(wide))
    var narrower = Reducer.reduce(wide, .resize(TerminalSize(width: 80, height: 12)))
    XCTAssertTrue(
      statusLine(narrower).hasPrefix(" footnote [1]: 這裡的 n 指輸入的長度，見 Sipser 的教科書。 "),
      "the note whole, the right part beside it: \(statusLine(narrower))")
    XCTAssertFalse(statusLine(narrower).contains("Enter"), statusLine(narrower))
    XCTAssertTrue(statusLine(narrower).hasSuffix(" Original  0%  body "), statusLine(narrower))
    narrower = press(.character("t"), .character("t"), on: narrower)
    XCTAssertEqual(narrower.setting.script, .simplified)
    XCTAssertTrue(statusLine(narrower).contains("这里的 n 指输入的长度，见 Sipser 的教科书。"), statusLine(narrower))
  }

  func testAFootnotesTextIsShownOnOneLineWithNothingOfItsControlsReachingTheScreen() {
    let source = "正文[^a]。\n\n[^a]: 第一行\u{1B}[31m紅字\u{07}\n    第二行\n\n    第二段\n"
    let document = MarkdownParser().parse(source, title: "notes.md")
    let state = press(
      .character("l"), on: ReaderState(document: document, size: TerminalSize(width: 100, height: 8)))
    let status = statusLine(state)
    XCTAssertTrue(
      status.hasPrefix(" footnote [1]: 第一行␛[31m紅字␇"), "controls drawn as their pictures: \(status)")
    XCTAssertTrue(status.contains("第二行 第二段"), "lines and paragraphs joined by a space: \(status)")
    XCTAssertFalse(status.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, status)
  }

  /// Where `text` starts on screen: its first cell's row and column.
  private func cell(of text: String, in state: ReaderState) -> (row: Int, column: Int)? {
    let frame = FrameRenderer.render(state)
    let wanted = text.map(String.init)
    for (row, cells) in frame.rows.enumerated() {
      let drawn = cells.enumerated().filter { $0.element.width > 0 }
      for start in drawn.indices where start + wanted.count <= drawn.count {
        if zip(drawn[start...], wanted).allSatisfy({ $0.0.element.text == $0.1 }) {
          return (row, drawn[start].offset)
        }
      }
    }
    return nil
  }

  func testAPressOnALinkSelectsItAndAPressOnTheSelectedLinkFollowsIt() throws {
    let document = try MarkdownFixtures.document("footnotes-and-html.md")
    var state = press(
      .tab, .character("o"), on: ReaderState(document: document, size: TerminalSize(width: 80, height: 24)))
    let mark = try XCTUnwrap(cell(of: "表示[1]", in: state))
    // 表 and 示 take two columns each: the reference starts four columns on.
    let reference = (row: mark.row, column: mark.column + 4)
    state = Reducer.reduce(
      state, .mouse(MouseEvent(.press, column: reference.column - 1, row: reference.row)))
    XCTAssertNil(state.selectedLink, "the right half of 示 is not the link")
    state = Reducer.reduce(
      state, .mouse(MouseEvent(.press, column: reference.column + 2, row: reference.row)))
    XCTAssertEqual(selectedText(state), "[1]")
    XCTAssertTrue(statusLine(state).hasPrefix(" footnote [1]: 這裡的 n 指"), statusLine(state))
    XCTAssertEqual(state.history.count, 0)
    state = Reducer.reduce(state, .mouse(MouseEvent(.press, column: reference.column, row: reference.row)))
    XCTAssertEqual(state.history.count, 1, "the second press followed the link, as Enter")
    XCTAssertTrue(FrameRenderer.render(state).description.contains("[1] 這裡的 n 指輸入的長度"))
    state = press(.backspace, on: state)
    XCTAssertEqual(selectedText(state), "[1]")
    state = Reducer.reduce(state, .mouse(MouseEvent(.press, column: mark.column, row: mark.row)))
    XCTAssertNil(state.selectedLink, "a press on the text around a link lets it go")
  }

  func testAFootnoteOfAMegabyteShowsItsStartCutAtTheEdge() {
    let note = String(repeating: "甲乙　丙丁 ", count: 100_000)
    let document = MarkdownParser().parse("正文[^long]。\n\n[^long]: \(note)\n", title: "long.md")
    let state = press(
      .character("l"), on: ReaderState(document: document, size: TerminalSize(width: 60, height: 8)))
    let status = statusLine(state)
    XCTAssertTrue(status.hasPrefix(" footnote [1]: 甲乙　丙丁 甲乙　丙丁 甲乙"), status)
    XCTAssertTrue(status.contains("…"), "cut where the line ends: \(status)")
    XCTAssertEqual(DisplayWidth.of(status), 60)
  }

  func testEnterOnARelativeFileLinkAsksTheRunLoopToOpenItAndBackReturnsToTheFirstDocument() throws {
    var state = press(.character("l"), .character("l"), .character("l"), on: try newsletter())
    state = press(.character("j"), on: state)
    XCTAssertEqual(selectedText(state), "中文排版指南", "still on screen after scrolling a line")
    let place = state.anchor
    state = press(.enter, on: state)
    XCTAssertEqual(state.effect, .openDocument(path: "/docs/weekly/guides/typesetting.md", fragment: nil))
    XCTAssertNil(press(.character("j"), on: state).effect, "an effect lasts one action")
    let guide = MarkdownParser().parse(
      try MarkdownFixtures.text("guides/typesetting.md"), title: "typesetting.md")
    state = Reducer.reduce(
      state, .opened(guide, location: "/docs/weekly/guides/typesetting.md", fragment: nil))
    XCTAssertEqual(state.document.title, "typesetting.md")
    XCTAssertEqual(state.location, "/docs/weekly/guides/typesetting.md")
    XCTAssertTrue(FrameRenderer.render(state).description.contains("回到週刊"))
    state = press(.character("l"), .enter, on: state)
    XCTAssertEqual(state.effect, .openDocument(path: "/docs/weekly/weekly-newsletter.md", fragment: nil))
    state = press(.backspace, on: state)
    XCTAssertEqual(state.document.title, "weekly-newsletter.md")
    XCTAssertEqual(state.location, "/docs/weekly/weekly-newsletter.md")
    XCTAssertEqual(state.anchor, place)
    XCTAssertEqual(selectedText(state), "中文排版指南")
  }

  func testAFileLinkWithAFragmentOpensAtThatHeading() throws {
    let guide = MarkdownParser().parse(try MarkdownFixtures.text("guides/typesetting.md"), title: "t.md")
    var state = try newsletter(width: 80, height: 5)
    state = Reducer.reduce(state, .opened(guide, location: "/x/t.md", fragment: "標點"))
    XCTAssertEqual(state.bodyLayout.lines(from: state.anchor, count: 1).first?.text, "標點")
    state = Reducer.reduce(state, .opened(guide, location: "/x/t.md", fragment: "missing"))
    XCTAssertEqual(state.message, "no heading #missing in t.md")
  }

  func testOtherLinksShowTheirAddressAndYCopiesIt() throws {
    var state = press(.character("l"), .enter, on: try newsletter())
    XCTAssertNil(state.effect)
    XCTAssertTrue(
      statusLine(state).hasPrefix(" → https://github.com/example/weekly  not a file to open he…"),
      statusLine(state))
    state = press(.character("y"), on: state)
    XCTAssertEqual(state.effect, .copyToClipboard("https://github.com/example/weekly"))
    XCTAssertEqual(press(.character("g"), .character("y"), on: try newsletter()).effect, nil)
  }

  func testTheClipboardNeverReceivesAControlCharacter() {
    XCTAssertEqual(
      LinkNavigation.clipboardText("https://e.com/\u{1B}]52;c;\u{7}x\u{9B}\u{202E}y\n"),
      "https://e.com/]52;c;xy")
    XCTAssertEqual(LinkNavigation.clipboardText(String(repeating: "a", count: 20_000)).count, 8192)
  }

  func testLinksInTableCellsAndListsAreSelectedWhereTheyAreDrawn() {
    let markdown = """
      | 工具 | 說明 |
      |---|---|
      | [ripgrep](https://github.com/BurntSushi/ripgrep) | 搜尋，見[文件](docs/rg.md) |

      - 項目 [fd](https://github.com/sharkdp/fd)
      """
    let document = MarkdownParser().parse(markdown, title: "t")
    var state = ReaderState(document: document, size: TerminalSize(width: 60, height: 10))
    state = press(.character("l"), on: state)
    XCTAssertEqual(selectedText(state), "ripgrep")
    state = press(.character("l"), on: state)
    XCTAssertEqual(selectedText(state), "文件")
    XCTAssertEqual(state.selectedLink?.target, .link("docs/rg.md"))
    state = press(.character("l"), on: state)
    XCTAssertEqual(selectedText(state), "fd")
    XCTAssertEqual(press(.character("l"), on: state).message, "no more links below")
  }

  func testLinksKeysAreInTheKeymapOnce() {
    XCTAssertEqual(Keymap.command(for: .character("l")), .nextLink)
    XCTAssertEqual(Keymap.command(for: .character("L")), .previousLink)
    XCTAssertEqual(Keymap.command(for: .backspace), .goBack)
    XCTAssertEqual(Keymap.command(for: .character("H")), .goBack)
    XCTAssertEqual(Keymap.command(for: .character("y")), .copyLink)
  }
}
