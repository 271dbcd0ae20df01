import XCTest

@testable import ReaderCore

final class ReducerTests: XCTestCase {
  private func state(_ width: Int = 100, _ height: Int = 30) -> ReaderState {
    ReaderState(document: Fixtures.article, size: TerminalSize(width: width, height: height))
  }

  private func topLine(_ state: ReaderState) -> String {
    state.bodyLayout.lines(from: state.anchor, count: 1).first?.text ?? ""
  }

  func testFocusStartsInTheOutlineOnTheFirstEntryWithThePrefaceOnTop() {
    let start = state()
    XCTAssertEqual(start.focus, .outline)
    XCTAssertEqual(start.selection, 0)
    XCTAssertEqual(start.anchor, .top)
    XCTAssertTrue(topLine(start).hasPrefix("好的，我來整理"))
  }

  func testEachDownBringsTheNextHeadingToTheTopOfTheBody() {
    var current = state()
    let titles = Fixtures.article.outline.entries.map(\.title)
    for index in 1..<6 {
      current = press(.down, on: current)
      XCTAssertEqual(current.selection, index)
      XCTAssertEqual(topLine(current), titles[index])
    }
    current = press(.character("k"), on: current)
    XCTAssertEqual(topLine(current), titles[4])
  }

  func testNearTheEndTheHeadingIsAsHighAsTheDocumentAllows() {
    let last = press(.end, on: state())
    XCTAssertEqual(last.selection, Fixtures.article.outline.count - 1)
    XCTAssertEqual(last.anchor, last.bodyLayout.lastAnchor(height: last.geometry.body.height))
    let visible = last.bodyLayout.lines(from: last.anchor, count: last.geometry.body.height).map(\.text)
    XCTAssertTrue(visible.contains("整理說明:"))
  }

  func testBodyFocusScrollsAndTheOutlineFollows() {
    var current = press(.tab, on: state())
    XCTAssertEqual(current.focus, .body)
    current = press(.pageDown, .pageDown, on: current)
    XCTAssertEqual(current.selection, current.currentEntry ?? 0)
    XCTAssertGreaterThan(current.selection, 0)
    let before = current.anchor
    current = press(.character("j"), on: current)
    XCTAssertEqual(current.anchor, current.bodyLayout.move(before, by: 1))
    current = press(.character("g"), on: current)
    XCTAssertEqual(current.anchor, .top)
    current = press(.character("G"), on: current)
    XCTAssertEqual(current.anchor, current.bodyLayout.lastAnchor(height: current.geometry.body.height))
    current = press(.tab, on: current)
    XCTAssertEqual(current.focus, .outline)
  }

  func testEnterFocusesTheBodyAndQQuits() {
    XCTAssertEqual(press(.enter, on: state()).focus, .body)
    XCTAssertFalse(press(.character("q"), on: state()).isRunning)
  }

  func testResizeKeepsTheSameTextAtTheTop() {
    var current = press(.down, .down, .down, .tab, .down, .down, .down, on: state())
    let text = topLine(current)
    current = Reducer.reduce(current, .resize(TerminalSize(width: 40, height: 12)))
    let narrow = current.bodyLayout.lines(from: current.anchor, count: 3).map(\.text).joined()
    XCTAssertTrue(narrow.contains(String(text.prefix(6))), "\(narrow) should show \(text.prefix(6))")
    current = Reducer.reduce(current, .resize(TerminalSize(width: 100, height: 30)))
    XCTAssertEqual(topLine(current), text)
  }

  func testUpAtTheFirstEntryAndDownAtTheLastStayInRange() {
    XCTAssertEqual(press(.up, on: state()).selection, 0)
    let last = press(.end, .down, .down, on: state())
    XCTAssertEqual(last.selection, Fixtures.article.outline.count - 1)
  }
}
