import XCTest

@testable import ReaderCore

final class SearchNavigationTests: XCTestCase {
  private func type(_ text: String, on start: ReaderState) -> ReaderState {
    text.reduce(start) { Reducer.reduce($0, .key(.character($1))) }
  }

  /// The state as the run loop leaves it: the index built, the pending query run.
  private func indexed(_ state: ReaderState) -> ReaderState {
    _ = try? state.searchIndexes.index(for: state.setting)
    return Reducer.reduce(state, .refreshSearch)
  }

  private func start() -> ReaderState {
    ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30))
  }

  private func highlighted(_ state: ReaderState) -> [String] {
    let frame = FrameRenderer.render(state)
    return frame.rows.map { row in row.filter { $0.style.contains(.highlight) }.map(\.text).joined() }
      .filter { !$0.isEmpty }
  }

  func testSimplifiedQueryFindsTraditionalTextAndHighlightsAsYouType() {
    var state = indexed(type("发布", on: press(.character("/"), on: start())))
    XCTAssertNotNil(state.searchPrompt)
    XCTAssertEqual(state.search?.results?.count, 9)
    XCTAssertTrue(FrameRenderer.render(state).text(ofRow: 29).contains("/发布"))
    XCTAssertTrue(highlighted(state).contains("發布"), "matches highlight while typing")
    state = press(.enter, on: state)
    XCTAssertNil(state.searchPrompt)
    XCTAssertEqual(state.message, "match 1/9")
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.message, "match 2/9")
    let visible = state.bodyLayout.lines(from: state.anchor, count: state.geometry.body.height).map(\.text)
    XCTAssertTrue(visible.joined().contains("發布"), "the body shows the match")
    state = press(.character("N"), .character("N"), on: state)
    XCTAssertEqual(state.message, "match 9/9 (wrapped to the bottom)")
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.message, "match 1/9 (wrapped to the top)")
  }

  /// At 40 columns the count of `match 3/1,100` stays: the title and the right part give way.
  func testTheMatchCountStaysOnTheStatusLineAt40Columns() {
    let text = Array(repeating: Fixtures.articleText, count: 25).joined(separator: "\n\n")
    let long = MarkdownParser().parse(text, title: "openai-turmoil-collected-edition.md")
    let opened = ReaderState(document: long, size: TerminalSize(width: 40, height: 12))
    var state = indexed(type("OpenAI", on: press(.character("/"), on: opened)))
    let count = state.search?.results?.count ?? 0
    XCTAssertGreaterThan(count, 1_000, "a count with a thousands separator")
    let typing = FrameRenderer.render(state)
    XCTAssertTrue(
      typing.text(ofRow: 11).contains("\(SearchResults.grouped(count)) matches"),
      "the prompt's count: \(typing.text(ofRow: 11))")
    state = press(.enter, .character("n"), .character("n"), on: state)
    XCTAssertEqual(state.message, "match 3/\(SearchResults.grouped(count))")
    let frame = FrameRenderer.render(state)
    XCTAssertTrue(
      frame.text(ofRow: 11).contains("match 3/\(SearchResults.grouped(count))"), frame.text(ofRow: 11))
    assertSnapshot(frame.description, named: "search-count-40x12")
  }

  func testTraditionalQueryFindsSimplifiedTextInAnyDisplayedScript() {
    var state = indexed(type("產品發布", on: press(.character("/"), on: start())))
    XCTAssertEqual(state.search?.results?.count, 2, "產品發布 and the Simplified 产品发布")
    state = press(.enter, on: state)
    for _ in 0..<2 where !highlighted(state).contains("产品发布") {
      state = press(.character("n"), on: state)
    }
    XCTAssertTrue(highlighted(state).contains("产品发布"), "the Simplified text is found and shown")
    state = indexed(press(.character("t"), .character("t"), on: state))
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.search?.results?.count, 2, "the same matches in the Simplified view")
    XCTAssertTrue(highlighted(state).contains("产品发布"))
  }

  func testPromptEditingBackspaceAndEscape() {
    var state = type("OpenAIx", on: press(.character("/"), on: start()))
    state = press(.backspace, on: state)
    XCTAssertEqual(state.search?.query, "OpenAI")
    state = press(.escape, on: state)
    XCTAssertNil(state.search)
    XCTAssertEqual(press(.character("n"), on: state).message, "no search yet: press / to search")
    state = indexed(type("zzzz", on: press(.character("/"), on: state)))
    XCTAssertEqual(press(.enter, on: state).message, "no match for \"zzzz\"")
    let quit = press(.character("q"), on: press(.character("/"), on: start()))
    XCTAssertTrue(quit.isRunning, "q is typed into the prompt, not a quit")
    XCTAssertEqual(quit.search?.query, "q")
  }

  func testMouseWheelScrollsThePaneUnderThePointerAndAClickJumps() {
    var state = start()
    let body = state.geometry.body
    state = Reducer.reduce(state, .mouse(MouseEvent(.wheelDown, column: body.x + 5, row: 3)))
    XCTAssertEqual(state.anchor, state.bodyLayout.move(.top, by: 3))
    state = Reducer.reduce(state, .mouse(MouseEvent(.wheelUp, column: body.x + 5, row: 3)))
    XCTAssertEqual(state.anchor, .top)
    state = Reducer.reduce(state, .mouse(MouseEvent(.press, column: 3, row: 6)))
    XCTAssertEqual(state.selection, 6)
    XCTAssertEqual(state.focus, .outline)
    XCTAssertEqual(state.bodyLayout.lines(from: state.anchor, count: 1).first?.text, "ChatGPT 的倉促推出與後續問題")
    state = Reducer.reduce(state, .mouse(MouseEvent(.press, column: body.x + 2, row: 10)))
    XCTAssertEqual(state.focus, .body)
    let small = ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 8))
    let scrolled = Reducer.reduce(small, .mouse(MouseEvent(.wheelDown, column: 2, row: 1)))
    XCTAssertEqual(scrolled.outlineTop, 3, "the wheel over the outline scrolls the outline")
    XCTAssertEqual(scrolled.anchor, .top)
  }
}
