import XCTest

@testable import ReaderCore

/// Frames of code blocks and tables from the translated Rust chapter, at 80x24 and 40x12.
final class CodeTableFrameTests: XCTestCase {
  private static let document: Document = {
    let url = CodeLayoutTests.fixture("rust-book-error-handling.md")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return MarkdownParser().parse(text, title: "rust-book-error-handling.md")
  }()

  /// The body focused, scrolled so the first row starting with `text` is at the top, then `keys`.
  private func frame(_ width: Int, _ height: Int, at text: String, keys: [Key] = []) throws -> Frame {
    var state = press(
      .tab, on: ReaderState(document: Self.document, size: TerminalSize(width: width, height: height)))
    let layout = state.bodyLayout
    var anchor = Anchor.top
    while layout.lines(from: anchor, count: 1).first?.text.hasPrefix(text) != true {
      let next = layout.move(anchor, by: 1)
      guard next != anchor else {
        XCTFail("no row starts with \(text)")
        throw CocoaError(.featureUnsupported)
      }
      anchor = next
    }
    Reducer.show(anchor, on: &state)
    state = keys.reduce(state) { Reducer.reduce($0, .key($1)) }
    let frame = FrameRenderer.render(state)
    assertWellFormed(frame, divider: state.geometry.dividerColumn)
    return frame
  }

  /// Every row is exactly the terminal's width and the divider stands in one column.
  private func assertWellFormed(
    _ frame: Frame, divider: Int?, file: StaticString = #filePath, line: UInt = #line
  ) {
    FrameInvariants.assertSound(frame, file: file, line: line)
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

  func testWrappedCodeAt80x24() throws {
    let frame = try frame(80, 24, at: "┆ use std::fs::File;")
    XCTAssertTrue(frame.description.contains("↪"))
    assertSnapshot(frame.description, named: "code-wrapped-80x24")
  }

  func testChoppedCodeScrolledRightAt80x24() throws {
    let frame = try frame(80, 24, at: "┆ use std::fs::File;", keys: [.character("S"), .right])
    XCTAssertFalse(frame.description.contains("↪"))
    XCTAssertTrue(frame.text(ofRow: 23).contains("chopped →26"))
    assertSnapshot(frame.description, named: "code-chopped-right-80x24")
  }

  func testWrappedCodeAt40x12() throws {
    let frame = try frame(40, 12, at: "┆ fn read_username")
    assertSnapshot(frame.description, named: "code-wrapped-40x12")
  }

  func testTableAt80x24() throws {
    let frame = try frame(80, 24, at: "方法")
    assertSnapshot(frame.description, named: "table-80x24")
  }

  func testTableAt40x12() throws {
    let frame = try frame(40, 12, at: "情境")
    assertSnapshot(frame.description, named: "table-40x12")
  }

  func testTableAsRecordsAt40x12() throws {
    let frame = try frame(40, 12, at: "範例 · 設定檔")
    assertSnapshot(frame.description, named: "table-records-40x12")
  }
}
