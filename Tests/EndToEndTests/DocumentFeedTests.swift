import Foundation
import ReaderCore
import XCTest

@testable import reader

/// A file read again while it is still being parsed in the background: what the reader ends up
/// looking at is the new file, at the same place, never a late copy of the old one.
final class DocumentFeedTests: XCTestCase {
  /// Markdown of `count` sections headed `## <word>第N節`, about 1.1 KB each.
  private func markdown(sections count: Int, word: String) -> [UInt8] {
    let paragraph = String(repeating: "這一節寫得很長，為了讓文件分成好幾塊來解析。", count: 8)
    return Array((1...count).map { "## \(word)第\($0)節\n\n\(paragraph)\n\n\(paragraph)\n\n" }.joined().utf8)
  }

  private func titles(_ state: ReaderState, containing word: String) -> Int {
    state.document.outline.entries.filter { $0.title.contains(word) }.count
  }

  private func topLine(_ state: ReaderState) -> String {
    state.bodyLayout.lines(from: state.anchor, count: 1).first?.text ?? ""
  }

  /// Applies what the feed makes until the document on screen is whole, checking each state.
  private func drain(
    _ feed: inout DocumentFeed, _ state: ReaderState, check: (ReaderState) -> Void = { _ in }
  ) -> ReaderState {
    var state = state
    let deadline = Date().addingTimeInterval(120)
    while !feed.isFinished && Date() < deadline {
      if let next = feed.update(state) {
        state = next
        check(state)
      } else {
        usleep(1_000)
      }
    }
    XCTAssertTrue(feed.isFinished, "the background parse never finished")
    return state
  }

  func testAReloadDuringTheImportEndsWithTheNewFileOnly() throws {
    let (oldFirst, oldRest) = BackgroundParse.start(
      bytes: markdown(sections: 4_000, word: "舊稿"), title: "稿.md")
    let old = try XCTUnwrap(oldRest, "large enough to parse in the background")
    var feed = DocumentFeed(growing: old)
    var state = ReaderState(document: oldFirst, size: TerminalSize(width: 80, height: 24))
    old.begin()
    // One chunk of the old file arrived; the thread goes on with the next ones.
    while feed.update(state).map({ state = $0 }) == nil { usleep(1_000) }
    XCTAssertGreaterThan(titles(state, containing: "舊稿"), 0)
    let newBytes = markdown(sections: 3_000, word: "新稿")
    let (newFirst, newRest) = BackgroundParse.start(bytes: newBytes, title: "稿.md")
    state = feed.reload(newFirst, rest: newRest, on: state)
    XCTAssertEqual(titles(state, containing: "舊稿"), 0, "the first part of the new file is shown at once")
    XCTAssertNotNil(state.loading, "the rest is still loading")
    state = drain(&feed, state) { shown in
      XCTAssertEqual(self.titles(shown, containing: "舊稿"), 0, "a late copy of the old file was shown")
    }
    XCTAssertEqual(titles(state, containing: "新稿"), 3_000, "the whole new file")
    XCTAssertEqual(
      state.document.blocks.count,
      MarkdownParser().parse(String(decoding: newBytes, as: UTF8.self), title: "稿.md").blocks.count)
    XCTAssertNil(state.loading)
    XCTAssertNil(old.take(), "the old parse publishes nothing any more")
  }

  func testAReloadKeepsThePlaceAndTheOldTextUntilTheNewOneReachesIt() throws {
    let (first, rest) = BackgroundParse.start(bytes: markdown(sections: 3_000, word: "舊稿"), title: "稿.md")
    var feed = DocumentFeed(growing: rest)
    rest?.begin()
    var state = drain(&feed, ReaderState(document: first, size: TerminalSize(width: 80, height: 24)))
    state = Reducer.reduce(state, .command(.bottom))
    for _ in 0..<40 { state = Reducer.reduce(state, .command(.pageUp)) }
    state = Reducer.reduce(state, .command(.nextHeading))
    let place = topLine(state)
    XCTAssertTrue(place.contains("舊稿第"), "at a heading near the end: \(place)")
    let shownBefore = state.document.blocks.count
    // Rewritten twice in a row: the second reading wins, the first one's parse is dropped.
    for word in ["改稿", "新稿"] {
      let (newFirst, newRest) = BackgroundParse.start(
        bytes: markdown(sections: 3_000, word: word), title: "稿.md")
      state = feed.reload(newFirst, rest: newRest, on: state)
      XCTAssertEqual(
        state.document.blocks.count, shownBefore, "the place is not in the first part: the old text stays")
      XCTAssertEqual(topLine(state), place)
    }
    state = drain(&feed, state) { shown in
      XCTAssertEqual(self.titles(shown, containing: "改稿"), 0, "the first reload's copy was shown")
      XCTAssertEqual(self.titles(shown, containing: "舊稿"), 0, "the old file came back")
    }
    XCTAssertEqual(titles(state, containing: "新稿"), 3_000)
    XCTAssertEqual(topLine(state), place.replacingOccurrences(of: "舊稿", with: "新稿"), "the same place")
    XCTAssertEqual(state.statusMessage, .reloaded)
  }

  func testASmallFileReadAgainIsShownAtOnce() {
    var feed = DocumentFeed(growing: nil)
    let state = ReaderState(
      document: MarkdownParser().parse(
        String(decoding: markdown(sections: 3, word: "舊稿"), as: UTF8.self), title: "稿.md"),
      size: TerminalSize(width: 80, height: 24))
    let shown = feed.reload(
      MarkdownParser().parse(
        String(decoding: markdown(sections: 2, word: "新稿"), as: UTF8.self), title: "稿.md"), rest: nil,
      on: state)
    XCTAssertEqual(titles(shown, containing: "新稿"), 2)
    XCTAssertTrue(feed.isFinished)
    XCTAssertNil(feed.update(shown))
  }

  /// A GB18030 file opened from its first megabyte and rewritten before the background read: what
  /// ends on screen is the file as it is now, whole, not its old start joined to its new rest.
  func testAGB18030StartReadBeforeTheFileChangedEndsWithTheNewFile() throws {
    let old = NovelFiles.encode(
      String(decoding: markdown(sections: 1_500, word: "舊稿"), as: UTF8.self), as: "GB18030")
    let new = NovelFiles.encode(
      String(decoding: markdown(sections: 1_500, word: "新稿"), as: UTF8.self), as: "GB18030")
    XCTAssertGreaterThan(old.count, ViewerSession.startSize)
    let path = try NovelFiles.write(new, named: "稿.md")
    let descriptor = open(path, O_RDONLY)
    XCTAssertGreaterThanOrEqual(descriptor, 0)
    let decoder = try XCTUnwrap(IconvDecoder(from: .gb18030))
    let started = try BackgroundParse.start(
      decoding: Array(old.prefix(ViewerSession.startSize)), from: 0, with: decoder, title: "稿.md",
      name: path, force: false,
      rest: (OpenFile(descriptor: descriptor, path: path), DocumentSource.file(path), ImportOptions()))
    let (first, rest) = try XCTUnwrap(started)
    XCTAssertGreaterThan(
      titles(ReaderState(document: first, size: TerminalSize(width: 80, height: 24)), containing: "舊稿"), 0)
    var feed = DocumentFeed(growing: try XCTUnwrap(rest))
    rest?.begin()
    let state = drain(&feed, ReaderState(document: first, size: TerminalSize(width: 80, height: 24)))
    XCTAssertEqual(titles(state, containing: "舊稿"), 0, "the old start stayed")
    XCTAssertEqual(titles(state, containing: "新稿"), 1_500, "the whole new file")
    XCTAssertNotNil(rest?.documentKey, "the key of the remembered place is known")
  }
}
