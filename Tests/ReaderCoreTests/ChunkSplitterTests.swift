import XCTest

@testable import ReaderCore

final class ChunkSplitterTests: XCTestCase {
  /// Parses each chunk on its own, ids continuing, and checks the blocks equal the whole parse.
  static func assertChunksParseLikeWhole(
    _ bytes: [UInt8], targetSize: Int, minimumChunks: Int, _ name: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let parser = MarkdownParser()
    let whole = parser.parseBlocks(String(decoding: bytes, as: UTF8.self), firstID: 0).blocks
    let chunks = ChunkSplitter(targetSize: targetSize).chunks(of: bytes)
    var blocks: [Block] = []
    var nextID = 0
    for range in chunks {
      let parsed = parser.parseBlocks(String(decoding: bytes[range], as: UTF8.self), firstID: nextID)
      blocks += parsed.blocks
      nextID = parsed.nextID
    }
    XCTAssertGreaterThanOrEqual(chunks.count, minimumChunks, "\(name): too few cuts", file: file, line: line)
    XCTAssertEqual(blocks.count, whole.count, "\(name): block count", file: file, line: line)
    for (index, (chunked, expected)) in zip(blocks, whole).enumerated() where chunked != expected {
      XCTFail(
        "\(name): top-level block \(index) differs:\n\(chunked)\nvs\n\(expected)", file: file, line: line)
      return
    }
  }

  func testChunksAreConsecutiveAndCutBeforeLinesThatFollowABlankLine() {
    let bytes = Array(Fixtures.articleText.utf8)
    let chunks = ChunkSplitter(targetSize: 500).chunks(of: bytes)
    XCTAssertGreaterThan(chunks.count, 10)
    XCTAssertEqual(chunks.first?.lowerBound, 0)
    XCTAssertEqual(chunks.last?.upperBound, bytes.count)
    for (previous, next) in zip(chunks, chunks.dropFirst()) {
      XCTAssertEqual(previous.upperBound, next.lowerBound)
      XCTAssertGreaterThanOrEqual(previous.count, 500)
      XCTAssertEqual(Array(bytes[(next.lowerBound - 2)..<next.lowerBound]), Array("\n\n".utf8))
      XCTAssertNotEqual(bytes[next.lowerBound], UInt8(ascii: " "))
    }
  }

  func testBundledArticleChunksParseLikeTheWhole() {
    let bytes = Array(Fixtures.articleText.utf8)
    Self.assertChunksParseLikeWhole(bytes, targetSize: 1, minimumChunks: 40, "article, every cut")
    Self.assertChunksParseLikeWhole(bytes, targetSize: 1000, minimumChunks: 8, "article, 1000 bytes")
  }

  func testGeneratedDocumentChunksParseLikeTheWhole() throws {
    let bytes = try MarkdownSamples.generatedDocument(megabytes: "0.3")
    XCTAssertGreaterThanOrEqual(bytes.count, 300_000)
    Self.assertChunksParseLikeWhole(bytes, targetSize: 4096, minimumChunks: 60, "generated 0.3 MB")
  }

  func testTrickyInputsChunkParseLikeTheWhole() {
    for sample in MarkdownSamples.tricky {
      Self.assertChunksParseLikeWhole(Array(sample.text.utf8), targetSize: 1, minimumChunks: 2, sample.name)
    }
  }

  func testNoCutInsideAFenceWithBlankLines() {
    let text = "Intro.\n\n```\ncode\n\ncolumn zero\n\n~~~\n\n```\n\nAfter.\n"
    let chunks = ChunkSplitter(targetSize: 1).chunks(of: Array(text.utf8))
    let cuts = chunks.dropFirst().map { String(text.utf8.dropFirst($0.lowerBound).prefix(6))! }
    XCTAssertEqual(cuts, ["```\nco", "After."])
  }

  func testNoCutBeforeAnItemThatContinuesTheList() {
    let text = "- one\n\n- two\n\n+ three\n\nPara.\n\n1. four\n\n2. five\n"
    let chunks = ChunkSplitter(targetSize: 1).chunks(of: Array(text.utf8))
    let cuts = chunks.dropFirst().map { String(text.utf8.dropFirst($0.lowerBound).prefix(5))! }
    XCTAssertEqual(cuts, ["Para."])
  }

  func testLoneCarriageReturnsEndLines() {
    let text = "One.\r\rTwo.\r\n\r\nThree."
    let chunks = ChunkSplitter(targetSize: 1).chunks(of: Array(text.utf8))
    XCTAssertEqual(chunks.map(\.lowerBound), [0, 6, 14])
  }

  func testWithoutBlankLinesThereIsOneChunk() {
    let text = String(repeating: "一行文字\n", count: 10_000)
    XCTAssertEqual(ChunkSplitter(targetSize: 100).chunks(of: Array(text.utf8)).count, 1)
  }

  func testEmptyInputHasNoChunks() {
    XCTAssertEqual(ChunkSplitter(targetSize: 10).chunks(of: []), [])
  }
}
