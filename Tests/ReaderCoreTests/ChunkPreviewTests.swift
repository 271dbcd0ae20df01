import XCTest

@testable import ReaderCore

/// A first chunk that cannot be cut soon (one top-level block far longer than a chunk) is shown
/// from a preview of its start: the first screen is the whole parse's, and the parser has not
/// moved on, so the chunks parsed after it are the whole document's.
final class ChunkPreviewTests: XCTestCase {
  private func firstLines(_ blocks: [Block], count: Int) -> [LayoutLine] {
    DocumentLayout(document: Document(title: "t", blocks: blocks), width: 80).lines(from: .top, count: count)
  }

  private func assertPreviewed(
    _ markdown: String, _ name: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    let bytes = Array(markdown.utf8)
    let whole = bytes.withUnsafeBytes { MarkdownParser().parseBlocks(utf8: $0, firstID: 0) }
    var parser = ChunkedParser(bytes: bytes, firstChunkSize: 1024, chunkSize: 4096)
    guard let first = parser.parseNextChunk(previewingPast: 4096) else {
      return XCTFail("\(name): nothing parsed", file: file, line: line)
    }
    XCTAssertTrue(first.isPreview, name, file: file, line: line)
    XCTAssertEqual(parser.parsedBytes, 0, name, file: file, line: line)
    // The preview's lines are the whole's, but for its last one, where the preview stops.
    let shown = firstLines(first.blocks, count: 40).dropLast()
    XCTAssertGreaterThanOrEqual(shown.count, 2, name, file: file, line: line)
    XCTAssertEqual(Array(shown), firstLines(whole.blocks, count: shown.count), name, file: file, line: line)
    XCTAssertEqual(ChunkedParserTests.parseAll(&parser).blocks, whole.blocks, name, file: file, line: line)
  }

  func testDeeplyNestedListsArePreviewedFromTheirStart() {
    let markdown = (0..<30).map { String(repeating: "- ", count: 300) + "第\($0)項\n\n" }.joined()
    assertPreviewed(markdown, "deep lists")
  }

  func testAParagraphOnOneLineIsPreviewedFromItsStart() {
    let markdown = "---\ntitle: 長句\n---\n" + String(repeating: "這是一個非常長的句子，沒有換行。Latin words. ", count: 300)
    assertPreviewed(markdown, "one line")
  }

  /// A document that can be cut near its chunk size is parsed as always, without a preview.
  func testADocumentThatCutsSoonHasNoPreview() {
    let bytes = Array(Fixtures.articleText.utf8)
    var previewed = ChunkedParser(bytes: bytes, firstChunkSize: 1024, chunkSize: 4096)
    var plain = ChunkedParser(bytes: bytes, firstChunkSize: 1024, chunkSize: 4096)
    let first = previewed.parseNextChunk(previewingPast: 4096)
    XCTAssertEqual(first?.isPreview, false)
    XCTAssertEqual(first?.blocks, plain.parseNextChunk())
    XCTAssertEqual(previewed.parsedBytes, plain.parsedBytes)
  }
}
