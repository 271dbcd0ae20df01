import XCTest

@testable import ReaderCore

final class ChunkedPlainTextParserTests: XCTestCase {
  /// What a viewer ends with: the first chunk of the text up to `cut` (a UTF-8 offset just after
  /// a line feed), then the chunks of the rest, replacing the first chunk when they restart.
  static func chunkedBlocks(
    _ text: String, cut: Int, reflow: Bool = true, linesPerChunk: Int = 7
  ) -> (blocks: [Block], restarted: Bool, firstBlocks: Int) {
    let bytes = Array(text.utf8)
    let start = String(decoding: bytes[..<cut], as: UTF8.self)
    let first = ChunkedPlainTextParser.firstChunk(of: start, isWhole: cut == bytes.count, reflow: reflow)
    var parser = ChunkedPlainTextParser(
      text: text, reflow: reflow, after: first, linesPerChunk: linesPerChunk)
    var blocks = parser.restartsFromTop ? [] : first.blocks
    while let more = parser.parseNextChunk() { blocks += more }
    XCTAssertTrue(parser.isFinished)
    return (blocks, parser.restartsFromTop, first.blocks.count)
  }

  /// Every place a first chunk can end (after each line feed) gives the whole parse's blocks.
  static func assertEveryCutParsesLikeTheWhole(
    _ text: String, reflow: Bool = true, _ name: String, file: StaticString = #filePath, line: UInt = #line
  ) -> [Bool] {
    let whole = Array(PlainTextParser(reflow: reflow).parse(text, title: "t").blocks)
    var restarts: [Bool] = []
    let cuts = Array(text.utf8).indices.filter { Array(text.utf8)[$0] == 0x0A }.map { $0 + 1 }
    for cut in cuts {
      let result = chunkedBlocks(text, cut: cut, reflow: reflow)
      restarts.append(result.restarted)
      if result.blocks != whole {
        XCTFail("\(name): cut at byte \(cut) gives other blocks", file: file, line: line)
        return restarts
      }
    }
    return restarts
  }

  func testANovelParsesLikeTheWholeWhereverTheFirstChunkEnds() {
    let text = NovelFixtures.hongloumeng
    let restarts = Self.assertEveryCutParsesLikeTheWhole(text, "紅樓夢")
    // Most starts already plan their lines as the whole does, so the rest just follows them.
    XCTAssertGreaterThan(restarts.filter { !$0 }.count, restarts.count / 2)
    _ = Self.assertEveryCutParsesLikeTheWhole(text, reflow: false, "紅樓夢, no reflow")
    _ = Self.assertEveryCutParsesLikeTheWhole(NovelFixtures.diary, "diary")
  }

  func testAFirstChunkShowsItsChaptersAndStopsBetweenParagraphs() {
    let text = NovelFixtures.hongloumeng
    let bytes = Array(text.utf8)
    let cut = bytes.count / 2
    let feed = bytes[cut...].firstIndex(of: 0x0A)! + 1
    let start = String(decoding: bytes[..<feed], as: UTF8.self)
    let first = ChunkedPlainTextParser.firstChunk(of: start, isWhole: false, reflow: true)
    let whole = PlainTextParser().parse(text, title: "t").blocks
    XCTAssertFalse(first.blocks.isEmpty)
    XCTAssertLessThan(first.blocks.count, whole.count)
    XCTAssertEqual(first.blocks, Array(whole.prefix(first.blocks.count)))
    XCTAssertTrue(first.blocks.contains { if case .heading = $0.kind { return true } else { return false } })
  }

  /// A start whose two chapter lines run in sequence, in a book whose numbers do not: the whole
  /// finds no chapters, so the chunks start again and the end is the whole parse.
  func testAStartThatTheWholeContradictsIsReplaced() {
    var text = "第一章　開始\n\n序言的文字。\n\n第二章　其次\n\n正文。\n\n"
    for number in ["九", "四", "七", "三", "八", "五", "十", "六"] {
      text += "第\(number)章　亂序\n\n不是書的章節。\n\n"
    }
    let whole = Array(PlainTextParser().parse(text, title: "t").blocks)
    XCTAssertFalse(whole.contains { if case .heading = $0.kind { return true } else { return false } })
    let bytes = Array(text.utf8)
    // After 第二章's paragraph: both chapters are in the first chunk.
    let after = bytes.indices.filter { bytes[$0] == 0x0A }[7] + 1
    let result = Self.chunkedBlocks(text, cut: after)
    XCTAssertTrue(result.restarted)
    XCTAssertEqual(result.blocks, whole)
  }

  /// The rest must begin with the text the first chunk was cut from (a decoder that read the
  /// start differently): otherwise the chunks start again.
  func testAWholeThatDoesNotStartWithTheFirstChunkRestarts() {
    let first = ChunkedPlainTextParser.firstChunk(of: "甲段。\n\n乙段。\n\n", isWhole: false, reflow: true)
    var parser = ChunkedPlainTextParser(text: "丙段。\n\n乙段。\n\n丁段。\n", reflow: true, after: first)
    XCTAssertTrue(parser.restartsFromTop)
    var blocks: [Block] = []
    while let more = parser.parseNextChunk() { blocks += more }
    XCTAssertEqual(blocks, Array(PlainTextParser().parse("丙段。\n\n乙段。\n\n丁段。\n", title: "t").blocks))
  }

  func testLinesSplitAsCharactersDo() {
    for text in ["", "\n", "a\nb", "a\r\nb\n", "甲\n\u{301}乙\n\n", "x\n\n\ny"] {
      XCTAssertEqual(
        PlainTextParser.lines(of: text), text.split(separator: "\n", omittingEmptySubsequences: false),
        text.debugDescription)
    }
  }

  /// When the whole replaces what was shown first, the text at the top of the body stays there.
  func testAReplacedDocumentKeepsTheTextAtTheTop() {
    let text = NovelFixtures.hongloumeng
    let bytes = Array(text.utf8)
    let feed = bytes[(bytes.count * 3 / 4)...].firstIndex(of: 0x0A)! + 1
    let start = String(decoding: bytes[..<feed], as: UTF8.self)
    // The first chunk read without reflow, the whole with it: other paragraphs, other blocks.
    let first = ChunkedPlainTextParser.firstChunk(of: start, isWhole: false, reflow: false)
    var state = ReaderState(
      document: Document(title: "t", blocks: first.blocks), size: TerminalSize(width: 60, height: 12))
    state = Reducer.reduce(state, .key(.pageDown))
    let top = state.bodyLayout.lines(from: state.anchor, count: 1).first?.text ?? ""
    XCTAssertFalse(top.isEmpty)
    let whole = PlainTextParser().parse(text, title: "t")
    state = Reducer.reduce(state, .documentReplaced(whole, loading: nil))
    XCTAssertEqual(state.document.blocks, whole.blocks)
    XCTAssertNil(state.loading)
    let shown = state.bodyLayout.lines(from: state.anchor, count: 3).map(\.text).joined()
    XCTAssertTrue(shown.contains(String(top.prefix(4))), "\(top) / \(shown)")
  }
}
