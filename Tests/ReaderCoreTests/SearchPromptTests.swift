import XCTest

@testable import ReaderCore

/// The search prompt as people use it in less and vim: line editing, history, Esc and Ctrl-C,
/// an empty pattern or `n` repeating the last search, smart case, an opt-in regular expression,
/// the body moving to the first match while typing, and clearing the highlights.
final class SearchPromptTests: XCTestCase {
  private func start() -> ReaderState {
    press(.tab, on: ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30)))
  }

  private func type(_ text: String, on state: ReaderState) -> ReaderState {
    text.reduce(state) { Reducer.reduce($0, .key(.character($1))) }
  }

  /// The state as the run loop leaves it: the index built, the results of the pattern handed over
  /// (on the key path for small literal searches, from the background otherwise).
  private func settled(_ state: ReaderState) -> ReaderState {
    guard let index = try? state.searchIndexes.index(for: state.setting) else { return state }
    var state = Reducer.reduce(state, .refreshSearch)
    if let search = state.search, search.results == nil {
      state = Reducer.reduce(state, .searchFinished(index.results(for: search.pattern)))
    }
    return state
  }

  private func search(_ text: String, on state: ReaderState) -> ReaderState {
    press(.enter, on: settled(type(text, on: press(.character("/"), on: state))))
  }

  private func status(_ state: ReaderState) -> String {
    FrameRenderer.render(state).text(ofRow: state.size.height - 1)
  }

  private func highlighted(_ state: ReaderState) -> [String] {
    FrameRenderer.render(state).rows.map { row in
      row.filter { $0.style.contains(.highlight) }.map(\.text).joined()
    }.filter { !$0.isEmpty }
  }

  private func visibleText(_ state: ReaderState) -> String {
    state.bodyLayout.lines(from: state.anchor, count: state.geometry.body.height).map(\.text).joined()
  }

  // MARK: line editing

  func testLeftRightHomeEndAndCtrlAEMoveTheCursorAndTypingGoesThere() {
    var state = type("OpenAI", on: press(.character("/"), on: start()))
    XCTAssertTrue(status(state).hasPrefix(" /OpenAI▏"), status(state))
    state = press(.left, .left, on: state)
    XCTAssertTrue(status(state).hasPrefix(" /Open▏AI"), status(state))
    state = type("x", on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "OpenxAI")
    state = press(.control("a"), on: state)
    XCTAssertEqual(state.searchPrompt?.line.cursor, 0)
    state = press(.left, on: state)
    XCTAssertEqual(state.searchPrompt?.line.cursor, 0, "Left at the start stays")
    state = type("「", on: state)
    state = press(.control("e"), on: state)
    XCTAssertEqual(state.searchPrompt?.line.cursor, 8)
    state = press(.right, on: state)
    XCTAssertEqual(state.searchPrompt?.line.cursor, 8, "Right at the end stays")
    state = press(.home, .right, on: state)
    XCTAssertEqual(state.searchPrompt?.line.cursor, 1)
    state = press(.end, on: state)
    XCTAssertEqual(state.searchPrompt?.line.cursor, 8)
    XCTAssertEqual(state.searchPrompt?.line.text, "「OpenxAI")
  }

  func testBackspaceCtrlWAndCtrlUDeleteBeforeTheCursor() {
    var state = type("open ai 發布會", on: press(.character("/"), on: start()))
    state = press(.control("w"), on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "open ai ", "Ctrl-W: the run of Han before the cursor")
    state = press(.control("w"), on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "open ", "then the blank and the word before it")
    state = type("a.b", on: state)
    state = press(.control("w"), on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "open a.", "punctuation is a word of its own")
    state = press(.left, .left, .backspace, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "opena.", "Backspace: the character before the cursor")
    state = press(.control("u"), on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "a.", "Ctrl-U: everything before the cursor")
    XCTAssertEqual(state.searchPrompt?.line.cursor, 0)
    state = press(.backspace, on: state)
    XCTAssertNotNil(state.searchPrompt, "Backspace at the start of a line that is not empty deletes nothing")
    state = press(.end, .backspace, .backspace, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "")
    state = press(.backspace, on: state)
    XCTAssertNil(state.searchPrompt, "Backspace on an empty line closes the prompt, as in less")
  }

  func testDeleteDeletesTheCharacterUnderTheCursorAndBackspaceTheOneBefore() {
    var state = type("董事會議", on: press(.character("/"), on: start()))
    state = press(.left, .left, .delete, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "董事議", "Delete: the character under the cursor")
    XCTAssertEqual(state.searchPrompt?.line.cursor, 2, "the cursor stays where it was")
    state = press(.backspace, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "董議", "Backspace: the character before it")
    XCTAssertEqual(state.searchPrompt?.line.cursor, 1)
    state = press(.end, .delete, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "董議", "nothing under the cursor at the end")
    state = press(.home, .delete, .delete, .delete, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "")
    XCTAssertNotNil(state.searchPrompt, "Delete on an empty line leaves the prompt open")
    let frame = FrameRenderer.render(
      press(.home, .delete, on: type("ab", on: press(.character("/"), on: start()))))
    let prompt = frame.text(ofRow: frame.height - 1)
    XCTAssertTrue(prompt.hasPrefix(" /▏b "), "the prompt shows what is left: \(prompt)")
  }

  func testKeysThatMoveOrQuitElsewhereAreTextOrEditingInThePrompt() {
    let state = type("qjk ?", on: press(.character("/"), on: start()))
    XCTAssertTrue(state.isRunning)
    XCTAssertNil(state.overlay)
    XCTAssertEqual(state.searchPrompt?.line.text, "qjk ?")
    XCTAssertEqual(press(.control("u"), on: state).anchor, state.anchor, "Ctrl-U edits, it does not scroll")
    let long = type(String(repeating: "長", count: 300), on: press(.character("/"), on: start()))
    XCTAssertEqual(long.searchPrompt?.line.count, SearchPattern.maximumLength)
    XCTAssertEqual(long.message, "a pattern is at most 256 characters")
  }

  // MARK: cancelling, repeating

  func testCtrlCAndEscCancelThePromptAndPutTheBodyBack() {
    let origin = press(.pageDown, on: start())
    for cancel in [Key.control("c"), .escape] {
      let typed = settled(type("結論", on: press(.character("/"), on: origin)))
      XCTAssertNotEqual(typed.anchor, origin.anchor, "the body moved to the match while typing")
      let cancelled = press(cancel, on: typed)
      XCTAssertNil(cancelled.searchPrompt)
      XCTAssertTrue(cancelled.isRunning, "Ctrl-C in the prompt cancels it, it does not quit")
      XCTAssertEqual(cancelled.anchor, origin.anchor)
      XCTAssertNil(cancelled.search)
      XCTAssertEqual(press(.character("n"), on: cancelled).message, "no search yet: press / to search")
    }
  }

  func testNAfterEscGoesOnWithTheLastSearch() {
    var state = search("发布", on: start())
    XCTAssertEqual(state.message, "match 1/9")
    state = settled(type("董事會", on: press(.character("/"), on: state)))
    XCTAssertEqual(state.search?.query, "董事會", "the typed pattern previews")
    state = press(.escape, on: state)
    XCTAssertEqual(state.search?.query, "发布")
    XCTAssertTrue(highlighted(state).contains("發布"), "the last search's highlights are back")
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.message, "match 2/9")
    state = press(.character("/"), .control("c"), .character("N"), on: state)
    XCTAssertEqual(state.message, "match 1/9")
  }

  func testAnEmptyPatternRepeatsTheLastSearch() {
    XCTAssertEqual(
      press(.character("/"), .enter, on: start()).message, "no search yet: type a pattern after /")
    var state = search("发布", on: start())
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.message, "match 2/9")
    state = press(.character("/"), on: state)
    XCTAssertTrue(status(state).contains("Enter: \"发布\" again"), status(state))
    state = press(.enter, on: state)
    XCTAssertEqual(state.message, "match 3/9", "/ Enter goes on like n")
    XCTAssertEqual(
      state.searchHistory.entries, [SearchPattern("发布")], "repeating adds nothing to the history")
  }

  // MARK: history

  func testUpAndDownRecallEarlierSearchesAndTheLineBeingTyped() {
    var state = start()
    for query in ["发布", "董事會", "Altman"] { state = search(query, on: state) }
    state = search("发布", on: state)
    XCTAssertEqual(state.searchHistory.entries.map(\.text), ["董事會", "Altman", "发布"], "repeats move up")
    state = type("ab", on: press(.character("/"), on: state))
    state = press(.up, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "发布")
    XCTAssertTrue(status(state).hasPrefix(" /发布▏"), "the cursor at the end of the recalled line")
    state = press(.up, .up, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "董事會")
    state = press(.up, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "董事會")
    XCTAssertEqual(state.message, "no earlier search")
    state = press(.down, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "Altman")
    state = press(.down, .down, on: state)
    XCTAssertEqual(state.searchPrompt?.line.text, "ab", "past the newest: the line typed before Up")
    state = press(.down, on: state)
    XCTAssertEqual(state.message, "no later search")
    state = press(.up, .up, .enter, on: settled(state))
    state = settled(state)
    XCTAssertEqual(state.search?.query, "Altman")
    XCTAssertEqual(state.searchHistory.entries.last, SearchPattern("Altman"))
    XCTAssertEqual(
      press(.character("/"), .up, on: start()).message, "no earlier search", "a fresh state has no history")
  }

  func testTheHistoryKeepsTheNewestFiftyAndMergesWithWhatWasSaved() {
    var history = SearchHistory(entries: (0..<60).map { SearchPattern("舊\($0)") })
    XCTAssertEqual(history.entries.count, SearchHistory.capacity)
    XCTAssertEqual(history.entries.first?.text, "舊10")
    history.record(SearchPattern("新", isRegex: true))
    history.record(SearchPattern("舊20"))
    XCTAssertEqual(history.entries.suffix(2), [SearchPattern("新", isRegex: true), SearchPattern("舊20")])
    XCTAssertEqual(history.entries.count, 50)
    let saved = [SearchPattern("另一個視窗"), SearchPattern("舊20")]
    XCTAssertEqual(
      history.merged(into: saved),
      [SearchPattern("另一個視窗"), SearchPattern("新", isRegex: true), SearchPattern("舊20")],
      "another session's patterns are kept, this session's are the newest")
    XCTAssertEqual(
      SearchHistory(entries: [SearchPattern(""), SearchPattern(String(repeating: "x", count: 999))]).entries,
      [])
  }

  // MARK: smart case, regular expressions

  func testSmartCase() {
    XCTAssertEqual(search("openai", on: start()).message, "match 1/44")
    XCTAssertEqual(search("OpenAI", on: start()).message, "match 1/44")
    XCTAssertEqual(search("OPENAI", on: start()).message, "no match for \"OPENAI\"")
    let typing = settled(type("OPENAI", on: press(.character("/"), on: start())))
    XCTAssertTrue(status(typing).contains("/OPENAI▏  no match"), status(typing))
  }

  func testCtrlRMakesThePatternARegularExpression() {
    var state = press(.character("/"), .control("r"), on: start())
    XCTAssertTrue(status(state).hasPrefix(" /re:▏"), status(state))
    state = settled(type("發[布佈]", on: state))
    XCTAssertEqual(state.search?.pattern, SearchPattern("發[布佈]", isRegex: true))
    XCTAssertTrue(status(state).contains("/re:發[布佈]▏  9 matches"), status(state))
    state = press(.enter, on: state)
    XCTAssertEqual(state.message, "match 1/9")
    XCTAssertTrue(highlighted(state).contains("發布"))
    state = press(.character("/"), .up, on: state)
    XCTAssertTrue(status(state).hasPrefix(" /re:發[布佈]▏"), "the history keeps that it was a regex")
    state = press(.control("r"), on: state)
    XCTAssertTrue(status(state).hasPrefix(" /發[布佈]▏"), "Ctrl-R again: literal text")
  }

  func testAnInvalidRegularExpressionSaysSoAndEnterKeepsThePromptOpen() {
    var state = settled(type("發(布", on: press(.character("/"), .control("r"), on: start())))
    XCTAssertTrue(status(state).contains("invalid regular expression"), status(state))
    state = press(.enter, on: state)
    XCTAssertNotNil(state.searchPrompt, "the pattern can be fixed")
    XCTAssertEqual(state.message?.hasPrefix("invalid regular expression"), true, state.message ?? "")
    state = settled(press(.left, .backspace, on: state))
    XCTAssertTrue(status(state).contains("/re:發▏布  9 matches"), status(state))
  }

  // MARK: the body follows the typing

  func testTheBodyMovesToTheFirstMatchWhileTypingAndTheCountShows() {
    let origin = start()
    XCTAssertFalse(visibleText(origin).contains("中國企業"))
    var state = type("中國企", on: press(.character("/"), on: origin))
    XCTAssertTrue(status(state).contains("searching…"), "no index yet: " + status(state))
    state = settled(state)
    XCTAssertTrue(visibleText(state).contains("中國企業"), "the body shows the first match")
    XCTAssertTrue(status(state).contains(" /中國企▏  "), status(state))
    XCTAssertTrue(status(state).contains(" match"), status(state))
    state = settled(press(.backspace, .backspace, .backspace, on: state))
    XCTAssertEqual(state.anchor, origin.anchor, "an empty line puts the body back")
    state = settled(type("发布", on: state))
    XCTAssertEqual(state.anchor, origin.anchor, "a match on the first screen leaves the body where it was")
    XCTAssertTrue(status(state).contains("9 matches"))
  }

  func testTheScanMovesTheBodyWhileTypingBeforeTheIndexIsBuilt() throws {
    var state = type("中國企", on: press(.character("/"), on: start()))
    let found = try FirstMatchScan.first(
      of: SearchPattern("中國企"), from: state.anchor, in: state.bodyLayout,
      blocks: { state.conversions.block($0, state.setting) }, normalizer: SearchNormalizer())
    XCTAssertNil(
      Reducer.reduce(state, .firstMatchFound(pattern: SearchPattern("中國"), found)).search?.firstFound)
    state = Reducer.reduce(state, .firstMatchFound(pattern: SearchPattern("中國企"), found))
    XCTAssertTrue(visibleText(state).contains("中國企業"))
    XCTAssertTrue(status(state).contains("counting…"), status(state))
    XCTAssertEqual(highlighted(state), ["中國企"])
    state = press(.enter, on: state)
    XCTAssertEqual(state.message, "match …/… (counting)")
    state = settled(state)
    XCTAssertEqual(state.message, "match 1/2")
  }

  func testALargeIndexIsNotSearchedOnTheKeyPath() throws {
    let words = String(repeating: "alpha beta gamma delta epsilon. ", count: 80_000)
    let document = MarkdownParser().parse("# 大\n\n" + words + "\n\nneedle", title: "large.md")
    var state = press(.tab, on: ReaderState(document: document, size: TerminalSize(width: 100, height: 30)))
    let index = try state.searchIndexes.index(for: state.setting)
    XCTAssertGreaterThan(index.normalizedByteCount, SearchNavigation.inlineSearchLimit)
    state = Reducer.reduce(type("needle", on: press(.character("/"), on: state)), .refreshSearch)
    XCTAssertNil(state.search?.results, "left to the background")
    state = Reducer.reduce(state, .searchFinished(index.results(for: SearchPattern("needle"))))
    XCTAssertEqual(state.search?.results?.count, 1)
    XCTAssertTrue(visibleText(state).contains("needle"))
    XCTAssertTrue(status(state).contains("1 match"), status(state))
  }

  // MARK: clearing the highlights, counts

  func testEscInThePanesClearsTheHighlightsUntilTheNextN() {
    XCTAssertEqual(press(.escape, on: start()).message, "nothing is highlighted")
    var state = search("发布", on: start())
    XCTAssertFalse(highlighted(state).isEmpty)
    state = press(.escape, on: state)
    XCTAssertEqual(highlighted(state), [])
    XCTAssertEqual(state.message, "highlights cleared (n and N show them again)")
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.message, "match 2/9")
    XCTAssertFalse(highlighted(state).isEmpty)
    let faction = press(.character("f"), on: start())
    if !faction.highlights.isEmpty {
      XCTAssertEqual(press(.escape, on: faction).highlights, [], "faction highlights go too")
    }
  }

  func testCountsAreGroupedAndSayOneMatch() {
    let match = SearchMatch(topIndex: 0, leafID: 0, offset: 0, length: 1)
    let many = SearchResults(query: "x", normalizedQuery: "x", matches: Array(repeating: match, count: 4_602))
    XCTAssertEqual(InterfaceText.matchCount(many.count).text(in: .english), "4,602 matches")
    XCTAssertEqual(InterfaceText.matchCount(many.count).text(in: .traditionalChinese), "4,602 筆符合")
    XCTAssertEqual(many.label(at: 2_000), "match 2,001/4,602")
    XCTAssertEqual(
      Message.match(index: 2_001, count: 4_602, wrapped: nil).text(in: .english), "match 2,001/4,602")
    XCTAssertEqual(InterfaceText.matchCount(1).text(in: .english), "1 match")
    XCTAssertEqual(InterfaceText.matchCount(0).text(in: .english), "no match")
    XCTAssertEqual(InterfaceText.matchCount(0).text(in: .simplifiedChinese), "没有匹配")
    XCTAssertEqual(SearchResults.grouped(1_234_567), "1,234,567")
    XCTAssertEqual(SearchResults.grouped(999), "999")
    let one = settled(type("整理說明", on: press(.character("/"), on: start())))
    XCTAssertTrue(status(one).contains("/整理說明▏  1 match"), status(one))
  }
}

extension SearchPromptTests {
  func testThePromptAndItsNotesSpeakChinese() throws {
    var state = press(
      .tab,
      on: ReaderState(
        document: Fixtures.article, size: TerminalSize(width: 100, height: 30), language: .traditionalChinese)
    )
    _ = try state.searchIndexes.index(for: state.setting)
    state = Reducer.reduce(type("发布", on: press(.character("/"), on: state)), .refreshSearch)
    XCTAssertTrue(status(state).contains("/发布▏  9 筆符合"), status(state))
    state = press(.enter, on: state)
    XCTAssertEqual(state.message, "符合 1/9")
    state = press(.character("/"), on: state)
    XCTAssertTrue(status(state).contains("Enter：再搜尋 「发布」"), status(state))
    state = press(.up, .up, on: state)
    XCTAssertEqual(state.message, "沒有更早的搜尋")
    state = press(.escape, .escape, on: state)
    XCTAssertEqual(state.message, "已清除標示（按 n 或 N 重新顯示）")
    state = Reducer.reduce(type("OPENAI", on: press(.character("/"), on: state)), .refreshSearch)
    state = press(.enter, on: state)
    XCTAssertEqual(state.message, "找不到 「OPENAI」")
  }
}
