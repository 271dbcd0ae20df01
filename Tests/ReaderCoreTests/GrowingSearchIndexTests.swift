import XCTest

@testable import ReaderCore

/// A document that grows in the background (chunks appended with `Document.append`) grows its
/// search index and its counts by the blocks appended, and finds exactly what the whole document's
/// index finds, in every script and case.
final class GrowingSearchIndexTests: XCTestCase {
  private let settings: [ConversionCache.Setting] = [
    .original, .init(script: .traditional), .init(script: .simplified),
  ]
  private let patterns = [
    SearchPattern("发布"), SearchPattern("董事会"), SearchPattern("openai"), SearchPattern("OpenAI"),
    SearchPattern("Altman"), SearchPattern("GPT"), SearchPattern("gpt"),
    SearchPattern("Chat[A-Z]+", isRegex: true), SearchPattern("董事.", isRegex: true),
  ]

  private struct Count {
    var index: SearchIndex
    var results: SearchResults
  }

  func testAnIndexGrownChunkByChunkFindsWhatTheWholeDocumentsIndexFinds() throws {
    let whole = Fixtures.article
    XCTAssertGreaterThan(whole.blocks.count, 20)
    var grown = Document(title: whole.title, blocks: Array(whole.blocks.prefix(4)))
    var conversions = ConversionCache(document: grown)
    var indexes = SearchIndexCache(conversions: conversions)
    var counts: [ConversionCache.Setting: [SearchPattern: Count]] = [:]
    func count() throws {
      for setting in settings {
        let index = try indexes.index(for: setting)
        XCTAssertEqual(index.blockCount, grown.blocks.count)
        for pattern in patterns {
          let earlier = counts[setting]?[pattern]
          if let earlier {
            XCTAssertTrue(index.extends(earlier.index), "what was indexed is kept, not built again")
          }
          let results = index.results(for: pattern, continuing: earlier.map { ($0.index, $0.results) })
          counts[setting, default: [:]][pattern] = Count(index: index, results: results)
        }
      }
    }
    try count()
    var next = 4
    while next < whole.blocks.count {
      let end = min(whole.blocks.count, next + 7)
      grown.append(Array(whole.blocks[next..<end]))
      conversions = conversions.grown(to: grown)
      indexes = indexes.grown(with: conversions)
      try count()
      next = end
    }
    let wholeIndexes = SearchIndexCache(conversions: ConversionCache(document: whole))
    for setting in settings {
      let index = try wholeIndexes.index(for: setting)
      for pattern in patterns {
        let expected = index.results(for: pattern)
        XCTAssertGreaterThan(expected.count, 0, "\(pattern) in \(setting.script)")
        XCTAssertEqual(counts[setting]?[pattern]?.results, expected, "\(pattern.text) in \(setting.script)")
      }
    }
    let original = try wholeIndexes.index(for: .original)
    XCTAssertEqual(original.results(for: "Gpt").count, 0, "smart case: exact case")
  }

  func testACountOfAnotherPatternOrAnIndexNotExtendedIsNotContinued() throws {
    let whole = Fixtures.article
    let first = Document(title: whole.title, blocks: Array(whole.blocks.prefix(10)))
    let firstIndexes = SearchIndexCache(conversions: ConversionCache(document: first))
    let early = try firstIndexes.index(for: .original)
    var grown = first
    grown.append(Array(whole.blocks[10...]))
    let later = try firstIndexes.grown(with: ConversionCache(document: grown)).index(for: .original)
    let whole1 = try SearchIndexCache(conversions: ConversionCache(document: whole)).index(for: .original)
    let openAI = early.results(for: SearchPattern("OpenAI"))
    XCTAssertEqual(
      later.results(for: SearchPattern("Altman"), continuing: (early, openAI)), whole1.results(for: "Altman"),
      "another pattern's count starts again")
    XCTAssertFalse(whole1.extends(early))
    XCTAssertEqual(
      whole1.results(for: SearchPattern("Altman"), continuing: (early, early.results(for: "Altman"))),
      whole1.results(for: "Altman"), "an index built apart starts again")
  }

  func testCaseIsComparedInTheLettersThatHaveIt() throws {
    let document = MarkdownParser().parse(
      "aAa 與 ΣΑΣ 和 σας\n\nＡｐｐｌｅ發布 Apple發佈 ﬃ İstanbul istanbul", title: "t")
    let index = try SearchIndexCache(conversions: ConversionCache(document: document)).index(for: .original)
    XCTAssertEqual(index.results(for: "Aa").matches.map(\.offset), [1], "an exact match after a folded one")
    XCTAssertEqual(index.results(for: "aa").count, 1)
    XCTAssertEqual(index.results(for: "ΣΑΣ").count, 1)
    XCTAssertEqual(index.results(for: "σας").count, 1, "a final sigma is its own letter")
    XCTAssertEqual(index.results(for: "Apple發布").matches.map(\.offset), [0, 8])
    XCTAssertEqual(index.results(for: "Apple發布").matches.map(\.length), [7, 7])
    XCTAssertEqual(index.results(for: "İstanbul").count, 1)
    XCTAssertEqual(index.results(for: "istanbul").count, 1, "İ lowers to i and a dot above")
  }
}
