import XCTest

@testable import ReaderCore

final class FrameTests: XCTestCase {
  private func render(_ width: Int, _ height: Int, keys: [Key] = []) -> (ReaderState, Frame) {
    var state = ReaderState(document: Fixtures.article, size: TerminalSize(width: width, height: height))
    for key in keys { state = Reducer.reduce(state, .key(key)) }
    return (state, FrameRenderer.render(state))
  }

  /// Every row is exactly the terminal's width and the divider stands in one column.
  private func assertWellFormed(
    _ frame: Frame, divider: Int?, file: StaticString = #filePath, line: UInt = #line
  ) {
    for (index, row) in frame.rows.enumerated() {
      XCTAssertEqual(
        row.reduce(0) { $0 + $1.width }, frame.width, "row \(index) width", file: file, line: line)
      XCTAssertEqual(
        DisplayWidth.of(frame.text(ofRow: index)), frame.width, "row \(index) text", file: file, line: line)
      if let divider, index < frame.height - 1 {
        XCTAssertEqual(row[divider].text, "│", "row \(index) divider", file: file, line: line)
      }
    }
  }

  func testOpeningScreenAt100x30() {
    let (state, frame) = render(100, 30)
    assertWellFormed(frame, divider: state.geometry.dividerColumn)
    assertSnapshot(frame.description, named: "open-100x30")
  }

  func testThirdHeadingAt60x20() {
    let (state, frame) = render(60, 20, keys: [.down, .down])
    assertWellFormed(frame, divider: state.geometry.dividerColumn)
    XCTAssertTrue(frame.text(ofRow: 0).contains("Sam Altman 被開除的根源"))
    assertSnapshot(frame.description, named: "third-heading-60x20")
  }

  func testSelectedEntryIsInReverseVideoAcrossThePane() {
    let (state, frame) = render(100, 30, keys: [.down])
    let outline = state.geometry.outline!
    let row = frame.rows[1]
    XCTAssertTrue(row[0..<outline.width].allSatisfy { $0.style.contains(.reverse) })
    XCTAssertFalse(frame.rows[0][0].style.contains(.reverse))
  }

  func testStatusLineShowsTitleSectionPercentAndFocus() {
    let (_, frame) = render(100, 30, keys: [.down, .down])
    let status = frame.text(ofRow: 29)
    XCTAssertTrue(status.contains("openai-turmoil.md"))
    XCTAssertTrue(status.contains("Sam Altman 被開除的根源"))
    XCTAssertTrue(status.contains("%"))
    XCTAssertTrue(status.contains("outline"))
    XCTAssertTrue(frame.rows[29].allSatisfy { $0.style.contains(.reverse) })
  }

  func testTruncatedOutlineTitlesEndInAnEllipsisAtACharacterBoundary() {
    let (state, frame) = render(60, 20)
    let width = state.geometry.outline!.width
    let titles = (0..<13).map { String(frame.text(ofRow: $0).prefix(while: { $0 != "│" })) }
    XCTAssertTrue(titles.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("…") })
    for title in titles { XCTAssertLessThanOrEqual(DisplayWidth.of(title), width + 1) }
  }

  func testNarrowTerminalsShowTheBodyAloneAndTinyOnesSaySo() {
    let (state, frame) = render(39, 12)
    XCTAssertNil(state.geometry.outline)
    assertWellFormed(frame, divider: nil)
    XCTAssertTrue(frame.text(ofRow: 0).hasPrefix(" 好的，我來整理"))
    let (_, tiny) = render(8, 1)
    XCTAssertTrue(tiny.text(ofRow: 0).hasPrefix("termina"))
    assertWellFormed(tiny, divider: nil)
    for (width, height) in [(1, 1), (2, 1), (3, 3), (40, 5), (41, 4), (100, 2)] {
      assertWellFormed(render(width, height, keys: [.down, .tab, .pageDown]).1, divider: nil)
    }
  }
}
