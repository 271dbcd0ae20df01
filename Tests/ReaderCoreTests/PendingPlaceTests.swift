import XCTest

@testable import ReaderCore

/// A remembered place further in than a large document has loaded: the body goes there once the
/// document has grown to it, the reader can move first and stay, and quitting early loses nothing.
final class PendingPlaceTests: XCTestCase {
  private let size = TerminalSize(width: 100, height: 30)

  /// The article as a large document comes: its first chunk on screen, the wholes it grows to.
  private func growingArticle() -> (first: Document, grown: [Document]) {
    var parser = ChunkedParser(
      bytes: Array(Fixtures.articleText.utf8), firstChunkSize: 2_000, chunkSize: 2_000)
    var document = Document(title: "t", blocks: parser.parseNextChunk() ?? [])
    let first = document
    var grown: [Document] = []
    while let blocks = parser.parseNextChunk() {
      document.append(blocks)
      grown.append(document)
    }
    return (first, grown)
  }

  /// The state the viewer starts with: the first chunk, loading, and the remembered place handed
  /// to the reducer as the run loop does.
  private func opened(_ first: Document, restoring place: ReadingPosition) -> ReaderState {
    var state = ReaderState(document: first, size: size)
    state = Reducer.reduce(state, .documentGrew(first, loading: 0))
    return Reducer.reduce(state, .restore(place))
  }

  /// The remembered reading: the last section of the article, in Simplified, with mark `a` there.
  private func rememberedPlace() throws -> ReadingPosition {
    var whole = ReaderState(document: Fixtures.article, size: size)
    whole = Reducer.reduce(whole, .selectEntry(Fixtures.article.outline.count - 1))
    whole = press(.tab, .pageDown, .character("m"), .character("a"), on: whole)
    var place = try XCTUnwrap(ReadingPosition(state: whole))
    place.script = DisplayScript.simplified.rawValue
    return place
  }

  /// The top line a reader opened on the whole article at `place` sees, after `keys`.
  private func wholeTopLine(at place: ReadingPosition, after keys: Key...) throws -> String {
    let whole = Reducer.reduce(ReaderState(document: Fixtures.article, size: size), .restore(place))
    return try XCTUnwrap(topLine(of: keys.reduce(whole) { Reducer.reduce($0, .key($1)) }))
  }

  private func topLine(of state: ReaderState) -> String? {
    state.bodyLayout.lines(from: state.anchor, count: 1).first?.text
  }

  private func grow(_ state: ReaderState, through documents: [Document]) -> ReaderState {
    var state = state
    for (index, document) in documents.enumerated() {
      state = Reducer.reduce(
        state, .documentGrew(document, loading: index == documents.count - 1 ? nil : 0.5))
    }
    return state
  }

  private func statusLine(_ state: ReaderState) -> String {
    FrameRenderer.render(state).text(ofRow: size.height - 1)
  }

  func testThePlaceIsShownOnceTheDocumentHasGrownToIt() throws {
    let (first, grown) = growingArticle()
    let place = try rememberedPlace()
    XCTAssertGreaterThanOrEqual(place.block, first.blocks.count, "the place is past the first chunk")
    var state = opened(first, restoring: place)
    XCTAssertEqual(state.anchor, .top)
    XCTAssertEqual(state.pendingPlace, place)
    XCTAssertTrue(statusLine(state).contains("going back to where you left off…"), statusLine(state))
    XCTAssertEqual(state.setting.script, .simplified, "the script is restored at once")
    XCTAssertEqual(state.marks.keys.sorted(), ["a"], "and the marks")
    var reached = false
    for (index, document) in grown.enumerated() {
      state = Reducer.reduce(state, .documentGrew(document, loading: index == grown.count - 1 ? nil : 0.5))
      if !reached && place.block < document.blocks.count {
        reached = true
        XCTAssertNil(state.pendingPlace)
        XCTAssertTrue(statusLine(state).contains("resumed at"), statusLine(state))
      }
    }
    XCTAssertTrue(reached)
    XCTAssertEqual(topLine(of: state), try wholeTopLine(at: place))
    XCTAssertNotEqual(
      topLine(of: state), try wholeTopLine(at: place, after: .character("t")), "shown Simplified")
  }

  /// The article read before in the same chunks (as the viewer reads a file each time), the
  /// body moved by `keys`.
  private func readBefore(_ grown: [Document], _ keys: Key...) throws -> ReaderState {
    keys.reduce(ReaderState(document: try XCTUnwrap(grown.last), size: size)) { Reducer.reduce($0, .key($1)) }
  }

  /// A place inside the first chunk is shown at once; the share `resumed at` gives is of the
  /// whole as it grows (the one the status line's right end gives), not of the first chunk.
  func testTheResumedShareIsOfTheWholeDocument() throws {
    let (first, grown) = growingArticle()
    let reading = try readBefore(grown, .tab, .down, .down, .down)
    let place = try XCTUnwrap(ReadingPosition(state: reading))
    var state = opened(first, restoring: place)
    XCTAssertNil(state.pendingPlace, "shown at once")
    XCTAssertGreaterThan(
      PlaceNavigation.percent(state), PlaceNavigation.percent(reading), "of the first chunk")
    state = grow(state, through: grown)
    XCTAssertEqual(topLine(of: state), topLine(of: reading))
    let whole = PlaceNavigation.percent(reading)
    XCTAssertTrue(statusLine(state).contains("resumed at \(whole)%"), statusLine(state))
    XCTAssertTrue(statusLine(state).hasSuffix("  \(whole)%  body "), statusLine(state))
  }

  /// A place in the last screen of the first chunk is not pulled up to fill that screen (and
  /// left there as the document grows): it waits for the text after it.
  func testAPlaceInTheFirstChunksLastScreenWaitsForTheTextAfterIt() throws {
    let (first, grown) = growingArticle()
    let reading = try readBefore(grown, .tab, .pageDown)
    let place = try XCTUnwrap(ReadingPosition(state: reading))
    XCTAssertLessThan(place.block, first.blocks.count, "the place is in the first chunk")
    var state = opened(first, restoring: place)
    XCTAssertNotNil(state.pendingPlace)
    XCTAssertTrue(statusLine(state).contains("going back to where you left off…"), statusLine(state))
    state = grow(state, through: grown)
    XCTAssertEqual(topLine(of: state), topLine(of: reading))
    XCTAssertTrue(
      statusLine(state).contains("resumed at \(PlaceNavigation.percent(reading))%"), statusLine(state))
  }

  func testMovingBeforeThePlaceLoadsKeepsTheReaderWhereTheyWent() throws {
    let (first, grown) = growingArticle()
    let place = try rememberedPlace()
    var state = press(.tab, .pageDown, on: opened(first, restoring: place))
    let chosen = try XCTUnwrap(topLine(of: state))
    XCTAssertNil(state.pendingPlace)
    XCTAssertFalse(statusLine(state).contains("going back"), statusLine(state))
    state = grow(state, through: grown)
    XCTAssertEqual(topLine(of: state), chosen)
    XCTAssertFalse(statusLine(state).contains("resumed at"), statusLine(state))
    let saved = try XCTUnwrap(ReadingPosition(state: state))
    XCTAssertEqual(saved.block, state.anchor.block, "where the reader went is remembered")
    XCTAssertEqual(saved.marks.keys.sorted(), ["a"], "with the remembered marks")
  }

  func testTogglingTheScriptWhileLoadingStillGoesBack() throws {
    let (first, grown) = growingArticle()
    let place = try rememberedPlace()
    var state = press(.character("t"), on: opened(first, restoring: place))
    XCTAssertEqual(state.pendingPlace, place, "a toggle keeps the same text at the top")
    state = grow(state, through: grown)
    XCTAssertNil(state.pendingPlace)
    XCTAssertEqual(state.setting.script, .original, "the toggle is kept, not the remembered script")
    XCTAssertEqual(topLine(of: state), try wholeTopLine(at: place, after: .character("t")))
  }

  /// Quitting (or `:n`) before the document loads remembers the place it had, its marks and a
  /// mark made meanwhile, not the top of the first chunk.
  func testQuittingBeforeThePlaceLoadsRemembersIt() throws {
    let (first, _) = growingArticle()
    let place = try rememberedPlace()
    let state = press(.character("m"), .character("b"), on: opened(first, restoring: place))
    let saved = try XCTUnwrap(ReadingPosition(state: state))
    XCTAssertEqual(saved.position, place.position)
    XCTAssertEqual(saved.displayScript, .simplified)
    XCTAssertEqual(saved.marks.keys.sorted(), ["a", "b"])
  }

  /// The place learnt after the reader has moved (its key comes with the background parse) is
  /// not jumped to; its marks are kept, and a mark of the same letter made meanwhile wins.
  func testAPlaceLearntAfterTheReaderMovedIsNotJumpedTo() throws {
    let (first, grown) = growingArticle()
    let place = try rememberedPlace()
    var state = ReaderState(document: first, size: size)
    state = Reducer.reduce(state, .documentGrew(first, loading: 0))
    state = press(.tab, .pageDown, .character("m"), .character("a"), on: state)
    let chosen = state.anchor
    let madeMark = try XCTUnwrap(state.marks["a"])
    state = Reducer.reduce(state, .restore(place))
    state = grow(state, through: grown)
    XCTAssertEqual(state.anchor, chosen)
    XCTAssertEqual(state.setting.script, .original)
    XCTAssertEqual(state.marks["a"], madeMark)
  }
}
