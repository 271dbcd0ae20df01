import XCTest

@testable import ReaderCore

/// Source line breaks inside a paragraph become a space, or nothing, as CSS Text's segment break
/// rule says: nothing between CJK characters and punctuation (curly quotes too), a space elsewhere.
final class SoftBreakTests: XCTestCase {
  private func paragraphs(_ markdown: String) -> [String] {
    MarkdownParser().parse(markdown, title: "t").blocks.compactMap {
      if case .paragraph(let runs) = $0.kind { return runs.plainText }
      return nil
    }
  }

  func testChineseReadmeJoinsCJKLinesAndKeepsSpacesBetweenWords() throws {
    let text = paragraphs(try MarkdownFixtures.text("readme-soft-wrapped.md"))
    XCTAssertEqual(
      text[0],
      "一個在終端裡閱讀長篇中文文檔的小工具。它按照顯示寬度排版，每個漢字佔兩欄，標點不會出現在行首，"
        + "英文單詞保持完整（例如 terminal reader 和 command line）。")
    XCTAssertEqual(
      text[1],
      "作者在伺服器上讀文件時常常只有終端可用。他說“能不能像 less 一樣直接打開 Markdown？”於是有了這個項目。"
        + "有人問：‘中文換行怎麼處理？’回答是：按照 CSS Text 的規則，源文件裡的換行在兩個漢字之間不產生空格，"
        + "在 English words 之間仍然保留一個空格。")
    XCTAssertEqual(text[2], "請先安裝依賴，然後執行 make run。支援的系統有 Debian 12 和 Ubuntu 24.04。")
  }

  func testHangulKeepsItsSpace() throws {
    let text = paragraphs(try MarkdownFixtures.text("readme-soft-wrapped.md"))
    XCTAssertEqual(text.last, "이 도구는 긴 문서를 터미널에서 읽기 위한 것입니다.")
  }

  func testCurlyQuotesNextToCJKJoinButNotNextToLatin() {
    XCTAssertEqual(paragraphs("他說\n“來了。”"), ["他說“來了。”"])
    XCTAssertEqual(paragraphs("“來了。”\n他說。"), ["“來了。”他說。"])
    XCTAssertEqual(paragraphs("他回答‘好’\n‘走吧’"), ["他回答‘好’‘走吧’"])
    XCTAssertEqual(paragraphs("He said\n“come here”"), ["He said “come here”"])
    // The quote touches 說 across the break, so it is punctuation of the Chinese sentence.
    XCTAssertEqual(paragraphs("他說\n“OK”"), ["他說“OK”"])
    XCTAssertEqual(paragraphs("“OK”\nhe said"), ["“OK” he said"])
  }

  func testInvisibleCharactersAtTheBreakDoNotDecide() {
    XCTAssertEqual(paragraphs("第一條\u{200D}\n第二條"), ["第一條\u{200D}第二條"])
    XCTAssertEqual(paragraphs("第一條\u{200B}\n第二條"), ["第一條第二條"])
    XCTAssertEqual(paragraphs("第一條\n\u{FEFF}第二條"), ["第一條第二條"])
    XCTAssertEqual(paragraphs("第一條\u{200B}\nArticle 2"), ["第一條 Article 2"])
  }

  func testPlainTextLineEndsAreKept() {
    let document = PlainTextParser().parse("他說\n“來了。”", title: "t")
    XCTAssertEqual(document.blocks.first?.runs.plainText, "他說\n“來了。”")
  }
}
