import XCTest

@testable import ReaderCore

/// The body text keeps a readable measure, centred in its pane with even margins.
final class MeasureTests: XCTestCase {
  private func state(_ width: Int, _ height: Int, measure: Int = PaneGeometry.defaultMeasure)
    -> ReaderState
  {
    ReaderState(
      document: Fixtures.article, size: TerminalSize(width: width, height: height), measure: measure)
  }

  /// Columns left and right of the text band inside the body pane.
  private func margins(_ geometry: PaneGeometry) -> (left: Int, right: Int) {
    let pane = geometry.bodyPane
    return (geometry.body.x - pane.x, pane.x + pane.width - geometry.body.x - geometry.body.width)
  }

  func testWideTerminalsKeepTheTextAtEightyColumnsCentredBesideTheOutline() {
    for (width, height) in [(120, 40), (200, 50), (300, 60)] {
      let geometry = state(width, height).geometry
      XCTAssertEqual(geometry.body.width, 80, "\(width)x\(height)")
      let (left, right) = margins(geometry)
      XCTAssertLessThanOrEqual(abs(left - right), 1, "\(width)x\(height): \(left) and \(right)")
      XCTAssertGreaterThanOrEqual(left, 1)
    }
  }

  func testWithTheOutlineHiddenTheTextStillHasAMargin() {
    for width in [60, 80, 100, 200] {
      let hidden = press(.character("o"), on: state(width, 24))
      XCTAssertNil(hidden.geometry.outline)
      let (left, right) = margins(hidden.geometry)
      XCTAssertGreaterThanOrEqual(left, 2, "\(width)")
      XCTAssertLessThanOrEqual(abs(left - right), 1, "\(width): \(left) and \(right)")
      XCTAssertLessThanOrEqual(hidden.geometry.body.width, 80)
    }
    XCTAssertEqual(press(.character("o"), on: state(80, 24)).geometry.body.width, 76)
  }

  func testMeasureZeroUsesTheWholePaneAndAnyOtherMeasureIsKept() {
    let full = state(200, 50, measure: 0).geometry
    XCTAssertEqual(full.body.x, full.bodyPane.x + 1)
    XCTAssertEqual(full.body.x + full.body.width, 200)
    XCTAssertEqual(state(200, 50, measure: 60).geometry.body.width, 60)
    // A pane narrower than the measure loses no column to a right margin.
    let narrow = state(100, 30).geometry
    XCTAssertEqual(narrow.body.x + narrow.body.width, 100)
  }

  func testNoBodyLineIsWiderThanTheMeasureAndEveryRowIsTheScreenWidth() {
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
      let current = press(.tab, .pageDown, on: state(width, height))
      let body = current.geometry.body
      let lines = current.bodyLayout.lines(from: current.anchor, count: body.height)
      XCTAssertTrue(lines.contains { $0.width > body.width - 8 }, "\(width)x\(height): the text fills it")
      for line in lines { XCTAssertLessThanOrEqual(line.width, body.width) }
      let frame = FrameRenderer.render(current)
      XCTAssertEqual(FrameInvariants.problems(in: frame), [])
      // Nothing is drawn in the margins.
      let pane = current.geometry.bodyPane
      for row in 0..<body.height {
        let cells = frame.rows[row]
        for x in pane.x..<body.x { XCTAssertEqual(cells[x].text, " ", "row \(row) column \(x)") }
        for x in (body.x + body.width)..<(pane.x + pane.width) {
          XCTAssertEqual(cells[x].text, " ", "row \(row) column \(x)")
        }
      }
    }
  }

  func testTheTextStaysAtTheSamePlaceWhenTheMeasureCentresItAfterAResize() {
    let before = press(.tab, .pageDown, .pageDown, on: state(90, 30))
    let line = before.bodyLayout.lines(from: before.anchor, count: 1).first?.text
    let wide = Reducer.reduce(before, .resize(TerminalSize(width: 200, height: 30)))
    let back = Reducer.reduce(wide, .resize(TerminalSize(width: 90, height: 30)))
    XCTAssertEqual(back.bodyLayout.lines(from: back.anchor, count: 1).first?.text, line)
  }

  func testAClickInTheMarginFocusesTheBody() {
    let start = state(200, 50)
    XCTAssertEqual(start.focus, .outline)
    let event = MouseEvent(.press, column: start.geometry.body.x - 5, row: 3)
    XCTAssertEqual(Reducer.reduce(start, .mouse(event)).focus, .body)
  }
}

extension MeasureTests {
  func testTheOpeningScreenAt200x50KeepsTheMeasure() {
    let frame = FrameRenderer.render(press(.tab, on: state(200, 50)))
    assertSnapshot(frame.description, named: "measure-200x50")
  }
}
