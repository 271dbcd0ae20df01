import XCTest

@testable import ReaderCore

/// The faction panel while the document still loads: counts so far, marked so, that go on from
/// chunk to chunk and end where counting the whole document at once ends.
final class FactionGrowthTests: XCTestCase {
  private let size = TerminalSize(width: 100, height: 30)

  private func rows(_ state: ReaderState) -> [String] {
    let frame = FrameRenderer.render(state)
    return (0..<frame.height).map { frame.text(ofRow: $0) }
  }

  private func panel(_ state: ReaderState) -> String {
    rows(press(.character("F"), on: state)).joined(separator: "\n")
  }

  /// A reader on the bundled article's first chunk, loading the rest from `parser`.
  private func loading(
    script: DisplayScript = .original, firstChunk: Int, chunk: Int
  ) -> (ReaderState, ChunkedParser, Document) {
    var parser = ChunkedParser(
      bytes: Array(Fixtures.articleText.utf8), firstChunkSize: firstChunk, chunkSize: chunk)
    let document = Document(title: Fixtures.article.title, blocks: parser.parseNextChunk() ?? [])
    let state = ReaderState(document: document, size: size, script: script)
    return (Reducer.reduce(state, .documentGrew(document, loading: 0)), parser, document)
  }

  func testThePanelOfADocumentGrownByChunksShowsWhatTheWholeDocumentShows() throws {
    for script in DisplayScript.allCases {
      var (state, parser, document) = loading(script: script, firstChunk: 700, chunk: 700)
      var steps = 0
      while let blocks = parser.parseNextChunk() {
        // Counted as the viewer's background thread counts: each time, the blocks that came since.
        state.factions.prepare(state.setting)
        document.append(blocks)
        state = Reducer.reduce(
          state, .documentGrew(document, loading: parser.isFinished ? nil : parser.fractionParsed))
        steps += 1
      }
      state.factions.prepare(state.setting)
      XCTAssertGreaterThan(steps, 5)
      XCTAssertEqual(document.blocks, Fixtures.article.blocks, "the chunks make the whole document")
      let whole = ReaderState(document: Fixtures.article, size: size, script: script)
      whole.factions.prepare(whole.setting)
      XCTAssertEqual(panel(state), panel(whole), "\(script)")
      for faction in 0..<2 {
        let grown = try XCTUnwrap(state.factions.countedMentions(of: faction, state.setting))
        XCTAssertEqual(grown, whole.factions.countedMentions(of: faction, whole.setting), "\(script)")
      }
      if script != .simplified {
        XCTAssertTrue(panel(state).contains("Sam Altman  26 mentions"), panel(state))
        XCTAssertTrue(panel(state).contains("Ilya Sutskever  8 mentions"), panel(state))
      }
    }
  }

  func testWhileTheDocumentLoadsThePanelShowsTheCountsSoFarAndFillsThemIn() {
    var (state, parser, document) = loading(firstChunk: 300, chunk: 2_500)
    state.factions.prepare(state.setting)
    // The summary list is not in the first chunk: it may come later, so the panel says it is looking.
    XCTAssertTrue(panel(state).contains("finding the faction summary…"), panel(state))
    XCTAssertEqual(press(.character("f"), on: state).message, "finding the faction summary…")
    let opened = press(.character("F"), on: state)
    XCTAssertNotNil(opened.overlay)
    var partial: [String] = []
    var mentionKey: [String?] = []
    while let blocks = parser.parseNextChunk() {
      document.append(blocks)
      state = Reducer.reduce(
        state, .documentGrew(document, loading: parser.isFinished ? nil : parser.fractionParsed))
      state.factions.prepare(state.setting)
      guard !parser.isFinished else { continue }
      partial += rows(press(.character("F"), on: state)).filter { $0.contains("Sam Altman  ") }
      mentionKey.append(press(.character("M"), on: state).message)
    }
    let counting = partial.filter { $0.contains("so far, counting…") }
    XCTAssertFalse(counting.isEmpty, partial.joined(separator: "\n"))
    for row in counting {
      let count = row.components(separatedBy: "Sam Altman  ")[1].split(separator: " ")[0]
      XCTAssertLessThan(Int(count) ?? 99, 26, row)
    }
    XCTAssertTrue(mentionKey.contains("counting the mentions of Sam Altman…"), "m waits for the whole count")
    let done = panel(state)
    XCTAssertTrue(done.contains("Sam Altman  26 mentions"), done)
    XCTAssertFalse(done.contains("counting"), done)
    XCTAssertEqual(press(.character("M"), on: state).message, "Sam Altman: mention 1/26")
  }

  func testTheOpenPanelFillsInAsTheBackgroundCountCommits() {
    var (state, parser, document) = loading(firstChunk: 300, chunk: 100_000)
    let blocks = parser.parseNextChunk() ?? []
    document.append(blocks)
    state = Reducer.reduce(state, .documentGrew(document, loading: nil))
    let open = press(.character("F"), on: state)
    XCTAssertTrue(rows(open).joined().contains("finding the faction summary…"))
    _ = state.factions.summary
    XCTAssertTrue(rows(open).joined().contains("Sam Altman  counting mentions…"))
    state.factions.prepare(state.setting)
    XCTAssertTrue(rows(open).joined().contains("Sam Altman  26 mentions"), "the same open panel, redrawn")
    XCTAssertFalse(state.factions.needsPreparing(state.setting), "nothing is counted twice")
  }
}
