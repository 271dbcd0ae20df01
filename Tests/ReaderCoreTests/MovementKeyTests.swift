import XCTest

@testable import ReaderCore

final class MovementKeyTests: XCTestCase {
  private func start() -> ReaderState {
    ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30))
  }

  private func topLine(_ state: ReaderState) -> String {
    state.bodyLayout.lines(from: state.anchor, count: 1).first?.text ?? ""
  }

  func testCountPrefixRepeatsAMovement() {
    let body = press(.tab, on: start())
    let five = press(.character("5"), .character("j"), on: body)
    XCTAssertEqual(five.anchor, body.bodyLayout.move(body.anchor, by: 5))
    XCTAssertNil(five.count)
    let twelve = press(.character("1"), .character("2"), .character("j"), on: body)
    XCTAssertEqual(twelve.anchor, body.bodyLayout.move(body.anchor, by: 12))
    let outline = press(.character("3"), .down, on: start())
    XCTAssertEqual(outline.selection, 3)
  }

  func testBracketsJumpBetweenHeadingsFromTheBody() {
    var current = press(.tab, on: start())
    current = press(.character("]"), on: current)
    XCTAssertEqual(topLine(current), "整理後的文稿:")
    current = press(.character("]"), .character("]"), on: current)
    XCTAssertEqual(topLine(current), "Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險")
    XCTAssertEqual(current.selection, 2)
    current = press(.character("j"), .character("["), on: current)
    XCTAssertEqual(topLine(current), "Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險")
    current = press(.character("["), on: current)
    XCTAssertEqual(topLine(current), "引言：OpenAI 的動盪與內幕揭秘")
  }

  func testHalfPagesMoveHalfTheBody() {
    let body = press(.tab, on: start())
    let half = body.geometry.body.height / 2
    let down = press(.control("d"), on: body)
    XCTAssertEqual(down.anchor, body.bodyLayout.move(body.anchor, by: half))
    XCTAssertEqual(press(.control("u"), on: down).anchor, body.anchor)
  }

  func testOutlineHidesWidensAndNarrowsKeepingTheText() {
    var current = press(.down, .down, .down, on: start())
    let text = topLine(current)
    let width = current.geometry.outline!.width
    current = press(.character("o"), on: current)
    XCTAssertNil(current.geometry.outline)
    XCTAssertEqual(current.geometry.body.width, 80)
    XCTAssertEqual(current.focus, .body)
    XCTAssertEqual(topLine(current), text)
    // The width is a share of the columns, five points a key (30% of 100 columns to start).
    let columns = current.size.width
    current = press(.character("o"), .character(">"), on: current)
    XCTAssertEqual(current.geometry.outline?.width, width + columns * 5 / 100)
    current = press(.character("<"), .character("<"), on: current)
    let narrower = width - columns * 5 / 100
    XCTAssertEqual(current.geometry.outline?.width, narrower)
    XCTAssertEqual(topLine(current), text)
    let frame = FrameRenderer.render(current)
    XCTAssertEqual(frame.rows[0][narrower + 1].text, "│")
  }
}
