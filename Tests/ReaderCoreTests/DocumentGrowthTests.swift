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

  func testTheStatusLineShowsLoadingProgress() {
    let state = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30)),
      .documentGrew(Fixtures.article, loading: 0.42))
    XCTAssertTrue(FrameRenderer.render(state).text(ofRow: 29).contains("loading 42%"))
  }
}
