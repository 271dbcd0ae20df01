import XCTest

@testable import ReaderCore

/// Plain-text books get an outline from their chapter lines, and prose never becomes a heading.
final class ChapterDetectionTests: XCTestCase {
  private func outline(_ text: String) -> [String] {
    PlainTextParser().parse(text, title: "t.txt").outline.entries.map {
      String(repeating: "  ", count: $0.level - 1) + $0.title
    }
  }

  /// A chapter number too large for an `Int` is no number: it trapped on the overflow.
  func testAChapterNumberTooLargeToHoldIsNoNumber() {
    let nines = String(repeating: "九", count: 25)
    XCTAssertNil(ChineseNumber.value(of: Substring(nines)))
    XCTAssertNil(ChineseNumber.value(of: Substring(nines + "千")))
    XCTAssertNil(ChineseNumber.value(of: Substring(String(repeating: "９", count: 25))))
    XCTAssertEqual(ChineseNumber.value(of: "九百二十二京"), nil, "not a numeral it knows")
    XCTAssertEqual(ChineseNumber.value(of: "九九九九九九九九九九九九九九九九九九"), 999_999_999_999_999_999)
    XCTAssertEqual(ChineseNumber.value(of: "一百零八"), 108)
    let text = "第\(nines)章　開始\n\n內容。\n\n第\(nines)九章　再來\n\n內容。\n\n第三章　又來\n\n內容。\n"
    XCTAssertEqual(outline(text), [], "no chapters run in sequence, and nothing traps")
  }

  func testTheNovelsVolumesAndChaptersMakeATwoLevelOutline() {
    XCTAssertEqual(
      outline(NovelFixtures.hongloumeng),
      [
        "第一卷",
        "  第一回　甄士隱夢幻識通靈　賈雨村風塵懷閨秀",
        "  第二回　賈夫人仙逝揚州城　冷子興演說榮國府",
        "  第三回　託內兄如海薦西賓　接外孫賈母惜孤女",
        "第二卷",
        "  第四回　薄命女偏逢薄命郎　葫蘆僧亂判葫蘆案",
      ])
  }

  func testPrologueEpilogueAndIndentedChaptersWithoutVolumesAreLevelOne() {
    let text = """
      楔子

      　　那一年，山裡下了很大的雪。

      　　第一章　歸來

      　　他回到了村子。

      　　第二章：舊友

      　　老朋友還在等他。

      第三章

      　　故事說完了。

      後記

      　　寫於二〇二四年冬。

      番外一　雪夜
      """
    XCTAssertEqual(outline(text), ["楔子", "第一章　歸來", "第二章：舊友", "第三章", "後記", "番外一　雪夜"])
  }

  func testProseWithOrdinalsHasNoChapters() {
    let document = PlainTextParser().parse(NovelFixtures.diary, title: "diary.txt")
    XCTAssertTrue(NovelFixtures.diary.contains("第一次見到她"))
    XCTAssertTrue(document.outline.isEmpty, "\(document.outline.entries.map(\.title))")
  }

  func testNumbersThatDoNotRunInSequenceAreNotChapters() {
    // Two short lines that look like headings but number 3 then 7: a list of references, not chapters.
    let text = "見\n\n第三章\n\n和\n\n第七章\n\n都講過這件事"
    XCTAssertEqual(outline(text), [])
    XCTAssertEqual(outline("第二回\n\n只有一個，又不是第一。"), [])
    XCTAssertEqual(outline("第一回\n\n只有一個，但是第一。"), ["第一回"])
  }

  func testEnglishChaptersAndMixedNumerals() {
    let text =
      "Chapter 1: Loomings\n\nCall me Ishmael.\n\nChapter 2 The Carpet-Bag\n\nI stuffed a shirt.\n\n"
      + "Chapter 3 was where it all went wrong.\n"
    XCTAssertEqual(outline(text), ["Chapter 1: Loomings", "Chapter 2 The Carpet-Bag"])
    XCTAssertEqual(outline("第九章\n\n甲\n\n第十章\n\n乙\n\n第十一章\n\n丙"), ["第九章", "第十章", "第十一章"])
    XCTAssertEqual(outline("第１章\n\n甲\n\n第２章\n\n乙"), ["第１章", "第２章"])
  }

  func testChineseNumbers() {
    let cases: [(String, Int)] = [
      ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百零八", 108), ("两千", 2000),
      ("一〇八", 108), ("12", 12), ("１２０", 120), ("三萬五千", 35000),
    ]
    for (text, value) in cases { XCTAssertEqual(ChineseNumber.value(of: text[...]), value, text) }
    XCTAssertEqual(RomanNumber.value(of: "XIV"), 14)
  }

  func testADocumentWithoutHeadingsHasNoOutlinePane() {
    for document in [
      PlainTextParser().parse(NovelFixtures.diary, title: "diary.txt"),
      MarkdownParser().parse("只有一段文字，沒有標題。\n\n第二段。\n", title: "plain.md"),
    ] {
      let state = ReaderState(document: document, size: TerminalSize(width: 80, height: 12))
      XCTAssertNil(state.geometry.outline)
      // The whole width, but for the margin the measure keeps from the screen's edges.
      XCTAssertEqual(state.geometry.bodyPane.width, 80)
      XCTAssertEqual(state.geometry.body.x, 2)
      XCTAssertEqual(state.geometry.body.width, 76)
      XCTAssertFalse(FrameRenderer.render(state).text(ofRow: 0).contains("│"), "no divider")
    }
    let novel = ReaderState(
      document: PlainTextParser().parse(NovelFixtures.hongloumeng, title: "紅樓夢.txt"),
      size: TerminalSize(width: 80, height: 12))
    XCTAssertNotNil(novel.geometry.outline)
    XCTAssertTrue(FrameRenderer.render(novel).text(ofRow: 1).hasPrefix("  第一回"))
  }
}
