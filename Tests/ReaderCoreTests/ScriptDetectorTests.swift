import XCTest

@testable import ReaderCore

final class ScriptDetectorTests: XCTestCase {
  let detector = ScriptDetector.shared

  /// The article's paragraphs that hold Simplified text, by their first words.
  static let simplifiedParagraphs = ["從外界看來", "在超級對齊團隊成立後不久", "在整个过程中", "Altman 被解雇，可能是", "无论 Altman 是否留下"]

  func testFindsSimplifiedTextInExactlyTheFiveParagraphsThatHaveIt() throws {
    var found: [String] = []
    for block in Fixtures.article.blocks where try detector.script(of: block).containsSimplified {
      let text = block.runs.plainText
      found.append(Self.simplifiedParagraphs.first { text.hasPrefix($0) } ?? text)
    }
    XCTAssertEqual(found, Self.simplifiedParagraphs)
  }

  func testTheParagraphThatSwitchesScriptIsSimplifiedFromItsSecondSentence() throws {
    let paragraph = try XCTUnwrap(
      Fixtures.article.blocks.first { $0.runs.plainText.hasPrefix("在超級對齊團隊成立後不久") })
    XCTAssertEqual(try detector.script(of: paragraph), .mixed)
    let sentences = try detector.sentences(in: paragraph.runs.plainText)
    XCTAssertGreaterThanOrEqual(sentences.count, 2)
    XCTAssertEqual(sentences[0].script, .traditional)
    XCTAssertTrue(sentences[1].text.trimmingWhitespace().hasPrefix("这个月初"), sentences[1].text)
    XCTAssertEqual(
      sentences.dropFirst().map(\.script), Array(repeating: .simplified, count: sentences.count - 1))
  }

  func testOnePassOverTheDocumentAgreesWithBlockByBlockDetection() throws {
    let scripts = try detector.scripts(of: Fixtures.article)
    XCTAssertEqual(scripts.blockScripts, try Fixtures.article.blocks.map { try detector.script(of: $0) })
    XCTAssertEqual(scripts.blockScripts.filter(\.containsSimplified).count, 5)
    XCTAssertEqual(scripts.dominant, .traditional)
    XCTAssertEqual(scripts.evidence, try detector.evidence(of: Fixtures.article))
    XCTAssertTrue(scripts.spelling.keeps("雇", over: "僱"))
    XCTAssertFalse(scripts.spelling.keeps("制", over: "製"), "制 is never converted alone: no choice shown")
  }

  func testTheArticleIsMostlyTraditional() throws {
    XCTAssertEqual(try detector.dominantScript(of: Fixtures.article), .traditional)
    let evidence = try detector.evidence(of: Fixtures.article)
    XCTAssertGreaterThan(evidence.traditional, 3 * evidence.simplified)
  }

  func testSentencesSplitAfterEndPunctuationAndLineEnds() throws {
    let sentences = try detector.sentences(in: "这是简体。這是繁體！“這樣？”Latin only\r\nline\n")
    XCTAssertEqual(sentences.map(\.text), ["这是简体。", "這是繁體！", "“這樣？”", "Latin only\r\n", "line\n"])
    XCTAssertEqual(sentences.map(\.script), [.simplified, .traditional, .traditional, .neutral, .neutral])
    XCTAssertEqual(sentences.map(\.text).joined(), "这是简体。這是繁體！“這樣？”Latin only\r\nline\n")
  }

  func testTextWithoutDistinguishingCharactersIsNeutral() throws {
    XCTAssertEqual(try detector.script(of: "OpenAI 2023 的人"), .neutral)
    XCTAssertEqual(try detector.script(of: ""), .neutral)
    XCTAssertEqual(try detector.evidence(in: "OpenAI 的人"), ScriptEvidence())
  }

  func testContainersCombineTheScriptsOfTheirContent() throws {
    let document = MarkdownParser().parse(
      """
      - 这是简体
      - 這是繁體

      > 这是简体

      | 繁體 | 簡單 |
      |---|---|
      | 漢字 | 文字 |

      ```
      这是代码
      ```

      `这是代码` 的人
      """, title: "t")
    let scripts = try document.blocks.map { try detector.script(of: $0) }
    XCTAssertEqual(scripts, [.mixed, .simplified, .traditional, .neutral, .neutral])
  }

  func testMissingOpenCCDataIsReportedNotFatal() throws {
    let detector = ScriptDetector(library: OpenCCLibrary(dataDirectories: []))
    XCTAssertThrowsError(try detector.script(of: "这是简体")) { error in
      XCTAssertEqual(error as? ConversionError, .dataMissing(config: "t2s", searched: []))
    }
    XCTAssertEqual(try detector.script(of: "Latin needs no OpenCC"), .neutral)
  }
}
