import XCTest

@testable import ReaderCore

final class ScriptConverterTests: XCTestCase {
  let converter = ScriptConverter.shared

  func traditionalArticle() throws -> String {
    DocumentPrinter.text(of: try converter.convert(Fixtures.article, to: .traditional), width: 0)
  }

  func simplifiedArticle() throws -> String {
    DocumentPrinter.text(of: try converter.convert(Fixtures.article, to: .simplified), width: 0)
  }

  func testTraditionalViewConvertsTheSimplifiedParagraphsOnly() throws {
    let text = try traditionalArticle()
    for expected in ["從外界看來，ChatGPT 是史上最成功的產品", "在整個過程中，Altman 持續推動公司前進", "Altman 被解雇的原因"] {
      XCTAssertTrue(text.contains(expected), "missing \(expected)")
    }
    XCTAssertFalse(text.contains("僱"))
    XCTAssertFalse(text.contains("週五"))
  }

  func testTraditionalViewLeavesTraditionalSentencesExactlyAsWritten() throws {
    let original = DocumentPrinter.text(of: Fixtures.article, width: 0).split(separator: "\n")
    let converted = try traditionalArticle().split(separator: "\n")
    XCTAssertEqual(original.count, converted.count)
    let changed = zip(original, converted).filter { $0 != $1 }.map { String($0.0.prefix(12)) }
    XCTAssertEqual(changed.count, 5, "\(changed)")
    for (before, after) in zip(original, converted) where before != after {
      let sentences = try ScriptDetector.shared.sentences(in: String(before))
      let afterSentences = try ScriptDetector.shared.sentences(in: String(after))
      XCTAssertEqual(sentences.count, afterSentences.count)
      for (sentence, result) in zip(sentences, afterSentences) where sentence.script != .simplified {
        XCTAssertEqual(sentence.text, result.text)
      }
    }
  }

  func testSimplifiedViewConvertsTheTraditionalSentences() throws {
    let text = try simplifiedArticle()
    for expected in ["这场动荡最显著的特点", "随着用户不断增加", "大家好，这里是最佳拍档"] {
      XCTAssertTrue(text.contains(expected), "missing \(expected)")
    }
    XCTAssertFalse(text.contains("隨著"))
    XCTAssertEqual(
      try ScriptDetector.shared.sentences(in: text).filter { $0.script == .traditional }.map(\.text), [])
  }

  func testOutlineFollowsTheConvertedBlocks() throws {
    let simplified = try converter.convert(Fixtures.article, to: .simplified)
    XCTAssertEqual(simplified.outline.entries.count, Fixtures.article.outline.entries.count)
    XCTAssertEqual(simplified.outline.entries[1].title, "引言：OpenAI 的动荡与内幕揭秘")
    XCTAssertEqual(simplified.title, Fixtures.article.title)
  }

  func testBlockKeepsItsIdAndRunStylesAndLeavesCodeAlone() throws {
    let block = Block(
      id: 42,
      kind: .paragraph([
        InlineRun("这是", style: []), InlineRun("软件", style: .bold), InlineRun("里面", style: .italic),
        InlineRun("发现", style: .code), InlineRun("头发。", style: []),
      ]))
    let converted = try converter.convert(block, to: .traditional)
    XCTAssertEqual(converted.id, 42)
    XCTAssertEqual(
      converted.runs,
      [
        InlineRun("這是", style: []), InlineRun("軟件", style: .bold), InlineRun("裡面", style: .italic),
        InlineRun("发现", style: .code), InlineRun("頭髮。", style: []),
      ])
    let code = Block(id: 7, kind: .code(info: "", text: "这是代码"))
    XCTAssertEqual(try converter.convert(code, to: .traditional), code)
    XCTAssertEqual(try converter.convert(code, to: .simplified), code)
  }

  func testPhrasesAcrossStyleChangesConvertAsOne() throws {
    // 头发 is one phrase (頭髮); converted run by run 发 alone would become 發.
    let runs = [InlineRun("头"), InlineRun("发", style: .bold), InlineRun("很干燥。")]
    XCTAssertEqual(
      try converter.convert(runs: runs, to: .traditional),
      [InlineRun("頭"), InlineRun("髮", style: .bold), InlineRun("很乾燥。")])
  }

  func testVocabularyLocalisationIsOptIn() throws {
    XCTAssertEqual(try converter.convert("人工智能软件。", to: .traditional), "人工智能軟件。")
    XCTAssertEqual(try converter.convert("人工智能软件。", to: .traditional, vocabulary: true), "人工智慧軟體。")
    XCTAssertEqual(try converter.convert("人工智慧軟體。", to: .simplified), "人工智慧软体。")
    XCTAssertEqual(try converter.convert("人工智慧軟體。", to: .simplified, vocabulary: true), "人工智能软件。")
  }

  func testLongerVocabularyOutputAcrossRunsIsConvertedRunByRun() throws {
    let runs = [InlineRun("闪存"), InlineRun("和", style: .bold), InlineRun("鼠标。")]
    XCTAssertEqual(
      try converter.convert(runs: runs, to: .traditional, vocabulary: true),
      [InlineRun("快閃記憶體"), InlineRun("和", style: .bold), InlineRun("滑鼠。")])
  }

  func testTablesListsAndQuotesAreConvertedInside() throws {
    let document = MarkdownParser().parse("- 软件\n\n> 里面\n\n| 头发 |\n|---|\n| 发现 |\n", title: "t")
    let converted = try converter.convert(document, to: .traditional)
    XCTAssertEqual(converted.blocks.map(\.id), document.blocks.map(\.id))
    XCTAssertEqual(
      DocumentPrinter.text(of: converted, width: 0),
      DocumentPrinter.text(of: document, width: 0)
        .replacingOccurrences(of: "软件", with: "軟件").replacingOccurrences(of: "里面", with: "裡面")
        .replacingOccurrences(of: "头发", with: "頭髮").replacingOccurrences(of: "发现", with: "發現"))
  }

  func testAuthorsTraditionalSpellingIsKeptInConvertedSentences() throws {
    let document = MarkdownParser().parse("董事會在會議上解雇了他。\n\n他被解雇了，这让员工很吃惊。\n", title: "t")
    let spelling = try ScriptDetector.shared.authorSpelling(of: document)
    XCTAssertTrue(spelling.keeps("雇", over: "僱"))
    XCTAssertEqual(
      try converter.convert(document.blocks[1], to: .traditional, spelling: spelling).runs.plainText,
      "他被解雇了，這讓員工很吃驚。")
    XCTAssertEqual(
      try converter.convert(document.blocks[1], to: .traditional).runs.plainText, "他被解僱了，這讓員工很吃驚。")
  }

  func testConvertedSentencesOfTheArticleSpellAsItsAuthorDoes() throws {
    let original = DocumentPrinter.text(of: Fixtures.article, width: 0)
    let converted = try traditionalArticle()
    XCTAssertEqual(original.components(separatedBy: "發布").count - 1, 7, "the author writes 發布")
    XCTAssertEqual(original.components(separatedBy: "发布").count - 1, 2, "and 发布 twice in Simplified")
    XCTAssertEqual(converted.components(separatedBy: "發布").count - 1, 9)
    XCTAssertFalse(converted.contains("發佈"), "OpenCC alone writes 發佈")
    XCTAssertEqual(try OpenCCLibrary.shared.converter(named: "s2tw").convert("产品发布"), "產品發佈")
    // Every sentence the view converted uses the author's 強 and 夠, never 强 or 够.
    var convertedSentences: [String] = []
    for (before, after) in zip(original.split(separator: "\n"), converted.split(separator: "\n"))
    where before != after {
      let sentences = try ScriptDetector.shared.sentences(in: String(before))
      let results = try ScriptDetector.shared.sentences(in: String(after))
      for (sentence, result) in zip(sentences, results) where sentence.text != result.text {
        convertedSentences.append(result.text)
      }
    }
    XCTAssertEqual(convertedSentences.count, 11, "\(convertedSentences)")
    let joined = convertedSentences.joined()
    XCTAssertTrue(joined.contains("能夠與 NVIDIA"))
    XCTAssertFalse(joined.contains("强") || joined.contains("够") || joined.contains("發佈"))
  }

  func testTheAuthorsSpellingOfAWordIsKeptOnlyWhereTheAuthorWritesThatWord() throws {
    let writesDingzhi = MarkdownParser().parse("這家店提供定制服務。\n\n我们接受定制。\n", title: "t")
    let spelling = try ScriptDetector.shared.authorSpelling(of: writesDingzhi)
    XCTAssertEqual(
      try converter.convert(writesDingzhi.blocks[1], to: .traditional, spelling: spelling).runs.plainText,
      "我們接受定制。")
    let writesZhidu = MarkdownParser().parse("這是一個制度問題。\n\n我们接受定制。\n", title: "t")
    XCTAssertEqual(
      try converter.convert(
        writesZhidu.blocks[1], to: .traditional,
        spelling: try ScriptDetector.shared.authorSpelling(of: writesZhidu)
      ).runs.plainText, "我們接受定製。", "制 elsewhere proves no choice for 定製")
  }

  /// A paragraph of a thousand sentences (one run, thousands of replacements) converts as each of
  /// its sentences does: the replacements are put in the run piece by piece, in order.
  func testAVeryLongParagraphConvertsAsItsSentencesDo() throws {
    let sentence = "但它却使 OpenAI 分裂成截然不同的方向，加剧了已有的意识形态分歧。"
    let one = MarkdownParser().parse(sentence, title: "one.md")
    let long = MarkdownParser().parse(String(repeating: sentence, count: 1_000), title: "long.md")
    XCTAssertEqual(long.blocks.count, 1)
    let convertedOne = DocumentPrinter.text(of: try converter.convert(one, to: .traditional), width: 0)
    let convertedLong = DocumentPrinter.text(of: try converter.convert(long, to: .traditional), width: 0)
    let expected = convertedOne.trimmingCharacters(in: .newlines)
    XCTAssertTrue(expected.contains("加劇了已有的意識形態分歧"), expected)
    XCTAssertEqual(convertedLong.trimmingCharacters(in: .newlines), String(repeating: expected, count: 1_000))
  }

  func testOriginalIsTheTextAsWritten() throws {
    let block = Fixtures.article.blocks[5]
    XCTAssertEqual(try converter.convert(block, to: .original), block)
    XCTAssertEqual(try converter.convert("这是", to: .original), "这是")
  }

  func testMissingOpenCCDataIsAnErrorValue() {
    let converter = ScriptConverter(library: OpenCCLibrary(dataDirectories: ["/nonexistent"]))
    for script in [DisplayScript.traditional, .simplified] {
      XCTAssertThrowsError(try converter.convert(Fixtures.article.blocks[5], to: script)) { error in
        XCTAssertTrue((error as? ConversionError)?.message.hasPrefix("OpenCC data missing: no ") == true)
      }
      XCTAssertThrowsError(try converter.prepare(script))
    }
  }

  func testScriptsCycleOriginalTraditionalSimplified() {
    XCTAssertEqual(DisplayScript.original.next, .traditional)
    XCTAssertEqual(DisplayScript.traditional.next, .simplified)
    XCTAssertEqual(DisplayScript.simplified.next, .original)
    XCTAssertEqual(DisplayScript.allCases.map(\.label), ["Original", "繁體", "简体"])
  }
}
