import Foundation
import XCTest

@testable import ReaderCore

final class ReadingPositionTests: XCTestCase {
  func testRemembersTheTextNotTheLineSoAnotherWidthShowsTheSameText() throws {
    let article = Fixtures.article
    let wide = DocumentLayout(document: article, width: 100)
    let anchor = wide.anchor(of: article.outline[4])
    let key = try XCTUnwrap(wide.key(at: anchor))
    let remembered = ReadingPosition(
      position: TextPosition(block: anchor.block, key: key), script: .traditional, outlineVisible: true)
    let data = try JSONEncoder().encode(remembered)
    let restored = try JSONDecoder().decode(ReadingPosition.self, from: data)
    XCTAssertEqual(restored, remembered)
    let narrow = DocumentLayout(document: article, width: 30)
    let line = try XCTUnwrap(narrow.lines(from: restored.anchor(in: narrow), count: 1).first)
    XCTAssertTrue(line.text.hasPrefix("ChatGPT 的發布"), line.text)
  }

  func testAPositionPastTheEndStaysInsideTheDocument() {
    let article = Fixtures.article
    let layout = DocumentLayout(document: article, width: 80)
    let far = ReadingPosition(
      position: TextPosition(block: 10_000, key: LineKey(leaf: 99_999, offset: 5)), script: .original,
      outlineVisible: true)
    XCTAssertEqual(far.anchor(in: layout).block, layout.blockCount - 1)
    let empty = DocumentLayout(document: MarkdownParser().parse("", title: "e"), width: 80)
    XCTAssertEqual(far.anchor(in: empty), .top)
  }

  func testNegativeNumbersAreRefused() {
    let json = #"{"block":-1,"leaf":0,"offset":0,"script":"original","outlineVisible":true}"#
    XCTAssertThrowsError(try JSONDecoder().decode(ReadingPosition.self, from: Data(json.utf8)))
  }
}
