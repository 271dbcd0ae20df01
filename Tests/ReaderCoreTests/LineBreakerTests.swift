import XCTest

@testable import ReaderCore

final class LineBreakerTests: XCTestCase {
  private func wrap(_ text: String, _ width: Int) -> [String] {
    LineBreaker(width: width).wrap([InlineRun(text)], leaf: 0).map(\.text)
  }

  func testCJKBreaksBetweenAnyTwoCharacters() {
    XCTAssertEqual(wrap("大家好這裡是最佳拍檔", 6), ["大家好", "這裡是", "最佳拍", "檔"])
  }

  func testClosingPunctuationNeverStartsALine() {
    // 「好，」 would put ， at the start of the second line; the 好 moves down with it.
    XCTAssertEqual(wrap("大家好，這裡是", 6), ["大家", "好，這", "裡是"])
    XCTAssertEqual(wrap("一二三。」四五", 6), ["一二", "三。」", "四五"])
  }

  func testOpeningPunctuationNeverEndsALine() {
    XCTAssertEqual(wrap("一二三「四五」", 6), ["一二三", "「四", "五」"])
    XCTAssertEqual(wrap("一二「三四五", 6), ["一二", "「三四", "五"])
    XCTAssertEqual(wrap("一二（三）四五", 6), ["一二", "（三）", "四五"])
  }

  func testLatinWordsStayWholeAndSpacesDisappearAtBreaks() {
    XCTAssertEqual(wrap("前 CEO Sam Altman 是否回歸", 12), ["前 CEO Sam", "Altman 是否", "回歸"])
    XCTAssertEqual(wrap("的OpenAI與", 7), ["的", "OpenAI", "與"])
  }

  func testWordLongerThanTheLineIsCutAtACharacterBoundary() {
    XCTAssertEqual(wrap("Supercalifragilistic", 8), ["Supercal", "ifragili", "stic"])
    XCTAssertEqual(wrap("abcdefgh，", 4), ["abcd", "efg", "h，"])
  }

  func testARunOfOpeningPunctuationFillsLinesInsteadOfOneCharacterEach() {
    let lines = wrap(String(repeating: "「", count: 30), 20)
    XCTAssertEqual(lines.map { DisplayWidth.of($0) }, [20, 20, 20])
    XCTAssertEqual(wrap(String(repeating: "[", count: 45), 20).count, 3)
  }

  func testEmojiAndCombiningMarksKeepTheirWidth() {
    let lines = LineBreaker(width: 5).wrap([InlineRun("e\u{301}👍🏻中文")], leaf: 0)
    XCTAssertEqual(lines.map(\.text), ["e\u{301}👍🏻", "中文"])
    XCTAssertTrue(lines.allSatisfy { $0.width <= 5 })
  }

  func testHardLineBreaksAreKept() {
    XCTAssertEqual(wrap("一二\n三", 10), ["一二", "三"])
  }

  func testWideCharacterInAOneColumnLineBecomesAnEllipsis() {
    XCTAssertEqual(wrap("中文", 1), ["…", "…"])
  }

  func testNoLineIsWiderThanTheWidthOnTheArticle() {
    for width in [1, 2, 3, 7, 20, 37, 61] {
      let layout = DocumentLayout(document: Fixtures.article, width: width)
      for block in 0..<layout.blockCount {
        for line in layout.lines(ofBlock: block) {
          XCTAssertLessThanOrEqual(line.width, width, "\(line.text) at width \(width)")
        }
      }
    }
  }
}

final class PlainTextTabTests: XCTestCase {
  func testTabsInPlainTextExpandToTheNextMultipleOfEight() {
    let document = PlainTextParser().parse("a\tb\n中文\tc\n\ttab", title: "t")
    let lines = DocumentLayout(document: document, width: 40).lines(ofBlock: 0).map(\.text)
    XCTAssertEqual(lines, ["a       b", "中文    c", "        tab"])
  }
}
