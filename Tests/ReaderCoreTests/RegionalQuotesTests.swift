import XCTest

@testable import ReaderCore

/// With vocabulary localisation, quotation marks follow the target region: 「」『』 for Taiwan,
/// “”‘’ for the mainland; without it they stay as written.
final class RegionalQuotesTests: XCTestCase {
  let converter = ScriptConverter.shared

  func testTaiwanVocabularyUsesCornerBrackets() throws {
    XCTAssertEqual(
      try converter.convert("他说：“这个‘软件’不错。”", to: .traditional, vocabulary: true), "他說：「這個『軟體』不錯。」")
    XCTAssertEqual(
      try converter.convert("他說：“這個軟體不錯。”", to: .traditional, vocabulary: true), "他說：「這個軟體不錯。」",
      "a sentence already Traditional gets the region's quotes too")
  }

  func testMainlandVocabularyUsesCurlyQuotes() throws {
    XCTAssertEqual(
      try converter.convert("他說：「這個『軟體』不錯。」", to: .simplified, vocabulary: true), "他说：“这个‘软件’不错。”")
    XCTAssertEqual(
      try converter.convert("他说：「这个软件不错。」", to: .simplified, vocabulary: true), "他说：“这个软件不错。”")
  }

  func testQuotesStayAsWrittenWithoutVocabulary() throws {
    XCTAssertEqual(try converter.convert("他说：“这个软件不错。”", to: .traditional), "他說：“這個軟件不錯。”")
    XCTAssertEqual(try converter.convert("他說：「這個軟體不錯。」", to: .simplified), "他说：「这个软体不错。」")
  }

  func testEnglishQuotesApostrophesAndCodeAreLeftAlone() throws {
    XCTAssertEqual(
      try converter.convert("OpenAI’s “safety first” 的说法，被称为“有效利他主义”。", to: .traditional, vocabulary: true),
      "OpenAI’s “safety first” 的說法，被稱為「有效利他主義」。")
    let runs = [InlineRun("他写了"), InlineRun("“代码”", style: .code), InlineRun("。")]
    XCTAssertEqual(
      try converter.convert(runs: runs, to: .traditional, vocabulary: true),
      [InlineRun("他寫了"), InlineRun("“代码”", style: .code), InlineRun("。")])
  }

  func testTheBundledArticlesQuotesFollowTaiwanWithVocabulary() throws {
    let original = DocumentPrinter.text(of: Fixtures.article, width: 0)
    XCTAssertTrue(original.contains("“惠及全人類”"))
    let localised = DocumentPrinter.text(
      of: try converter.convert(Fixtures.article, to: .traditional, vocabulary: true), width: 0)
    XCTAssertTrue(localised.contains("「惠及全人類」"))
    XCTAssertFalse(localised.contains("“惠"))
    let plain = DocumentPrinter.text(of: try converter.convert(Fixtures.article, to: .traditional), width: 0)
    XCTAssertTrue(plain.contains("“惠及全人類”"), "as written without vocabulary localisation")
  }
}
