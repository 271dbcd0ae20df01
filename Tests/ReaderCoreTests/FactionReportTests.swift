import XCTest

@testable import ReaderCore

final class FactionReportTests: XCTestCase {
  private func report(_ markdown: String) -> String {
    FactionReport.text(of: MarkdownParser().parse(markdown, title: "t"))
  }

  func testReportListsNamesSummariesAndMentionsPerSection() {
    let markdown = """
      # 概覽

      - **Hawk camp:** 主張 Hawk 路線
      - **奧特曼派：** 奧特曼的人

      ## 後記

      Hawk 與奧特曼，Hawkish 不算。
      """
    XCTAssertEqual(
      report(markdown),
      """
      faction summary in 「概覽」: 2 factions

      Hawk (Hawk camp)
        summary: 主張 Hawk 路線
        mentions: 3
          2 in 「概覽」
          1 in 「後記」

      奧特曼 (奧特曼派)
        summary: 奧特曼的人
        mentions: 3
          2 in 「概覽」
          1 in 「後記」

      """)
  }

  func testSummaryInThePreface() {
    XCTAssertEqual(
      report("- **Dove faction**: peace\n"),
      """
      faction summary in the preface: 1 faction

      Dove (Dove faction)
        summary: peace
        mentions: 1
          1 in the preface

      """)
  }

  func testBundledArticleReport() {
    let text = FactionReport.text(of: Fixtures.article)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines.first, "faction summary in 「Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險」: 2 factions")
    let sam = lines.firstIndex(of: "Sam Altman (Sam Altman 派)")
    let ilya = lines.firstIndex(of: "Ilya Sutskever (Ilya Sutskever 派)")
    XCTAssertNotNil(sam)
    XCTAssertNotNil(ilya)
    if let sam, let ilya {
      XCTAssertLessThan(sam, ilya)
      XCTAssertEqual(lines[sam + 2], "  mentions: 26")
      XCTAssertEqual(lines[ilya + 2], "  mentions: 8")
      XCTAssertEqual(
        Array(lines[(ilya + 3)...]),
        [
          "    1 in 「Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險」", "    5 in 「Ilya Sutskever 的擔憂：AGI 的風險與對齊團隊」",
          "    2 in 「結論：AI 公司的艱難與中國企業的警示」", "",
        ])
    }
  }

  func testNoFactionSummary() {
    XCTAssertEqual(report("# Notes\n\n- **Plan:** ship\n"), "no faction summary in this document\n")
    XCTAssertEqual(report(""), "no faction summary in this document\n")
  }

  func testHostileTextIsPrintedVisibly() {
    let text = report("- **\u{1B}]0;owned\u{07}Evil 派:** \u{202E}reversed \u{9B}31m\n")
    XCTAssertTrue(text.contains("\u{241B}]0;owned\u{2407}Evil"), text)
    for scalar in text.unicodeScalars where scalar != "\n" {
      XCTAssertFalse(VisibleText.isControl(scalar), "control U+\(String(scalar.value, radix: 16)) in output")
      XCTAssertFalse(VisibleText.isBidiControl(scalar.value), "bidi control in output")
    }
  }

  func testReportSanitizesEvenAModelBuiltWithoutTheParser() {
    let item = ListItem(blocks: [
      Block(
        id: 1,
        kind: .paragraph([
          InlineRun("\u{1B}[31mRed 派:", style: .bold), InlineRun(" \u{202E}gone\u{1B}[0m\nnext"),
        ]))
    ])
    let list = Block(id: 0, kind: .list(ListBlock(ordered: false, start: 1, tight: true, items: [item])))
    let text = FactionReport.text(of: Document(title: "t", blocks: [list]))
    XCTAssertTrue(text.contains("\u{241B}[31mRed (\u{241B}[31mRed 派)"), text)
    XCTAssertTrue(text.contains("  summary: \u{2983}202E\u{2984}gone\u{241B}[0m next\n"), text)
    XCTAssertFalse(text.unicodeScalars.contains { $0 != "\n" && VisibleText.isControl($0) }, text)
  }
}
