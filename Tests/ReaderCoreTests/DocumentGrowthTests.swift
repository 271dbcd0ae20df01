import XCTest

@testable import ReaderCore

final class DocumentGrowthTests: XCTestCase {
  /// The first chunk is shown at once; later chunks arrive while the reader reads, and nothing on
  /// screen moves.
  func testAGrowingDocumentKeepsThePlaceAndGrowsTheOutline() {
    let bytes = Array(Fixtures.articleText.utf8)
    var parser = ChunkedParser(bytes: bytes, firstChunkSize: 2_000, chunkSize: 2_000)
    var document = Document(title: "t", blocks: parser.parseNextChunk() ?? [])
    let firstCount = document.outline.count
    var state = ReaderState(document: document, size: TerminalSize(width: 100, height: 30))
    state = Reducer.reduce(state, .key(.down))
    let anchor = state.anchor
    let top = state.bodyLayout.lines(from: anchor, count: 1).first?.text
    var steps = 0
    while let blocks = parser.parseNextChunk() {
      document.append(blocks)
      state = Reducer.reduce(
        state, .documentGrew(document, loading: parser.isFinished ? nil : parser.fractionParsed))
      XCTAssertEqual(state.anchor, anchor)
      XCTAssertEqual(state.bodyLayout.lines(from: state.anchor, count: 1).first?.text, top)
      steps += 1
    }
    XCTAssertGreaterThan(steps, 2)
    XCTAssertLessThan(firstCount, 13)
    XCTAssertEqual(state.document.outline.entries.map(\.title), OutlineTests.articleTitles)
    XCTAssertNil(state.loading)
    let frame = FrameRenderer.render(state)
    XCTAssertFalse(frame.text(ofRow: 29).contains("loading"))
  }

  /// Each chunk keeps what was laid out and converted (no rebuild per chunk), and what is shown
  /// is exactly what a reader opened on the whole document shows, in every script, at the end
  /// of the old last block (which gains the blank line after it) as anywhere else.
  func testAGrownDocumentShowsWhatTheWholeDocumentShows() {
    let bytes = Array(Fixtures.articleText.utf8)
    let size = TerminalSize(width: 90, height: 24)
    for script in DisplayScript.allCases {
      var parser = ChunkedParser(bytes: bytes, firstChunkSize: 1_500, chunkSize: 1_500)
      var document = Document(title: "t", blocks: parser.parseNextChunk() ?? [])
      var state = ReaderState(document: document, size: size, script: script)
      state = Reducer.reduce(state, .key(.tab))
      var steps = 0
      while let blocks = parser.parseNextChunk() {
        // Lay out and convert the old end first, so the grown caches hold it.
        state = Reducer.reduce(state, .key(.end))
        _ = FrameRenderer.render(state)
        let before = state.bodyLayout
        document.append(blocks)
        state = Reducer.reduce(state, .documentGrew(document, loading: parser.isFinished ? nil : 0.5))
        XCTAssertEqual(state.conversions.document.blocks.count, document.blocks.count)
        XCTAssertFalse(state.bodyLayout === before, "a new layout for the grown document")
        let whole = Reducer.reduce(
          Reducer.reduce(ReaderState(document: document, size: size, script: script), .key(.tab)),
          .command(.bottom))
        let atEnd = Reducer.reduce(state, .command(.bottom))
        XCTAssertEqual(
          FrameRenderer.render(atEnd).text(ofRow: 5), FrameRenderer.render(whole).text(ofRow: 5),
          "\(script), chunk \(steps)")
        for anchorLine in stride(from: 0, to: 200, by: 37) {
          let old = state.bodyLayout.move(.top, by: anchorLine)
          let fresh = ReaderState(document: document, size: size, script: script).bodyLayout
          XCTAssertEqual(
            state.bodyLayout.lines(from: old, count: 24), fresh.lines(from: old, count: 24),
            "\(script), chunk \(steps), line \(anchorLine)")
        }
        steps += 1
      }
      XCTAssertGreaterThan(steps, 5)
    }
  }

  func testTheStatusLineShowsLoadingProgress() {
    let state = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30)),
      .documentGrew(Fixtures.article, loading: 0.42))
    XCTAssertTrue(FrameRenderer.render(state).text(ofRow: 29).contains("loading 42%"))
  }
}
