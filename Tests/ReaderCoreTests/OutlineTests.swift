import ReaderAssets
import XCTest

@testable import ReaderCore

final class OutlineTests: XCTestCase {
  static let articleTitles = [
    "整理後的文稿:", "引言：OpenAI 的動盪與內幕揭秘", "Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險",
    "OpenAI 的獨特性：非營利組織的初衷與商業化轉型", "ChatGPT 的發布：加劇 OpenAI 內部的意識形態分歧",
    "Altman 被解雇的原因：溝通斷裂 vs. 發展方向分歧", "ChatGPT 的倉促推出與後續問題", "商業化加速與安全團隊的壓力",
    "Ilya Sutskever 的擔憂：AGI 的風險與對齊團隊", "Altman 積極推動公司前進", "OpenAI 的未來：原則優先 vs. 商業化",
    "結論：AI 公司的艱難與中國企業的警示", "整理說明:",
  ]

  func testBundledArticleOutlineHasExactlyThirteenEntries() {
    let document = Fixtures.article
    XCTAssertEqual(document.outline.entries.map(\.title), Self.articleTitles)
    XCTAssertTrue(document.outline.entries.allSatisfy { $0.level == 1 && $0.isPseudo })
  }

  func testPrefaceBelongsToNoEntry() {
    let document = Fixtures.article
    XCTAssertGreaterThan(document.outline[0].topIndex, 0)
    let layout = DocumentLayout(document: document, width: 60)
    XCTAssertNil(layout.entryIndex(at: .top))
  }

  func testSetextAtxAndNestedHeadingsWithPseudoHeadingsOneLevelBelow() {
    let markdown = """
      Title
      =====

      **Bold intro**

      ## Section

      - item
        ### Inside a list

      > #### Inside a quote
      > **Quoted bold**

      Sub
      ---

      Not **only** bold.
      """
    let outline = MarkdownParser().parse(markdown, title: "t").outline
    XCTAssertEqual(
      outline.entries.map(\.title),
      ["Title", "Bold intro", "Section", "Inside a list", "Inside a quote", "Quoted bold", "Sub"])
    XCTAssertEqual(outline.entries.map(\.level), [1, 5, 2, 3, 4, 5, 2])
  }

  func testPseudoHeadingsAreLevelOneWithoutRealHeadings() {
    let outline = MarkdownParser().parse("**One**\n\ntext\n\n__Two__\n", title: "t").outline
    XCTAssertEqual(outline.entries.map(\.title), ["One", "Two"])
    XCTAssertEqual(outline.entries.map(\.level), [1, 1])
  }
}
