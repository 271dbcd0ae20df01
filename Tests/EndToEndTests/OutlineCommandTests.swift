import Foundation
import XCTest

/// `reader --outline`: the headings a script or a person reads, one per line.
final class OutlineCommandTests: XCTestCase {
  func testBundledArticlePrintsItsThirteenHeadings() throws {
    let result = try ReaderProcess.run(["--outline"])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(
      result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
      [
        "整理後的文稿:",
        "引言：OpenAI 的動盪與內幕揭秘",
        "Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險",
        "OpenAI 的獨特性：非營利組織的初衷與商業化轉型",
        "ChatGPT 的發布：加劇 OpenAI 內部的意識形態分歧",
        "Altman 被解雇的原因：溝通斷裂 vs. 發展方向分歧",
        "ChatGPT 的倉促推出與後續問題",
        "商業化加速與安全團隊的壓力",
        "Ilya Sutskever 的擔憂：AGI 的風險與對齊團隊",
        "Altman 積極推動公司前進",
        "OpenAI 的未來：原則優先 vs. 商業化",
        "結論：AI 公司的艱難與中國企業的警示",
        "整理說明:",
        "",
      ])
  }

  func testLevelsIndentTwoSpacesEachAndTitlesAreMadeSafe() throws {
    let markdown = """
      Setext title
      over two lines
      ==============

      ## 第二層

      ### 第三層 \u{1B}]0;owned\u{7}

      ## Back to two
      """
    let result = try ReaderProcess.run(["--outline"], input: Array(markdown.utf8))
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(
      result.text,
      "Setext title over two lines\n  第二層\n    第三層 \u{241B}]0;owned\u{2407}\n  Back to two\n")
    XCTAssertFalse(result.standardOutput.contains(0x1B), "no escape reaches the terminal")
  }

  func testScriptOptionConvertsTheOutline() throws {
    let result = try ReaderProcess.run(["--outline", "--script", "simplified"])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertTrue(result.text.hasPrefix("整理后的文稿:\n引言：OpenAI 的动荡与内幕揭秘\n"), result.text)
  }

  func testDocumentWithoutHeadingsPrintsNothing() throws {
    let result = try ReaderProcess.run(["--outline"], input: Array("只有一段文字。\n".utf8))
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.text, "")
  }
}
