import XCTest

@testable import ReaderCore

/// `--print` of a large Markdown file lays chunks out while the next is parsed: the text must be
/// the whole parse's, byte for byte, links numbered across chunks included.
final class ChunkedPrintTests: XCTestCase {
  private func printedInChunks(_ bytes: [UInt8], width: Int, firstChunkSize: Int, chunkSize: Int) -> String {
    var result = ""
    let parser = ChunkedParser(bytes: bytes, firstChunkSize: firstChunkSize, chunkSize: chunkSize)
    DocumentPrinter.print(parsing: parser, width: width) { result += $0 }
    return result
  }

  private func printedWhole(_ bytes: [UInt8], width: Int) -> String {
    DocumentPrinter.text(
      of: MarkdownParser().parse(String(decoding: bytes, as: UTF8.self), title: "t"), width: width)
  }

  func testAGeneratedDocumentWithLinksPrintsAsWhenParsedWhole() throws {
    // Inline links in several chunks (their numbers run on from chunk to chunk, a destination
    // that comes back keeps its number) and more blocks than one layout window holds.
    var text = String(decoding: try MarkdownSamples.generatedDocument(megabytes: "0.3"), as: UTF8.self)
    for index in 0..<1500 {
      text +=
        "\n\n第 \(index) 段見 [OpenAI 官網](https://openai.com/\(index % 7)) 與 <https://example.com/\(index)>。"
    }
    let bytes = Array(text.utf8)
    XCTAssertTrue(DocumentPrinter.canPrintInChunks(bytes))
    XCTAssertGreaterThan(MarkdownParser().parse(text, title: "t").blocks.count, 2048)
    for width in [80, 37, 0] {
      let whole = printedWhole(bytes, width: width)
      XCTAssertTrue(whole.contains("References:\n[1] https://openai.com/0\n"), "width \(width)")
      XCTAssertEqual(
        printedInChunks(bytes, width: width, firstChunkSize: 4096, chunkSize: 16384), whole, "width \(width)")
    }
  }

  func testTrickySamplesPrintAsWhenParsedWholeInTinyChunks() {
    var checked = 0
    for sample in MarkdownSamples.tricky {
      let bytes = Array(sample.text.utf8)
      guard DocumentPrinter.canPrintInChunks(bytes) else { continue }
      checked += 1
      XCTAssertEqual(
        printedInChunks(bytes, width: 30, firstChunkSize: 1, chunkSize: 1), printedWhole(bytes, width: 30),
        sample.name)
    }
    XCTAssertGreaterThan(checked, MarkdownSamples.tricky.count / 2)
  }

  func testEmptyInputPrintsNothingEitherWay() {
    XCTAssertEqual(
      printedInChunks([], width: 80, firstChunkSize: 1, chunkSize: 1), printedWhole([], width: 80))
    XCTAssertEqual(
      printedInChunks(Array("\n\n \n".utf8), width: 80, firstChunkSize: 1, chunkSize: 1),
      printedWhole(Array("\n\n \n".utf8), width: 80))
  }

  func testDefinitionsAnywhereSendTheDocumentToTheWholeParse() {
    for definitions in [
      "見 [官網][o]。\n\n[o]: https://openai.com", "註[^1]。\n\n[^1]: 說明", "> [o]: https://openai.com\n",
      "- 項目\n\n  [o]:\n  https://openai.com", "[長\n標籤]: /url",
    ] {
      XCTAssertFalse(DocumentPrinter.canPrintInChunks(Array(definitions.utf8)), definitions)
    }
    XCTAssertTrue(DocumentPrinter.canPrintInChunks(Array(Fixtures.articleText.utf8)))
    XCTAssertTrue(DocumentPrinter.canPrintInChunks(Array("a ] : b [x](y) ]".utf8)))
  }
}
