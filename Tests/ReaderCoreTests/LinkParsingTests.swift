import ReaderCore
import XCTest

/// Links, images, footnotes and HTML reach the model as readable text with their targets.
final class LinkParsingTests: XCTestCase {
  private func runs(_ markdown: String) -> [InlineRun] {
    MarkdownParser().parse(markdown, title: "t").blocks.first?.runs ?? []
  }

  func testLinkRunsCarryTheirDestination() {
    let parsed = runs("本雜誌[開源](https://github.com/example/weekly \"標題\")，歡迎[**投稿**](issues.md)。")
    XCTAssertEqual(parsed.plainText, "本雜誌開源，歡迎投稿。")
    let linked = parsed.filter { $0.target != nil }
    XCTAssertEqual(linked.map(\.text), ["開源", "投稿"])
    XCTAssertEqual(linked.map(\.target), [.link("https://github.com/example/weekly"), .link("issues.md")])
    XCTAssertTrue(linked[1].style.contains(.bold))
    XCTAssertTrue(linked.allSatisfy { $0.style.contains(.link) })
  }

  func testControlCharactersInADestinationAreMadeVisible() {
    let parsed = runs("[x](https://e.com/&#27;]52;c;x)")
    XCTAssertEqual(parsed.first?.target, .link("https://e.com/\u{241B}]52;c;x"))
  }

  func testImagesShowAltTextOrFileNameInThePlaceholderOfTheDocumentsLanguage() {
    let chinese = MarkdownParser().parse("中文段落。\n\n![](images/cover.webp?v=2)\n\n![封面](a.png)\n", title: "t")
    XCTAssertEqual(chinese.blocks.map(\.runs.plainText), ["中文段落。", "[圖: cover.webp]", "[圖: 封面]"])
    XCTAssertTrue(
      chinese.blocks[1].runs.allSatisfy { $0.style.contains(.image) && !$0.style.contains(.link) })
    let english = runs("See ![logo](l.svg) and ![](pics/a.jpg).")
    XCTAssertEqual(english.plainText, "See [image: logo] and [image: a.jpg].")
    XCTAssertEqual(runs("Photo: ![台北 101](x.jpg)").plainText, "Photo: [圖: 台北 101]")
  }

  func testAnImageInsideALinkIsPartOfTheLink() {
    let parsed = runs("[![build](badge.svg)](https://ci.example.com)")
    XCTAssertEqual(parsed.plainText, "[image: build]")
    XCTAssertTrue(parsed.allSatisfy { $0.target == .link("https://ci.example.com") })
  }

  func testFootnoteReferencesAndDefinitionsShareTheirNumber() throws {
    let document = try MarkdownFixtures.document("footnotes-and-html.md")
    let references = document.blocks.flatMap(\.runs).filter { $0.target != nil && $0.style.contains(.link) }
    let footnotes = references.compactMap { run -> String? in
      if case .footnote(let label) = run.target { return label + ":" + run.text }
      return nil
    }
    XCTAssertEqual(footnotes, ["1:[1]", "2:[2]", "1:[1]"])
    let definitions = document.blocks.compactMap { block -> String? in
      guard case .footnote(let label, let blocks) = block.kind else { return nil }
      return label + " " + blocks.map(\.runs.plainText).joined()
    }
    XCTAssertEqual(definitions, ["1 這裡的 n 指輸入的長度，見 Sipser 的教科書。", "2 見本書序言第二段。"])
  }

  func testInlineHTMLIsRenderedAsText() {
    let parsed = runs(
      "2<sup>n</sup>、2<sup>n+1</sup>、H<sub>2</sub>O、<kbd>Ctrl</kbd>、a<br>b、<span class=\"x\">s</span>、"
        + "<a href=\"https://x.org\">站</a>、<img src=\"z.gif\" alt=\"動圖\">、<!-- 註解 -->完")
    XCTAssertEqual(parsed.plainText, "2^n、2^(n+1)、H_2O、Ctrl、a\nb、s、站、[圖: 動圖]、完")
    XCTAssertEqual(parsed.first { $0.text == "站" }?.target, .link("https://x.org"))
    XCTAssertTrue(parsed.first { $0.text == "Ctrl" }?.style.contains(.code) == true)
    XCTAssertTrue(parsed.first { $0.text == "[圖: 動圖]" }?.style.contains(.image) == true)
  }

  func testBlockHTMLShowsItsTextWithoutTagsAndCommentsVanish() throws {
    let document = try MarkdownFixtures.document("footnotes-and-html.md")
    let texts = document.blocks.map(\.runs.plainText)
    XCTAssertFalse(texts.contains { $0.contains("<") || $0.contains("-->") || $0.contains("翻譯小組") })
    XCTAssertTrue(texts.contains("點擊展開：證明概要"))
    XCTAssertTrue(texts.contains("[圖: 指數成長曲線]\n圖 3-1：指數成長\n與多項式成長的比較"))
    XCTAssertEqual(document.outline.entries.first?.title, "第三章：演算法的代價")
    let block = MarkdownParser().parse("<p>見<a href=\"https://e.org\">官網</a>。</p>\n", title: "t").blocks
    XCTAssertEqual(
      block.first?.runs,
      [InlineRun("見"), InlineRun("官網", style: .link, target: .link("https://e.org")), InlineRun("。")])
  }

  func testHTMLTooDeepForLibxml2IsShownAsWrittenRatherThanLost() {
    let deep = String(repeating: "<div>", count: 300) + "最深處的文字" + String(repeating: "</div>", count: 300)
    let shown = MarkdownParser().parse(deep + "\n", title: "t").blocks.map(\.runs.plainText)
    XCTAssertEqual(shown, [deep])
    let shallow = String(repeating: "<div>", count: 200) + "最深處的文字" + String(repeating: "</div>", count: 200)
    XCTAssertEqual(
      MarkdownParser().parse(shallow + "\n", title: "t").blocks.map(\.runs.plainText), ["最深處的文字"])
  }

  func testThousandsOfUnclosedInlineTagsEachShowTheirMarker() {
    let runs = self.runs("x" + String(repeating: "<sup>", count: 5_000) + "y")
    XCTAssertEqual(runs.plainText, "x" + String(repeating: "^", count: 5_000) + "y")
  }
}
