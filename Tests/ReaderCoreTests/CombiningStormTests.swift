import XCTest

@testable import ReaderCore

/// A letter buried under thousands of combining marks ("Zalgo" text, pasted from a meme into a
/// forum post) is drawn as the letter and a marker; the text around it reads as usual.
final class CombiningStormTests: XCTestCase {
  private static let storm = "a" + String(repeating: "\u{0301}\u{0316}\u{0354}", count: 3_400)

  private static let markdown = """
    # 論壇轉貼

    網友貼出一段「詛咒文字」：\(storm)後面的留言照常顯示，沒有被吃掉。

    第二段落：版主提醒大家不要轉貼這種文字。

    """

  private var document: Document { MarkdownParser().parse(Self.markdown, title: "forum.md") }

  func testTheStormIsPrintedAsItsLetterAndTheMarkerAndTheRestReadsOn() {
    for width in [0, 80, 20] {
      let printed = DocumentPrinter.text(of: document, width: width)
      XCTAssertEqual(printed.components(separatedBy: "a" + Cluster.overflowMarker).count, 2, "width \(width)")
      XCTAssertFalse(printed.unicodeScalars.contains("\u{0316}"), "the marks past the bound are left out")
      let joined = printed.replacingOccurrences(of: "\n", with: "")
      XCTAssertTrue(joined.contains("後面的留言照常顯示，沒有被吃掉。"), "width \(width)")
      XCTAssertTrue(joined.contains("第二段落"), "width \(width)")
      for line in printed.split(separator: "\n") where width > 0 {
        XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), width)
      }
    }
  }

  func testTheViewerDrawsTheLetterWithTheMarkerInItsCell() {
    let state = Reducer.reduce(
      ReaderState(document: document, size: TerminalSize(width: 100, height: 12)), .key(.tab))
    let frame = FrameRenderer.render(state)
    FrameInvariants.assertSound(frame)
    let row = (0..<frame.height).map { frame.text(ofRow: $0) }.first { $0.contains("詛咒文字") } ?? ""
    XCTAssertTrue(row.contains("「詛咒文字」：a\(Cluster.overflowMarker)後面的留言"), row)
    let cells = frame.rows.flatMap { $0 }
    XCTAssertEqual(cells.map(\.text.unicodeScalars.count).max(), 2, "no cell carries the storm")
    XCTAssertTrue(cells.contains { $0.text == "a" + Cluster.overflowMarker && $0.width == 1 })
  }

  func testAClusterUpToTheBoundIsKeptWhole() {
    let letter = "e" + String(repeating: "\u{0301}", count: Cluster.maximumScalars - 1)
    let printed = DocumentPrinter.text(of: MarkdownParser().parse("詞：\(letter)。\n", title: "t"), width: 80)
    XCTAssertTrue(printed.contains(letter))
    XCTAssertFalse(printed.contains(Cluster.overflowMarker))
    let emoji = "👩‍👩‍👧‍👦 家庭"
    XCTAssertTrue(
      DocumentPrinter.text(of: MarkdownParser().parse(emoji + "\n", title: "t"), width: 80).contains(emoji))
  }

  func testSearchFindsAndHighlightsTheTextAfterTheStorm() throws {
    let state = try searching(
      "留言照常",
      on: Reducer.reduce(
        ReaderState(document: document, size: TerminalSize(width: 100, height: 12)), .key(.tab)))
    XCTAssertEqual(state.message, "match 1/1")
    let frame = FrameRenderer.render(state)
    let highlighted = frame.rows.map { $0.filter { $0.style.contains(.highlight) }.map(\.text).joined() }
    XCTAssertEqual(highlighted.filter { !$0.isEmpty }, ["留言照常"])
  }
}
