import XCTest

@testable import ReaderCore

/// The index of a long document built by several threads at once finds exactly what one
/// thread's index finds, in the same order, across the places where the parts meet.
final class SearchIndexBuilderTests: XCTestCase {
  /// A novel's worth of short chapters: a heading and paragraphs in both scripts, with the names
  /// searched for in every part, in Latin letters in both cases and in a table now and then.
  private func novel(paragraphs: Int) -> Document {
    let markdown = (0..<paragraphs).map { number in
      switch number % 7 {
      case 0: return "## 第\(number / 7 + 1)回　曹操發佈檄文\n"
      case 3: return "曹操发布檄文，OpenAI 與 openai 的第\(number)段。\n"
      case 5: return "| 人物 | 兵器 |\n| --- | --- |\n| 關羽 | 青龍偃月刀 \(number) |\n"
      default: return "話說天下大勢，分久必合，合久必分。關羽第\(number)段。\n"
      }
    }.joined(separator: "\n")
    return MarkdownParser().parse(markdown, title: "novel.md")
  }

  func testSeveralThreadsFindWhatOneThreadFinds() throws {
    let document = novel(paragraphs: 3 * SearchIndexBuilder.blocksPerThread + 777)
    let blocks = document.blocks
    let normalizer = try SearchNormalizer()
    let one = try SearchIndexBuilder.segments(of: 0..<blocks.count, normalizer: normalizer, threads: 1) {
      blocks[$0]
    }
    let three = try SearchIndexBuilder.segments(of: 0..<blocks.count, normalizer: normalizer, threads: 3) {
      blocks[$0]
    }
    XCTAssertEqual(one.count, 1)
    XCTAssertEqual(three.count, 3)
    XCTAssertEqual(
      three.map(\.blocks.lowerBound), [0, three[0].blocks.upperBound, three[1].blocks.upperBound])
    XCTAssertEqual(three.last?.blocks.upperBound, blocks.count)
    let whole = SearchIndex(normalizer: normalizer).appending(segments: one)
    let parts = SearchIndex(normalizer: normalizer).appending(segments: three)
    for query in ["發布", "关羽", "OpenAI", "openai", "青龍偃月刀 1", "段。", "re:第\\d+段"] {
      let pattern = SearchPattern(
        query.hasPrefix("re:") ? String(query.dropFirst(3)) : query, isRegex: query.hasPrefix("re:"))
      let expected = whole.results(for: pattern).matches
      XCTAssertGreaterThan(expected.count, 100, query)
      XCTAssertEqual(parts.results(for: pattern).matches, expected, query)
    }
  }

  func testAShortRunIsBuiltByTheCallingThreadAlone() throws {
    let document = novel(paragraphs: SearchIndexBuilder.blocksPerThread + 10)
    let blocks = document.blocks
    let segments = try SearchIndexBuilder.segments(
      of: 0..<blocks.count, normalizer: try SearchNormalizer(), threads: 8
    ) { blocks[$0] }
    XCTAssertEqual(segments.count, 1, "one part of fewer than two threads' worth of blocks")
    XCTAssertTrue(
      try SearchIndexBuilder.segments(of: 5..<5, normalizer: try SearchNormalizer()) { blocks[$0] }.isEmpty)
  }
}
