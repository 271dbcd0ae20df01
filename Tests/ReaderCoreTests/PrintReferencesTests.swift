import ReaderCore
import XCTest

/// `--print` numbers links like `w3m -dump` and keeps footnote labels and image placeholders.
final class PrintReferencesTests: XCTestCase {
  func testFootnotesHTMLAndLinksPrintExactly() throws {
    let document = try MarkdownFixtures.document("footnotes-and-html.md")
    XCTAssertEqual(
      DocumentPrinter.text(of: document, width: 60),
      """
      第三章：演算法的代價

      計算複雜度常以 2^n 或 n^2 表示[1]，水的化學式是 H_2O。按
      Ctrl+C 可以中斷程式。這段文字帶有樣式，詳見大 O 符號[3]。

      原作者在序言中提到[2]，這一章是全書最難的部分。

      點擊展開：證明概要

      對 n 做數學歸納法，每一步的代價加倍[1]。

      [圖: 指數成長曲線]
      圖 3-1：指數成長
      與多項式成長的比較

      [1] 這裡的 n 指輸入的長度，見 Sipser 的教科書[4]。

      [2] 見本書序言第二段。

      References:
      [3] https://en.wikipedia.org/wiki/Big_O_notation
      [4] https://example.edu/sipser

      """)
  }

  func testTheNewsletterNumbersEachDestinationOnceAndListsThemAtTheEnd() throws {
    let printed = DocumentPrinter.text(of: try MarkdownFixtures.document("weekly-newsletter.md"), width: 40)
    // 上期回顧 links to a heading of the issue itself (#上期回顧): on paper it has no number.
    XCTAssertTrue(printed.contains("布。本雜誌開源[1]，歡迎投稿[2]。另有中文\n排版指南[3]與上期回顧。"), printed)
    XCTAssertTrue(printed.contains("[圖: cover-142.webp]\n"))
    XCTAssertTrue(printed.contains("3. bat[11]：帶語法高亮的 cat，[圖: bat\n   截圖]。"), printed)
    // An autolink shows its destination already: no number.
    XCTAssertTrue(printed.contains("• 更多內容請見\n  https://example.org/weekly/archive。\n"), printed)
    let references = printed.components(separatedBy: "\nReferences:\n")
    XCTAssertEqual(references.count, 2)
    XCTAssertTrue(references[1].hasPrefix("[1] https://github.com/example/weekly\n[2] "), references[1])
    XCTAssertTrue(references[1].hasSuffix("[14] archive/issue-141.md#markdown-的歷\n     史\n"), references[1])
    XCTAssertEqual(references[1].components(separatedBy: "\n").filter { $0.hasPrefix("[") }.count, 14)
    XCTAssertFalse(references[1].contains("#上期回顧"), references[1])
  }

  func testALinkToAPlaceInTheDocumentGetsNoNumber() {
    let document = MarkdownParser().parse(
      "# 一\n\n見[第二節](#二)、[外部](https://example.com)與[文件](other.md#二)[^a]。\n\n# 二\n\n[^a]: 註。\n",
      title: "t")
    XCTAssertEqual(
      DocumentPrinter.text(of: document, width: 0),
      "一\n\n見第二節、外部[2]與文件[3][1]。\n\n二\n\n[1] 註。\n\nReferences:\n[2] https://example.com\n[3] other.md#二\n")
  }

  func testTheSameDestinationKeepsItsNumberAndUnwrappedOutputKeepsURLsWhole() {
    let document = MarkdownParser().parse(
      "See [a](https://e.com/x) and [again](https://e.com/x) and [b](https://e.com/a-rather-long-path).\n",
      title: "t")
    XCTAssertEqual(
      DocumentPrinter.text(of: document, width: 0),
      "See a[1] and again[1] and b[2].\n\nReferences:\n[1] https://e.com/x\n[2] https://e.com/a-rather-long-path\n"
    )
  }
}
