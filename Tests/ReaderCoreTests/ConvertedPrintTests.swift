import XCTest

@testable import ReaderCore

/// `--print --script` converts a window of blocks at a time as it prints: the text must be the
/// whole document's conversion printed, byte for byte, in both scripts, links numbered after the
/// footnotes as in the whole printout.
final class ConvertedPrintTests: XCTestCase {
  private let converter = ScriptConverter.shared

  /// The bundled article, then more blocks than two print windows hold: paragraphs in both
  /// scripts, links, a footnote and a table.
  private func document() -> Document {
    var text = Fixtures.articleText + "\n\n董事會的決定見腳註[^1]。\n\n[^1]: 這是腳註，说明了董事会的决定。\n"
    for index in 0..<2_400 {
      switch index % 4 {
      case 0: text += "\n\n第 \(index) 段：董事會在週末開會，討論[人工智慧](https://openai.com/\(index % 5))的風險。"
      case 1: text += "\n\n第 \(index) 段：董事会在周末开会，讨论软件和人工智能的风险。"
      case 2: text += "\n\n- 奧特曼的商業樂觀\n- 蘇茨克維的安全憂慮 \(index)"
      default: text += "\n\n| 派別 | 領袖 |\n| --- | --- |\n| 商業 | 奧特曼 \(index) |"
      }
    }
    return MarkdownParser().parse(text, title: "mixed.md")
  }

  private func printedWhileConverted(
    _ document: Document, _ script: DisplayScript, vocabulary: Bool, width: Int
  ) throws -> String {
    try converter.prepare(script, vocabulary: vocabulary)
    let spelling = try converter.spelling(of: document, in: script)
    var result = ""
    let converter = self.converter
    try DocumentPrinter.print(
      document, width: width,
      converting: { block throws(ConversionError) in
        try converter.convert(block, to: script, vocabulary: vocabulary, spelling: spelling)
      }
    ) { result += $0 }
    return result
  }

  func testADocumentConvertedWhilePrintedIsTheWholeConversionPrinted() throws {
    let document = document()
    XCTAssertGreaterThan(document.blocks.count, 2_048, "more than two windows")
    for script in [DisplayScript.simplified, .traditional] {
      for vocabulary in [false, true] {
        let whole = try converter.convert(document, to: script, vocabulary: vocabulary)
        for width in [80, 37, 0] {
          let expected = DocumentPrinter.text(of: whole, width: width)
          let printed = try printedWhileConverted(document, script, vocabulary: vocabulary, width: width)
          XCTAssertEqual(printed, expected, "\(script) vocabulary \(vocabulary) width \(width)")
          XCTAssertTrue(printed.contains("References:\n[2] https://openai.com/0\n"), "after footnote [1]")
        }
      }
    }
    let simplified = try printedWhileConverted(document, .simplified, vocabulary: false, width: 80)
    XCTAssertTrue(simplified.contains("董事会在周末开会，讨论人工智慧[2]的风险"), "converted")
    let traditional = try printedWhileConverted(document, .traditional, vocabulary: false, width: 80)
    XCTAssertTrue(traditional.contains("董事會在週末開會"), "converted")
    XCTAssertFalse(traditional.contains("董事会在周末开会"), "converted")
  }

  func testAConversionThatFailsStopsThePrintoutAfterTheWindowsBefore() {
    let document = document()
    let failing = document.blocks[1_500].id
    var printed = ""
    XCTAssertThrowsError(
      try DocumentPrinter.print(
        document, width: 80,
        converting: { block throws(ConversionError) in
          if block.id == failing { throw .conversionFailed(config: "t2s.json", reason: "refused") }
          return block
        }
      ) { printed += $0 }
    ) { error in
      XCTAssertEqual(error as? ConversionError, .conversionFailed(config: "t2s.json", reason: "refused"))
    }
    XCTAssertTrue(printed.contains("好的，我來整理"), "the first window was printed")
    XCTAssertFalse(printed.contains("第 2399 段"), "nothing after the failure")
    XCTAssertFalse(printed.contains("References:"))
  }
}
