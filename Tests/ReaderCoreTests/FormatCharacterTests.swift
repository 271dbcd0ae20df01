import XCTest

@testable import ReaderCore

/// Invisible format characters (ZWSP, WJ, ZWJ, ZWNJ, a mid-text BOM, soft hyphens) are never
/// drawn as ◌, and a block made only of them is not shown.
final class FormatCharacterTests: XCTestCase {
  private func lawText() throws -> Document {
    MarkdownParser().parse(try MarkdownFixtures.text("law-format-characters.md"), title: "著作权法.md")
  }

  func testTheLawTextShowsNoDottedCircleAtAnyWidthOrInAnyFrame() throws {
    let document = try lawText()
    for width in [0, 20, 37, 60, 80] {
      let printed = DocumentPrinter.text(of: document, width: width)
      XCTAssertFalse(printed.contains("\u{25CC}"), "width \(width):\n\(printed)")
      for invisible in ["\u{200B}", "\u{FEFF}", "\u{2060}"] { XCTAssertFalse(printed.contains(invisible)) }
    }
    var state = ReaderState(document: document, size: TerminalSize(width: 60, height: 12))
    for _ in 0..<8 {
      let frame = FrameRenderer.render(state)
      XCTAssertFalse(frame.description.contains("\u{25CC}"), frame.description)
      FrameInvariants.assertSound(frame, "60x12")
      state = Reducer.reduce(state, .key(.pageDown))
    }
  }

  func testBlocksOfOnlyInvisibleCharactersAreNotShown() throws {
    let document = try lawText()
    let printed = DocumentPrinter.text(of: document, width: 60)
    // No two blank lines in a row: every paragraph of a lone ZWSP or BOM is gone, not left empty.
    XCTAssertFalse(printed.contains("\n\n\n"), printed)
    XCTAssertEqual(
      document.outline.entries.map(\.title), ["中华人民共和国著作权法", "第一章 总则", "第二章　著作权"])
    // The list keeps its two visible items; the item of a lone ZWSP is gone.
    let items = document.blocks.compactMap { block -> [String]? in
      guard case .list(let list) = block.kind else { return nil }
      return list.items.map { $0.blocks.map(\.runs.plainText).joined() }
    }
    XCTAssertEqual(items, [["（四）美术、建筑作品；", "（五）摄影作品；"]])
    // The articles start right at their number.
    let lines = printed.split(separator: "\n").map(String.init)
    for article in ["第一条", "第二条", "第三条", "第四条", "第五条"] {
      XCTAssertTrue(lines.contains { $0.hasPrefix(article) }, "\(article) in\n\(printed)")
    }
  }

  func testSearchFindsWordsThatInvisibleCharactersSplitInTheSource() throws {
    let document = try lawText()
    let index = try SearchIndex(displayed: document, normalizer: SearchNormalizer())
    XCTAssertEqual(index.results(for: "总则").count, 1)
    XCTAssertEqual(index.results(for: "第五条").count, 1)
  }

  func testEmojiSequencesKeepTheirJoiners() throws {
    let printed = DocumentPrinter.text(of: try lawText(), width: 0)
    XCTAssertTrue(printed.contains("家庭👨\u{200D}👩\u{200D}👧照片"), printed)
  }

  func testJoinersAtTheStartOfALineAreRemovedAndInsideWordsKept() {
    XCTAssertEqual(VisibleText.sanitize("\u{200D}第四条"), "第四条")
    XCTAssertEqual(VisibleText.sanitize("a\n\u{200C}b"), "a\nb")
    XCTAssertEqual(VisibleText.sanitize("می\u{200C}خواهم"), "می\u{200C}خواهم")
    XCTAssertEqual(VisibleText.sanitize("soft\u{AD}hyphen\u{200B} zero\u{2060}width"), "softhyphen zerowidth")
    // Combining marks keep their circle: they are shown, with nothing to sit on.
    let lone = MarkdownParser().parse("\u{301}x", title: "t")
    XCTAssertEqual(DocumentPrinter.text(of: lone, width: 0), "◌\u{301}x\n")
  }

  func testCodeBlocksLoseInvisibleCharactersButKeepTabStops() {
    let document = MarkdownParser().parse("```\n\u{200B}a\tb\n\u{FEFF}\u{AD}c\td\n```", title: "t")
    guard case .code(_, let text) = document.blocks.first?.kind else { return XCTFail("no code block") }
    XCTAssertEqual(text, "a       b\nc       d")
  }

  /// The punctuation `VisibleText` lets through without looking it up is drawn as itself: no
  /// format character, no bidirectional control, nothing the terminal cannot measure.
  func testThePunctuationLetThroughAtOnceIsDrawnAsItself() {
    var covered = 0
    for value in UInt32(0x2000)...0xFFFF where VisibleText.isCommonPunctuation(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      covered += 1
      XCTAssertNotEqual(scalar.properties.generalCategory, .format, String(value, radix: 16))
      XCTAssertFalse(scalar.properties.isBidiControl, String(value, radix: 16))
      XCTAssertGreaterThanOrEqual(DisplayWidth.of(scalar), 0, String(value, radix: 16))
      XCTAssertEqual(VisibleText.sanitize("a" + String(scalar) + "b"), "a" + String(scalar) + "b")
    }
    XCTAssertEqual(covered, 0x18 + 0x40 + 0x60)
  }

  /// The byte-wise test of a text that needs no replacing says what the scalar-wise rules say,
  /// for every scalar (its shortcut for the CJK block included).
  func testTheQuickLookAgreesWithTheRulesForEveryScalar() {
    var disagreements: [String] = []
    for value in UInt32(0x80)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected = VisibleText.isPlain(scalar) && !VisibleText.isFormat(scalar)
      if VisibleText.isDrawnAsItIs("a" + String(scalar) + "b") != expected {
        disagreements.append(String(value, radix: 16))
      }
    }
    XCTAssertEqual(disagreements, [])
  }
}
