import Foundation
import XCTest

@testable import ReaderCore

/// With ambiguous characters (“ ” … ° ① │ ─) two columns wide, as a terminal set up for CJK
/// draws them, every width the reader measures agrees: layout, frames, the status line, the
/// divider and the boxes stay in their columns.
final class AmbiguousWidthTests: XCTestCase {
  private static let text: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/documents/ambiguous-punctuation.md")
    return String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
  }()

  override func setUp() {
    DisplayWidth.ambiguous = .wide
  }

  override func tearDown() {
    DisplayWidth.ambiguous = .narrow
  }

  /// The document read after the width was chosen, as the reader does.
  private func state(_ width: Int, _ height: Int) -> ReaderState {
    let document = MarkdownParser().parse(Self.text, title: "ambiguous-punctuation.md")
    return ReaderState(document: document, size: TerminalSize(width: width, height: height))
  }

  func testAmbiguousCharactersAreTwoColumnsOnlyWhenWide() {
    for scalar in "“”‘’…°①×→·│─αΩ§".unicodeScalars {
      XCTAssertEqual(DisplayWidth.of(scalar, ambiguous: .narrow), 1, "\(scalar)")
      XCTAssertEqual(DisplayWidth.of(scalar, ambiguous: .wide), 2, "\(scalar)")
      XCTAssertEqual(DisplayWidth.of(scalar), 2, "\(scalar) with the setting wide")
      XCTAssertTrue(DisplayWidth.isAmbiguous(scalar))
    }
    // Neither narrow nor wide characters, nor zero-width ones, change.
    for (text, width) in [("a", 1), ("中", 2), ("，", 2), ("😀", 2), ("\u{301}", 0), ("\u{200B}", 0), ("›", 1)] {
      let scalar = text.unicodeScalars.first!
      XCTAssertEqual(DisplayWidth.of(scalar, ambiguous: .wide), width, text.debugDescription)
      XCTAssertEqual(DisplayWidth.of(scalar, ambiguous: .narrow), width, text.debugDescription)
    }
    XCTAssertEqual(DisplayWidth.of("“天氣”……23°"), 2 + 4 + 2 + 4 + 2 + 2)
    DisplayWidth.ambiguous = .narrow
    XCTAssertEqual(DisplayWidth.of("“天氣”……23°"), 1 + 4 + 1 + 2 + 2 + 1)
  }

  func testEveryFrameIsSoundAndTheDividerKeepsItsColumn() {
    for (width, height) in [(100, 30), (60, 20), (40, 15)] {
      var current = state(width, height)
      for key in [Key.tab, .pageDown, .pageDown, .character("?")] {
        let frame = FrameRenderer.render(current)
        FrameInvariants.assertSound(frame, "\(width)x\(height) after \(key)")
        if current.overlay == nil, let divider = current.geometry.dividerColumn {
          for row in 0..<current.geometry.body.height {
            XCTAssertEqual(frame.rows[row][divider - 1].text, "│", "\(width)x\(height) row \(row)")
            XCTAssertEqual(frame.rows[row][divider - 1].width, 2)
            XCTAssertEqual(frame.rows[row][divider].width, 0, "its right half is the divider's column")
          }
        }
        current = press(key, on: current)
      }
    }
  }

  /// The terminal's answer can come after the first screen (it was laid out with the width
  /// remembered from the last run): the body is laid out again for the new width, with the same
  /// text at its top, exactly as a screen laid out for that width from the start.
  func testAWidthThatChangesAfterTheFirstScreenLaysTheBodyOutAnewAtTheSamePlace() {
    DisplayWidth.ambiguous = .narrow
    let narrow = press(.tab, .down, .down, .down, on: state(60, 20))
    let place = narrow.place
    XCTAssertGreaterThan(narrow.anchor.line + narrow.anchor.block, 0, "the body has moved from its top")
    DisplayWidth.ambiguous = .wide
    let changed = Reducer.reduce(narrow, .ambiguousWidthChanged(.wide))
    let frame = FrameRenderer.render(changed)
    FrameInvariants.assertSound(frame, "after the change")
    let fresh = Reducer.reduce(
      state(60, 20), .restore(ReadingPosition(position: place, script: .original, outlineVisible: true)))
    let expected = FrameRenderer.render(press(.tab, on: fresh))
    let body = changed.geometry.body
    for row in 0..<body.height {
      XCTAssertEqual(
        frame.text(ofRow: row), expected.text(ofRow: row), "row \(row): as if laid out wide from the start")
    }
    XCTAssertNotEqual(
      (0..<body.height).map { FrameRenderer.render(narrow).text(ofRow: $0) },
      (0..<body.height).map { frame.text(ofRow: $0) }, "the lines are broken anew")
  }

  func testOutlineTitlesAreCutWithAWideEllipsisAndNeverReachTheDivider() {
    let current = state(60, 20)
    let frame = FrameRenderer.render(current)
    guard let outline = current.geometry.outline else { return XCTFail("no outline at 60x20") }
    let rows = (0..<current.document.outline.count).map { frame.text(ofRow: $0) }
    XCTAssertTrue(rows.contains { $0.contains("…") }, rows.joined(separator: "\n"))
    for row in 0..<current.document.outline.count {
      let cells = frame.rows[row]
      let used = cells[0..<outline.width].reduce(0) { $0 + $1.width }
      XCTAssertEqual(used, outline.width, "row \(row): the outline's cells fill its width exactly")
      XCTAssertEqual(cells[outline.width].text, "│", "row \(row)")
    }
  }

  func testPrintedLinesFitTheWidthAndTheTableRuleMatchesItsRows() {
    for width in [30, 44, 80] {
      var lines: [String] = []
      let document = MarkdownParser().parse(Self.text, title: "ambiguous-punctuation.md")
      DocumentPrinter.print(document, width: width) {
        lines.append(contentsOf: $0.split(separator: "\n").map(String.init))
      }
      XCTAssertTrue(lines.contains { $0.contains("“") }, "the quotes are printed")
      for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(width): \(line)") }
    }
    var lines: [String] = []
    DocumentPrinter.print(MarkdownParser().parse(Self.text, title: "t.md"), width: 80) {
      lines.append(contentsOf: $0.split(separator: "\n").map(String.init))
    }
    let rule = lines.first { $0.contains("┼") } ?? ""
    let header = lines.first { $0.contains("舒適") } ?? ""
    XCTAssertFalse(rule.isEmpty)
    XCTAssertEqual(
      DisplayWidth.of(rule.trimmingCharacters(in: .whitespaces)),
      DisplayWidth.of(header.trimmingCharacters(in: .whitespaces)), "\(rule)\n\(header)")
  }

  func testRulesFillTheirColumnsExactly() {
    XCTAssertEqual(TextFitting.rule("─", columns: 7), "─── ")
    XCTAssertEqual(DisplayWidth.of(TextFitting.rule("─", columns: 7)), 7)
    XCTAssertEqual(TextFitting.truncate("“很長的標題”", to: 7), "“很…")
    DisplayWidth.ambiguous = .narrow
    XCTAssertEqual(TextFitting.rule("─", columns: 7), "───────")
    XCTAssertEqual(TextFitting.truncate("“很長的標題”", to: 7), "“很長…")
  }
}
