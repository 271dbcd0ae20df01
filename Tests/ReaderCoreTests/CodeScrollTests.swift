import XCTest

@testable import ReaderCore

/// `S` chops long code lines (less's -S) and Left/Right then scroll the body sideways.
final class CodeScrollTests: XCTestCase {
  private static let document: Document = {
    let url = CodeLayoutTests.fixture("rust-book-error-handling.md")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return MarkdownParser().parse(text, title: "rust-book-error-handling.md")
  }()

  /// The body focused and scrolled so that the first row containing `text` is at the top.
  private func state(at text: String, width: Int = 80, height: Int = 24) throws -> ReaderState {
    var state = press(
      .tab, on: ReaderState(document: Self.document, size: TerminalSize(width: width, height: height)))
    let layout = state.bodyLayout
    var anchor = Anchor.top
    for _ in 0..<2000 {
      if layout.lines(from: anchor, count: 1).first?.text.contains(text) == true {
        Reducer.show(anchor, on: &state)
        return state
      }
      anchor = layout.move(anchor, by: 1)
    }
    XCTFail("no row contains \(text)")
    throw CocoaError(.featureUnsupported)
  }

  private func top(_ state: ReaderState, _ count: Int = 1) -> [String] {
    state.bodyLayout.lines(from: state.anchor, count: count).map(\.text)
  }

  func testSChopsLongCodeLinesAndBringsTheSameTextBackWhenPressedAgain() throws {
    // 80 columns: the outline takes 26, the body 53; the panic! line wraps after 請確認.
    let wrapped = try state(at: "↪")
    let topBefore = top(wrapped, 2)
    XCTAssertEqual(wrapped.codeLines, .wrapped)
    let chopped = press(.character("S"), on: wrapped)
    XCTAssertEqual(chopped.codeLines, .chopped(shift: 0))
    XCTAssertEqual(chopped.message, "long code lines chopped: Left/Right scroll")
    // The wrapped row at the top belonged to a longer line: that line is now at the top, chopped.
    let choppedTop = try XCTUnwrap(top(chopped).first)
    XCTAssertTrue(choppedTop.hasSuffix("»"), choppedTop)
    XCTAssertFalse(choppedTop.contains("↪"))
    XCTAssertFalse(top(chopped, 24).contains { $0.contains("↪") })
    let back = press(.character("S"), on: chopped)
    XCTAssertEqual(back.codeLines, .wrapped)
    XCTAssertEqual(top(back, 2), topBefore)
  }

  func testRightScrollsChoppedCodeHalfTheBodyAndLeftComesBack() throws {
    let start = press(.character("S"), on: try state(at: "Err(e) => panic!"))
    let line = try XCTUnwrap(top(start).first)
    XCTAssertTrue(line.hasPrefix("┆                 Err(e) => panic!(\"建立檔案時"), line)
    let body = start.geometry.body.width
    let right = press(.right, on: start)
    XCTAssertEqual(right.codeLines, .chopped(shift: body / 2))
    XCTAssertEqual(right.anchor, start.anchor)
    let shifted = try XCTUnwrap(top(right).first)
    XCTAssertTrue(shifted.hasPrefix("┆ «"), shifted)
    XCTAssertFalse(shifted.contains("Err(e)"), shifted)
    XCTAssertEqual(DisplayWidth.of(shifted), body)
    let left = press(.left, on: right)
    XCTAssertEqual(left.codeLines, .chopped(shift: 0))
    XCTAssertEqual(top(left), [line])
    XCTAssertEqual(press(.left, on: left).codeLines, .chopped(shift: 0))
  }

  func testRightStopsWhenNoCodeLineOnScreenGoesOn() throws {
    var current = press(.character("S"), on: try state(at: "Err(e) => panic!", height: 3))
    var presses = 0
    while current.bodyLayout.lines(from: current.anchor, count: 2).contains(where: \.continuesRight) {
      current = press(.right, on: current)
      presses += 1
      XCTAssertLessThan(presses, 20)
    }
    XCTAssertGreaterThan(current.codeLines.shift, 0)
    let stopped = press(.right, on: current)
    XCTAssertEqual(stopped.codeLines, current.codeLines)
    XCTAssertEqual(stopped.message, "no code line on screen goes on to the right")
  }

  func testLeftAndRightOnlyExplainThemselvesWhileCodeWraps() throws {
    let wrapped = try state(at: "Err(e) => panic!")
    let right = press(.right, on: wrapped)
    XCTAssertEqual(right.codeLines, .wrapped)
    XCTAssertEqual(right.anchor, wrapped.anchor)
    XCTAssertEqual(right.message, "code lines wrap; S chops them, then Left/Right scroll")
  }

  func testAResizeWhileChoppedKeepsTheScrollAndTheText() throws {
    let right = press(.right, on: press(.character("S"), on: try state(at: "Err(e) => panic!")))
    let resized = Reducer.reduce(right, .resize(TerminalSize(width: 100, height: 24)))
    XCTAssertEqual(resized.codeLines, right.codeLines)
    XCTAssertEqual(top(resized).first?.hasPrefix("┆ «"), true)
    XCTAssertEqual(resized.bodyLayout.key(at: resized.anchor), right.bodyLayout.key(at: right.anchor))
  }
}
