import XCTest

@testable import ReaderCore

final class ChunkedParserTests: XCTestCase {
  /// Drains a parser; returns the blocks and how many non-empty calls it took.
  static func parseAll(_ parser: inout ChunkedParser) -> (blocks: [Block], chunks: Int) {
    var blocks: [Block] = []
    var chunks = 0
    while let chunk = parser.parseNextChunk() {
      blocks += chunk
      chunks += 1
    }
    return (blocks, chunks)
  }

  static func assertParsesLikeWhole(
    _ bytes: [UInt8], firstChunkSize: Int = 1, chunkSize: Int = 1, minimumChunks: Int = 2, _ name: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let whole = bytes.withUnsafeBytes { MarkdownParser().parseBlocks(utf8: $0, firstID: 0) }
    // The bytes in memory, and the same bytes read a window at a time as from a file.
    let parsers = [
      ("", ChunkedParser(bytes: bytes, firstChunkSize: firstChunkSize, chunkSize: chunkSize)),
      (
        " (read in windows)",
        ChunkedParser(
          size: bytes.count, reader: windows(of: bytes), firstChunkSize: firstChunkSize, chunkSize: chunkSize)
      ),
    ]
    for (way, made) in parsers {
      let name = name + way
      var parser = made
      let result = parseAll(&parser)
      XCTAssertGreaterThanOrEqual(
        result.chunks, minimumChunks, "\(name): too few chunks", file: file, line: line)
      XCTAssertTrue(parser.isFinished, file: file, line: line)
      XCTAssertEqual(parser.parsedBytes, bytes.count, file: file, line: line)
      XCTAssertEqual(parser.nextID, whole.nextID, "\(name): next id", file: file, line: line)
      XCTAssertEqual(parser.blockCount, whole.blocks.count, "\(name): block count", file: file, line: line)
      XCTAssertEqual(result.blocks.count, whole.blocks.count, "\(name): block count", file: file, line: line)
      for (index, (chunked, expected)) in zip(result.blocks, whole.blocks).enumerated()
      where chunked != expected {
        XCTFail(
          "\(name): top-level block \(index) differs:\n\(chunked)\nvs\n\(expected)", file: file, line: line)
        break
      }
    }
  }

  /// A reader of `bytes` as a parser reads a file; `longest` learns the largest read.
  static func windows(of bytes: [UInt8], longest: ReadLog? = nil) -> ChunkedParser.Reader {
    { offset, count in
      longest?.note(count)
      return Array(bytes[min(offset, bytes.count)..<min(bytes.count, offset + count)])
    }
  }

  /// The largest read a parser made.
  final class ReadLog: @unchecked Sendable {
    private(set) var longest = 0
    func note(_ count: Int) { longest = max(longest, count) }
  }

  func testArticleParsesLikeTheWholeInTinyAndSmallChunks() {
    let bytes = Array(Fixtures.articleText.utf8)
    Self.assertParsesLikeWhole(bytes, minimumChunks: 40, "article, every cut")
    Self.assertParsesLikeWhole(bytes, firstChunkSize: 500, chunkSize: 2000, minimumChunks: 5, "article")
  }

  func testGeneratedDocumentParsesLikeTheWhole() throws {
    let bytes = try MarkdownSamples.generatedDocument(megabytes: "0.3")
    Self.assertParsesLikeWhole(
      bytes, firstChunkSize: 2048, chunkSize: 8192, minimumChunks: 30, "generated 0.3 MB")
  }

  /// The first chunk parsed from only the start of the bytes (what is read before the first
  /// screen), then a parser of all the bytes resuming where it stopped: the whole parse's blocks.
  func testAParserResumingAfterAFirstChunkOfTheStartParsesLikeTheWhole() throws {
    let bytes = try MarkdownSamples.generatedDocument(megabytes: "0.3")
    let whole = bytes.withUnsafeBytes { MarkdownParser().parseBlocks(utf8: $0, firstID: 0) }
    for startSize in [20_000, 70_000, 150_000] {
      var first = ChunkedParser(bytes: Array(bytes.prefix(startSize)), firstChunkSize: 8192)
      var blocks = first.parseNextChunk() ?? []
      XCTAssertFalse(first.isFinished)
      var rest = ChunkedParser(
        bytes: bytes, firstID: first.nextID, chunkSize: 16_384, resumingAt: first.parsedBytes)
      while let more = rest.parseNextChunk() { blocks += more }
      XCTAssertEqual(blocks.count, whole.blocks.count, "start \(startSize)")
      XCTAssertTrue(blocks == whole.blocks, "start \(startSize)")
    }
  }

  func testTrickyInputsParseLikeTheWhole() {
    for sample in MarkdownSamples.tricky {
      Self.assertParsesLikeWhole(Array(sample.text.utf8), sample.name)
    }
  }

  func testRandomMixesOfTrickyLinesParseLikeTheWhole() {
    // Lines that open, continue or close blocks in ways a line scanner can misjudge.
    let pool = [
      "", "", "", "text", "段落文字", "```", "````", "~~~", "  ```", "   ~~~", "```js", "- item", "  - nested",
      "* star", "1. one", "2) two", "10. ten", "    indented", "\tcode", "> quote", "> ```", ">", "- ```",
      "  continued", "     deep", "# heading", "Setext", "===", "---", "* * *", "<div>", "</div>", "<!--",
      "-->", "<pre>", "</pre>", "<span>", "<?x", "?>", "| a | b |", "|---|---|", "**bold**", "\u{FEFF}bom",
    ]
    var random = SplitMix64(seed: 7)
    for round in 0..<300 {
      let count = 5 + Int(random.next() % 60)
      var lines: [String] = []
      for _ in 0..<count { lines.append(pool[Int(random.next() % UInt64(pool.count))]) }
      let text = lines.joined(separator: random.next() % 5 == 0 ? "\r\n" : "\n")
      Self.assertParsesLikeWhole(Array(text.utf8), minimumChunks: 1, "random mix \(round):\n\(text)")
    }
  }

  func testCutThatFoolsTheSplitterIsMovedToWhereCmarkStartsABlock() {
    // The fence is indented less than the item's content, so it is a top-level fence and "y" is
    // code; the splitter takes the fence to be inside the item and proposes a cut before "y".
    let text = "1.  a\n\n  ```\n  x\n\ny\n\n```\n\nAfter.\n"
    let proposed = ChunkSplitter(targetSize: 1).chunks(of: Array(text.utf8)).map(\.lowerBound)
    XCTAssertTrue(proposed.contains(text.utf8.count - "y\n\n```\n\nAfter.\n".utf8.count))
    Self.assertParsesLikeWhole(Array(text.utf8), "fence under a list item")
  }

  func testOneBlockLongerThanTheChunkIsParsedWhole() {
    let list = (1...2000).map { "- 項目 \($0)\n\n" }.joined() + "After the list.\n"
    Self.assertParsesLikeWhole(Array(list.utf8), chunkSize: 100, minimumChunks: 2, "long loose list")
  }

  func testFirstChunkIsSmallAndLaterChunksGrowToTheirSize() throws {
    let bytes = try MarkdownSamples.generatedDocument(megabytes: "0.3")
    var parser = ChunkedParser(bytes: bytes, firstChunkSize: 4096, chunkSize: 65536)
    let first = try XCTUnwrap(parser.parseNextChunk())
    XCTAssertFalse(first.isEmpty)
    XCTAssertGreaterThanOrEqual(parser.parsedBytes, 4096)
    XCTAssertLessThan(parser.parsedBytes, 16384)
    let afterFirst = parser.parsedBytes
    _ = parser.parseNextChunk()
    XCTAssertGreaterThanOrEqual(parser.parsedBytes - afterFirst, 65536)
    XCTAssertGreaterThan(parser.fractionParsed, 0)
    XCTAssertLessThan(parser.fractionParsed, 1)
  }

  func testHostileBytesParseLikeTheWhole() {
    var bytes = Array("Start.\n\n".utf8)
    bytes += [0xFF, 0xFE, 0x0A, 0x0A, 0x00, 0x41, 0x0A, 0x0A]  // invalid UTF-8, a NUL
    bytes += [0xEF, 0xBB, 0xBF] + Array("BOM in the middle.\n\n".utf8)
    bytes += Array(String(repeating: "長", count: 300_000).utf8) + [0x0A, 0x0A]
    bytes += Array("\u{1B}[31mescape\u{07}\n\n\r\r\rEnd".utf8)
    Self.assertParsesLikeWhole(bytes, minimumChunks: 4, "hostile bytes")
  }

  /// Read from a file, a parser never holds more than a few chunks of it at once.
  func testAParserReadingInWindowsReadsAboutTwoChunksAtATime() throws {
    let bytes = try MarkdownSamples.generatedDocument(megabytes: "0.3")
    let log = ReadLog()
    var parser = ChunkedParser(
      size: bytes.count, reader: Self.windows(of: bytes, longest: log), firstChunkSize: 8192,
      chunkSize: 16_384)
    let result = Self.parseAll(&parser)
    XCTAssertEqual(
      result.blocks, bytes.withUnsafeBytes { MarkdownParser().parseBlocks(utf8: $0, firstID: 0) }.blocks)
    XCTAssertGreaterThan(log.longest, 0)
    XCTAssertLessThanOrEqual(log.longest, 4 * 16_384)
  }

  /// Front matter read from a file is the whole source's, and a start that only looks like it is not.
  func testFrontMatterReadInWindowsIsTheWholeSources() {
    let body = (1...200).map { "段落 \($0)。\n\n" }.joined()
    for front in ["---\ntitle: 書名\n---\n\n", "+++\ntitle = \"書名\"\n+++\n", "---\n\n", "--- not\n\n"] {
      Self.assertParsesLikeWhole(Array((front + body).utf8), firstChunkSize: 64, chunkSize: 256, front)
    }
  }

  /// A file cut shorter while it is parsed ends where its bytes end, with the blocks they hold.
  func testAFileShorterThanItsSizeSaidEndsWhereItsBytesDo() throws {
    let bytes = try MarkdownSamples.generatedDocument(megabytes: "0.3")
    let kept = Array(bytes.prefix(100_000))
    var parser = ChunkedParser(
      size: bytes.count, reader: Self.windows(of: kept), firstChunkSize: 4096, chunkSize: 8192)
    let result = Self.parseAll(&parser)
    XCTAssertTrue(parser.isFinished)
    XCTAssertEqual(parser.parsedBytes, kept.count)
    XCTAssertEqual(parser.fractionParsed, 1)
    XCTAssertEqual(
      result.blocks, kept.withUnsafeBytes { MarkdownParser().parseBlocks(utf8: $0, firstID: 0) }.blocks)
  }

  func testEmptyAndBlankInputs() {
    var empty = ChunkedParser(bytes: [])
    XCTAssertNil(empty.parseNextChunk())
    XCTAssertTrue(empty.isFinished)
    XCTAssertEqual(empty.fractionParsed, 1)
    var blank = ChunkedParser(bytes: Array("\n\n   \n\n".utf8), firstChunkSize: 1, chunkSize: 1)
    XCTAssertEqual(Self.parseAll(&blank).blocks, [])
    XCTAssertTrue(blank.isFinished)
  }

  func testDocumentWideDefinitionsAreReported() {
    var plain = ChunkedParser(bytes: Array(Fixtures.articleText.utf8), firstChunkSize: 100, chunkSize: 100)
    _ = Self.parseAll(&plain)
    XCTAssertFalse(plain.hasDocumentWideDefinitions)

    let links = "See [the site][s].\n\nMore.\n\n[s]: https://example.com\n"
    var linkParser = ChunkedParser(bytes: Array(links.utf8), firstChunkSize: 1, chunkSize: 1)
    _ = Self.parseAll(&linkParser)
    XCTAssertTrue(linkParser.hasDocumentWideDefinitions)

    let notes = "Text[^1].\n\nMore.\n\n[^1]: The note.\n"
    var noteParser = ChunkedParser(bytes: Array(notes.utf8), firstChunkSize: 1, chunkSize: 1)
    _ = Self.parseAll(&noteParser)
    XCTAssertTrue(noteParser.hasDocumentWideDefinitions)
  }

  func testDocumentGrownChunkByChunkEqualsTheWholeDocument() {
    let bytes = Array(Fixtures.articleText.utf8)
    var parser = ChunkedParser(bytes: bytes, firstChunkSize: 300, chunkSize: 300)
    var document = Document(title: "t", blocks: parser.parseNextChunk() ?? [])
    while let chunk = parser.parseNextChunk() { document.append(chunk) }
    let whole = MarkdownParser().parse(Fixtures.articleText, title: "t")
    XCTAssertEqual(document.blocks, whole.blocks)
    XCTAssertEqual(document.outline.entries, whole.outline.entries)
    XCTAssertEqual(document.outline.count, 13)
  }
}
