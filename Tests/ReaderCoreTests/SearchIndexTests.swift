import Foundation
import XCTest

@testable import ReaderCore

final class SearchIndexTests: XCTestCase {
  private func document(_ markdown: String) -> Document {
    MarkdownParser().parse(markdown, title: "t")
  }

  private func index(_ document: Document, script: DisplayScript = .original) throws -> SearchIndex {
    try SearchIndexCache(conversions: ConversionCache(document: document)).index(for: .init(script: script))
  }

  /// The document as the body shows it in `script`.
  private func shown(_ document: Document, _ script: DisplayScript) -> Document {
    let conversions = ConversionCache(document: document)
    let setting = ConversionCache.Setting(script: script)
    return Document(
      title: document.title, blocks: document.blocks.indices.map { conversions.block($0, setting) })
  }

  /// The displayed text each match covers, cut from its leaf by layout clusters.
  private func texts(of results: SearchResults, in displayed: Document) -> [String] {
    let leaves = Dictionary(
      uniqueKeysWithValues: LeafText.leaves(of: displayed).map { ($0.blockID, $0.text) })
    return results.matches.map { match in
      let runs = [InlineRun(leaves[match.leafID] ?? "")]
      let clusters = Cluster.clusters(of: runs)
      guard match.clusters.upperBound <= clusters.count else { return "<out of range>" }
      return Cluster.text(of: clusters[match.clusters], in: runs)
    }
  }

  func testSimplifiedQueryFindsBothTraditionalSpellings() throws {
    let doc = document("# 發布會\n\n新版本已經發佈了。\n\n产品发布之一。\n\n發表與公布不算。")
    let results = try index(doc).results(for: "发布")
    XCTAssertEqual(texts(of: results, in: doc), ["發布", "發佈", "发布"])
    XCTAssertEqual(results.matches.map(\.offset), [0, 5, 2])
    XCTAssertEqual(try index(doc).results(for: "發佈").count, 3)
  }

  func testQueryFindsEveryReleaseInTheBundledArticle() throws {
    let article = Fixtures.article
    let results = try index(article).results(for: "发布")
    let found = texts(of: results, in: article)
    XCTAssertEqual(found.filter { $0 == "發布" }.count, 7)
    XCTAssertEqual(found.filter { $0 == "发布" }.count, 2)
    XCTAssertEqual(found.count, 9)
    XCTAssertEqual(results.matches, results.matches.sorted { $0.position < $1.position })
    // The same places in the Simplified view, where all nine read 发布.
    let simplified = shown(article, .simplified)
    let inSimplified = try index(article, script: .simplified).results(for: "發布")
    XCTAssertEqual(texts(of: inSimplified, in: simplified), Array(repeating: "发布", count: 9))
    XCTAssertEqual(inSimplified.matches.map(\.leafID), results.matches.map(\.leafID))
  }

  func testTraditionalQueryFindsASimplifiedParagraph() throws {
    let article = Fixtures.article
    let results = try index(article).results(for: "增長速度超過了任何其他消費者")
    XCTAssertEqual(texts(of: results, in: article), ["增长速度超过了任何其他消费者"])
    // In the Traditional view that paragraph is converted, and the Simplified query finds it there.
    let traditional = shown(article, .traditional)
    let shown = try index(article, script: .traditional).results(for: "增长速度超过了任何其他消费者")
    XCTAssertEqual(texts(of: shown, in: traditional), ["增長速度超過了任何其他消費者"])
  }

  func testLatinLettersMatchInAnyCaseAndWidth() throws {
    let article = Fixtures.article
    let lower = try index(article).results(for: "openai")
    XCTAssertEqual(lower.count, 44)
    XCTAssertEqual(Set(texts(of: lower, in: article)), ["OpenAI"])
    XCTAssertEqual(try index(article).results(for: "OpenAI").matches, lower.matches, "smart case: exact case")
    XCTAssertEqual(try index(article).results(for: "ＯｐｅｎＡＩ").matches, lower.matches)
    XCTAssertEqual(try index(article).results(for: "OPENAI").count, 0, "an upper-case letter matches case")
    let doc = document("Ｇｏｏｇｌｅ 與 ÉCOLE 和 Cafe\u{301} 發布")
    let results = try index(doc).results(for: "google")
    XCTAssertEqual(texts(of: results, in: doc), ["Ｇｏｏｇｌｅ"])
    XCTAssertEqual(texts(of: try index(doc).results(for: "école"), in: doc), ["ÉCOLE"])
    // A combining accent belongs to the letter before it: Café is four clusters, so 發布 starts at 22.
    let cafe = try index(doc).results(for: "cafe")
    XCTAssertEqual(texts(of: cafe, in: doc), ["Cafe\u{301}"])
    XCTAssertEqual(cafe.matches.first?.length, 4)
    XCTAssertEqual(try index(doc).results(for: "发布").matches.first?.offset, 22)
  }

  func testBlanksMatchAnyBlankAndMatchesStayInsideOneParagraph() throws {
    let doc = document("第一段的結尾\n\n開頭的第二段\n\n全形\u{3000}空格與 tab\tstop")
    XCTAssertEqual(try index(doc).results(for: "結尾開頭").count, 0)
    XCTAssertEqual(try index(doc).results(for: "結尾 開頭").count, 0)
    XCTAssertEqual(texts(of: try index(doc).results(for: "全形 空格"), in: doc), ["全形\u{3000}空格"])
    XCTAssertEqual(try index(doc).results(for: "tab stop").count, 1)
    XCTAssertEqual(try index(doc).results(for: "TAB STOP").count, 0, "smart case")
  }

  func testEmptyBlankAndControlQueriesAreHarmless() throws {
    let article = try index(Fixtures.article)
    for query in ["", " ", "   ", "\u{3000}", "\t\n", "\u{0}", "\u{1B}[2J", "\u{7F}", "\u{202E}", "\u{FFFF}"]
    {
      let results = article.results(for: query)
      XCTAssertEqual(results.query, query)
      XCTAssertEqual(results.firstMatch(atOrAfter: .start)?.index, results.isEmpty ? nil : 0)
      if query.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
        XCTAssertTrue(results.isEmpty, "a blank query finds nothing: \(query.debugDescription)")
      }
    }
    // Controls are made visible as in the text: an ESC searches for ␛, not for an escape.
    let doc = document("a \u{241B}[2J b")
    XCTAssertEqual(texts(of: try index(doc).results(for: "\u{1B}[2J"), in: doc), ["\u{241B}[2J"])
    XCTAssertEqual(try index(doc).results(for: "\u{0}").count, 0)
  }

  func testMatchesLandOnTheLineThatShowsThem() throws {
    let article = Fixtures.article
    let results = try index(article).results(for: "发布")
    for width in [20, 37, 80] {
      let layout = DocumentLayout(document: article, width: width)
      for match in results.matches {
        let anchor = match.anchor(in: layout)
        let line = try XCTUnwrap(layout.lines(from: anchor, count: 1).first)
        XCTAssertEqual(line.key.leaf, match.leafID)
        XCTAssertLessThanOrEqual(line.key.offset, match.offset)
        let next = layout.lines(from: anchor, count: 2).dropFirst().first
        if let next, next.key.leaf == match.leafID, !next.text.isEmpty {
          XCTAssertGreaterThan(next.key.offset, match.offset, "the match is on a later line (width \(width))")
        }
        let shown = line.text
        XCTAssertTrue(
          shown.contains("發") || shown.contains("发"), "width \(width): \(shown) should show the match")
      }
    }
  }

  func testAMatchOnTheLastLineOfAParagraphIsNotPlacedOnTheBlankAfterIt() throws {
    let doc = document("一二三四五六七八九十甲乙丙丁發布戊己\n\n下一段")
    let layout = DocumentLayout(document: doc, width: 20)
    let match = try XCTUnwrap(try index(doc).results(for: "發布").matches.first)
    XCTAssertEqual(match.offset, 14)
    let anchor = match.anchor(in: layout)
    XCTAssertEqual(layout.lines(from: anchor, count: 1).first?.text, "甲乙丙丁發布戊己")
  }

  func testOffsetsStayExactWhenTheNormalisingConversionChangesLength() throws {
    // Debian's tw2s never changes the number of characters; tw2sp does (快閃記憶體 → 闪存).
    // Served as "tw2s", it shows that offsets after such a phrase still point at the text shown.
    let data = try Self.dataDirectoryServing(tw2sp: true)
    defer { try? FileManager.default.removeItem(atPath: data) }
    let library = OpenCCLibrary(dataDirectories: [data])
    XCTAssertEqual(try library.converter(named: "tw2s").convert("快閃記憶體"), "闪存")
    let normalizer = try SearchNormalizer(library: library)
    let doc = document("買了快閃記憶體，然後去發布會。")
    let results = try SearchIndex(displayed: doc, normalizer: normalizer).results(for: "發布會")
    XCTAssertEqual(texts(of: results, in: doc), ["發布會"])
    XCTAssertEqual(results.matches.first?.offset, 11)
  }

  /// A data directory whose tw2s.json is a copy of tw2sp.json, beside links to the dictionaries.
  private static func dataDirectoryServing(tw2sp: Bool) throws -> String {
    guard let source = OpenCCLibrary.shared.locate("tw2sp") else {
      XCTFail("OpenCC data is missing: tw2sp.json not in \(OpenCCLibrary.shared.dataDirectories)")
      throw CocoaError(.fileNoSuchFile)
    }
    let sourceDirectory = (source as NSString).deletingLastPathComponent
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("search-opencc-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: sourceDirectory)
    where name.hasSuffix(".ocd2") {
      try FileManager.default.createSymbolicLink(
        atPath: directory + "/" + name, withDestinationPath: sourceDirectory + "/" + name)
    }
    try FileManager.default.copyItem(atPath: source, toPath: directory + "/tw2s.json")
    return directory
  }
}

/// Smart case and regular expressions, over the same folded index (繁/简 always folded).
final class SearchPatternTests: XCTestCase {
  private func index(_ markdown: String, script: DisplayScript = .original) throws -> SearchIndex {
    let document = MarkdownParser().parse(markdown, title: "t")
    return try SearchIndexCache(conversions: ConversionCache(document: document)).index(
      for: .init(script: script))
  }

  func testAnUpperCaseLetterMakesTheSearchMatchCase() throws {
    let index = try index("Apple 與 apple 和 APPLE 發布\n\n第二段 Apple发布")
    XCTAssertEqual(index.results(for: "apple").count, 4, "no capital: any case")
    XCTAssertEqual(index.results(for: "Apple").count, 2)
    XCTAssertEqual(index.results(for: "APPLE").count, 1)
    XCTAssertEqual(index.results(for: "Ａｐｐｌｅ").count, 2, "a full-width capital counts")
    XCTAssertEqual(index.results(for: "Apple发布").count, 1, "繁/简 still folded when case matters")
    XCTAssertEqual(index.results(for: "Apple發布").count, 1)
    XCTAssertTrue(SearchPattern("Apple").isCaseSensitive)
    XCTAssertFalse(SearchPattern("發布 apple").isCaseSensitive)
    XCTAssertFalse(SearchPattern("\\S+ing", isRegex: true).isCaseSensitive, "\\S is syntax, not a capital")
    XCTAssertTrue(SearchPattern("\\sIng", isRegex: true).isCaseSensitive)
  }

  func testARegularExpressionMatchesInEveryScriptAndCase() throws {
    let index = try index("第1章 發布\n\n第22章 发布會\n\n第三章 沒有數字\n\nOpenAI openai")
    let chapters = index.results(for: SearchPattern("第[0-9]+章", isRegex: true))
    XCTAssertEqual(chapters.count, 2)
    XCTAssertEqual(chapters.matches.map(\.length), [3, 4])
    XCTAssertEqual(index.results(for: SearchPattern("發布|发布", isRegex: true)).count, 2)
    XCTAssertEqual(index.results(for: SearchPattern("发.会", isRegex: true)).count, 1, "發布會 folds to 发布会")
    XCTAssertEqual(index.results(for: SearchPattern("open\\w+", isRegex: true)).count, 2)
    XCTAssertEqual(index.results(for: SearchPattern("Open\\w+", isRegex: true)).count, 1)
    XCTAssertEqual(
      index.results(for: SearchPattern("^第", isRegex: true)).count, 3, "^ is a paragraph's start")
    XCTAssertEqual(index.results(for: SearchPattern("x*", isRegex: true)).count, 0, "empty matches are none")
  }

  func testAnInvalidRegularExpressionSaysWhyAndFindsNothing() throws {
    let pattern = SearchPattern("第(章", isRegex: true)
    let problem = try XCTUnwrap(pattern.problem)
    XCTAssertTrue(
      Message.invalidRegex(reason: problem).text(in: .english).hasPrefix("invalid regular expression: "),
      problem)
    XCTAssertEqual(try index("第(章").results(for: pattern).count, 0)
    XCTAssertNil(SearchPattern("第(章").problem, "literal text is never invalid")
    XCTAssertEqual(try index("第(章").results(for: "第(章").count, 1)
  }

  func testCancellingARegularExpressionSearchStopsIt() throws {
    let index = try index((0..<500).map { "段落 \($0)" }.joined(separator: "\n\n"))
    XCTAssertEqual(index.results(for: SearchPattern("段落 [0-9]+", isRegex: true)).count, 500)
    XCTAssertLessThan(
      index.results(for: SearchPattern("段落 [0-9]+", isRegex: true), isCancelled: { true }).count, 500)
  }
}

extension SearchPatternTests {
  func testAPatternThatMatchesEverythingStopsAtTheLimitAndSaysSo() throws {
    let match = SearchMatch(topIndex: 0, leafID: 0, offset: 0, length: 1)
    var results = SearchResults(query: ".", normalizedQuery: ".", matches: [match, match])
    results.isCapped = true
    XCTAssertEqual(InterfaceText.matchCount(results.count, capped: true).text(in: .english), "2+ matches")
    XCTAssertEqual(results.label(at: 0), "match 1/2+")
    let index = try index(String(repeating: "字", count: 2_000))
    let all = index.results(for: SearchPattern(".", isRegex: true))
    XCTAssertEqual(all.count, 2_000)
    XCTAssertFalse(all.isCapped)
    let huge = try self.index(String(repeating: "a", count: SearchIndex.maximumMatches + 10))
    let capped = huge.results(for: "a")
    XCTAssertEqual(capped.count, SearchIndex.maximumMatches)
    XCTAssertTrue(capped.isCapped)
    XCTAssertEqual(
      Message.match(index: 3, count: capped.count, capped: true, wrapped: nil).text(in: .english),
      "match 3/1,000,000+")
  }
}

extension SearchIndexTests {
  /// Each key typed in the prompt gives up the count of the pattern before it. The index of a
  /// document loaded whole is one segment, so the count stops inside it, not at its end: the
  /// counts of `A`, `Al`, `Alt` given up do not go on finding their matches over all 100 MB beside
  /// the count of `Altman` that is wanted.
  func testACountGivenUpStopsInsideTheIndexInsteadOfFindingEveryMatch() throws {
    let doc = document(String(repeating: "一個 a 字。\n\n", count: 10_000))
    let index = try index(doc)
    XCTAssertEqual(index.results(for: SearchPattern("a")).count, 10_000)
    var asked = 0
    let givenUp = index.results(
      for: SearchPattern("a"),
      isCancelled: {
        asked += 1
        return asked > 1
      })
    XCTAssertLessThan(givenUp.count, 5_000, "the count stopped when it was given up")
  }
}
