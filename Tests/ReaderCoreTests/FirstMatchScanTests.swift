import XCTest

@testable import ReaderCore

/// Enter shows the first match after the top of the body before the whole document's index
/// exists; the count fills in behind it.
final class FirstMatchScanTests: XCTestCase {
  private func start() -> ReaderState {
    Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30)), .key(.tab))
  }

  private func scan(_ query: String, _ state: ReaderState) throws -> FirstMatchScan.Found? {
    try FirstMatchScan.first(
      of: query, from: state.anchor, in: state.bodyLayout,
      blocks: { state.conversions.block($0, state.setting) }, normalizer: SearchNormalizer())
  }

  func testTheScanFindsTheMatchTheFullSearchGoesTo() throws {
    var state = start()
    let index = try state.searchIndexes.index(for: state.setting)
    for query in ["发布", "Altman", "董事會", "OpenAI 的"] {
      let results = index.results(for: query)
      for _ in 0..<12 {
        let expected = results.firstMatch(atOrAfter: state.anchor, in: state.bodyLayout)
        let found = try scan(query, state)
        XCTAssertEqual(found?.match, expected?.match, "\(query) from \(state.anchor)")
        XCTAssertEqual(found?.wrapped, expected?.wrapped, "\(query) from \(state.anchor)")
        state = press(.pageDown, .pageDown, .pageDown, on: state)
      }
      state = press(.home, on: state)
    }
    XCTAssertNil(try scan("沒有這個詞", state))
  }

  func testEnterShowsTheFirstMatchThenItsPlaceInTheCount() throws {
    var state = press(.pageDown, .pageDown, .pageDown, on: start())
    state = press(.character("/"), on: state)
    for character in "发布" { state = Reducer.reduce(state, .key(.character(character))) }
    state = press(.enter, on: state)
    XCTAssertEqual(state.message, "searching…")
    let found = try XCTUnwrap(try scan("发布", state))
    state = Reducer.reduce(state, .firstMatchFound(pattern: SearchPattern("发布"), found))
    XCTAssertEqual(state.message, "match …/… (counting)")
    let frame = FrameRenderer.render(state)
    let highlighted = frame.rows.map { $0.filter { $0.style.contains(.highlight) }.map(\.text).joined() }
    XCTAssertEqual(highlighted.filter { !$0.isEmpty }, ["發布"], "the match is on screen, highlighted")
    XCTAssertEqual(press(.character("n"), on: state).message, "searching…", "n looks for the next one")
    _ = try state.searchIndexes.index(for: state.setting)
    state = Reducer.reduce(state, .refreshSearch)
    let results = try XCTUnwrap(state.search?.results)
    let position = try XCTUnwrap(results.matches.firstIndex(of: found.match))
    XCTAssertGreaterThan(position, 0, "the match after the top of the body, not the document's first")
    XCTAssertEqual(state.message, "match \(position + 1)/9")
    XCTAssertEqual(press(.character("n"), on: state).message, "match \(position + 2)/9")
  }

  func testAnAnswerForAnEarlierQueryIsIgnoredAndNoMatchSaysSo() throws {
    var state = press(.character("/"), .character("x"), .character("y"), .enter, on: start())
    let stale = FirstMatchScan.Found(
      match: SearchMatch(topIndex: 3, leafID: 3, offset: 0, length: 1), wrapped: false)
    XCTAssertNil(
      Reducer.reduce(state, .firstMatchFound(pattern: SearchPattern("x"), stale)).search?.firstFound)
    state = Reducer.reduce(state, .firstMatchFound(pattern: SearchPattern("xy"), nil))
    XCTAssertEqual(state.message, "no match for \"xy\"")
  }

  private func step(_ state: ReaderState) throws -> FirstMatchScan.Found? {
    let search = try XCTUnwrap(state.search)
    let step = try XCTUnwrap(search.awaitsStep, "n or N asked for a scan")
    return try FirstMatchScan.next(
      search.pattern, after: step, in: state.bodyLayout,
      blocks: { state.conversions.block($0, state.setting) },
      normalizer: SearchNormalizer())
  }

  func testTheStepScanGoesWhereTheFullSearchSteps() throws {
    let state = start()
    let index = try state.searchIndexes.index(for: state.setting)
    for query in ["发布", "Altman", "董事會", "OpenAI 的", "引言"] {
      let results = index.results(for: query)
      XCTAssertFalse(results.matches.isEmpty, query)
      for (position, match) in results.matches.enumerated() {
        for forward in [true, false] {
          let expected = forward ? results.match(after: position) : results.match(before: position)
          let found = try FirstMatchScan.next(
            SearchPattern(query), after: FirstMatchScan.Step(from: match, forward: forward),
            in: state.bodyLayout,
            blocks: { state.conversions.block($0, state.setting) }, normalizer: SearchNormalizer())
          XCTAssertEqual(found?.match, expected?.match, "\(query) #\(position) forward \(forward)")
          XCTAssertEqual(found?.wrapped, expected?.wrapped, "\(query) #\(position) forward \(forward)")
        }
      }
    }
  }

  /// Three pages down, 发布 searched for before the index exists, and its first match shown.
  private func firstMatchShown() throws -> (ReaderState, FirstMatchScan.Found) {
    var state = press(.pageDown, .pageDown, .pageDown, on: start())
    state = press(.character("/"), on: state)
    for character in "发布" { state = Reducer.reduce(state, .key(.character(character))) }
    state = press(.enter, on: state)
    let first = try XCTUnwrap(try scan("发布", state))
    return (Reducer.reduce(state, .firstMatchFound(pattern: SearchPattern("发布"), first)), first)
  }

  func testNAndShiftNBeforeTheCountGoOnFromTheMatchShown() throws {
    var (state, first) = try firstMatchShown()
    state = press(.character("n"), on: state)
    XCTAssertEqual(state.search?.awaitsStep, FirstMatchScan.Step(from: first.match, forward: true))
    let second = try XCTUnwrap(try step(state))
    XCTAssertNotEqual(second.match, first.match)
    // An answer for another step (an N typed since) changes nothing.
    let stale = Reducer.reduce(
      state,
      .matchStepFound(
        pattern: SearchPattern("发布"), step: FirstMatchScan.Step(from: first.match, forward: false), second))
    XCTAssertEqual(stale.search?.firstFound, first)
    state = Reducer.reduce(
      state,
      .matchStepFound(pattern: SearchPattern("发布"), step: try XCTUnwrap(state.search?.awaitsStep), second))
    XCTAssertNil(state.search?.awaitsStep)
    XCTAssertEqual(state.search?.firstFound, second)
    XCTAssertTrue(state.message?.hasPrefix("match …/… (counting)") == true, state.message ?? "")
    let frame = FrameRenderer.render(state)
    let highlighted = frame.rows.map { $0.filter { $0.style.contains(.highlight) }.map(\.text).joined() }
    XCTAssertTrue(highlighted.contains("發布"), "the second match is on screen, highlighted")
    // N goes back to the first.
    state = press(.character("N"), on: state)
    let back = try XCTUnwrap(try step(state))
    XCTAssertEqual(back.match, first.match)
    state = Reducer.reduce(
      state,
      .matchStepFound(pattern: SearchPattern("发布"), step: try XCTUnwrap(state.search?.awaitsStep), back))
    // The count finds the match shown in its place.
    _ = try state.searchIndexes.index(for: state.setting)
    state = Reducer.reduce(state, .refreshSearch)
    let results = try XCTUnwrap(state.search?.results)
    let position = try XCTUnwrap(results.matches.firstIndex(of: first.match))
    XCTAssertEqual(state.message, "match \(position + 1)/9")
  }

  func testAStepStillLookedForWhenTheCountComesIsTakenFromTheCount() throws {
    var (state, first) = try firstMatchShown()
    state = press(.character("n"), on: state)
    _ = try state.searchIndexes.index(for: state.setting)
    state = Reducer.reduce(state, .refreshSearch)
    let results = try XCTUnwrap(state.search?.results)
    let position = try XCTUnwrap(results.matches.firstIndex(of: first.match))
    XCTAssertEqual(state.message, "match \(position + 2)/9", "the n typed before the count")
    XCTAssertEqual(state.search?.current, position + 1)
    XCTAssertNil(state.search?.awaitsStep)
  }
}
