import XCTest

@testable import ReaderCore

final class DocumentSequenceTests: XCTestCase {
  private func state(_ sequence: DocumentSequence?) -> ReaderState {
    var state = ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 20))
    state.sequence = sequence
    return state
  }

  private func status(_ state: ReaderState) -> String {
    FrameRenderer.render(state).text(ofRow: 19)
  }

  func testColonNLeavesForTheNextDocumentAndTheStatusLineCounts() {
    let start = state(DocumentSequence(index: 1, count: 3))
    XCTAssertTrue(status(start).contains("2/3 · Original"), status(start))
    let colon = press(.character(":"), on: start)
    XCTAssertTrue(colon.awaitsColonCommand)
    XCTAssertTrue(status(colon).contains(" :"))
    let next = press(.character("n"), on: colon)
    XCTAssertEqual(next.leaving, .nextDocument)
    XCTAssertFalse(next.isRunning)
    XCTAssertEqual(press(.character(":"), .character("p"), on: start).leaving, .previousDocument)
  }

  func testThereIsNoDocumentPastEitherEndAndAStrayColonCommandIsNamed() {
    let last = press(.character(":"), .character("n"), on: state(DocumentSequence(index: 2, count: 3)))
    XCTAssertTrue(last.isRunning)
    XCTAssertEqual(last.message, "no next document (3/3)")
    let first = press(.character(":"), .character("p"), on: state(DocumentSequence(index: 0, count: 3)))
    XCTAssertEqual(first.message, "no previous document (1/3)")
    let alone = press(.character(":"), .character("n"), on: state(nil))
    XCTAssertEqual(alone.message, "no next document")
    let stray = press(.character(":"), .character("q"), on: state(nil))
    XCTAssertTrue(stray.isRunning, "q after : is not quit")
    XCTAssertEqual(stray.message, "unknown command :q (:n next, :p previous)")
    let cancelled = press(.character(":"), .escape, on: state(nil))
    XCTAssertFalse(cancelled.awaitsColonCommand)
    XCTAssertTrue(press(.character("j"), on: cancelled).isRunning)
  }

  func testBOpensTheShelfFromAnyDocument() {
    let shelf = press(.character("B"), on: state(nil))
    XCTAssertEqual(shelf.leaving, .shelf)
    XCTAssertFalse(shelf.isRunning)
  }

  func testTheHelpListsTheColonCommandsAndTheShelfKeysInTheirOwnGroups() {
    let lines = HelpLayout.lines(content: 76, language: .english).map(\.text)
    XCTAssertTrue(
      lines.contains { $0.hasPrefix(": ") && $0.hasSuffix(":n / :p next / previous document (as in less)") })
    let afterColon = Keymap.bindings.filter { $0.context == .colonCommand }.map {
      ":\($0.keys[0]) \($0.help)"
    }
    XCTAssertEqual(afterColon, [":n next document", ":p previous document"])
    XCTAssertTrue(lines.contains { $0.hasPrefix("B ") && $0.contains("the shelf") })
    XCTAssertTrue(lines.contains("After :"))
    XCTAssertTrue(lines.contains { $0.hasPrefix("n ") && $0.hasSuffix("next document") })
    XCTAssertTrue(lines.contains("On the shelf (B, --shelf)"))
    XCTAssertTrue(lines.contains { $0.hasPrefix("d ") && $0.hasSuffix("forget") })
    XCTAssertEqual(ShelfRenderer.keys(.english), " Enter open · d forget · q Esc quit · / filter")
    XCTAssertEqual(ShelfRenderer.keys(.traditionalChinese), " Enter 開啟 · d 忘記 · q Esc 離開 · / 篩選")
    XCTAssertEqual(ShelfRenderer.keys(.simplifiedChinese), " Enter 打开 · d 忘记 · q Esc 退出 · / 筛选")
    XCTAssertEqual(
      ShelfRenderer.keys(.english, listsFolder: true),
      " Enter open · d forget · q Esc quit · / filter · B the shelf")
    XCTAssertEqual(
      ShelfRenderer.keys(.traditionalChinese, listsFolder: true), " Enter 開啟 · d 忘記 · q Esc 離開 · / 篩選 · B 書架")
  }
}
