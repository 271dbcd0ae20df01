import XCTest

@testable import ReaderCore

final class SearchResultsTests: XCTestCase {
  private func match(_ top: Int, _ leaf: Int, _ offset: Int) -> SearchMatch {
    SearchMatch(topIndex: top, leafID: leaf, offset: offset, length: 2)
  }

  private lazy var results = SearchResults(
    query: "q", normalizedQuery: "q",
    matches: [match(0, 0, 3), match(2, 5, 0), match(2, 5, 40), match(4, 9, 7)])

  private func position(_ top: Int, _ leaf: Int, _ offset: Int) -> TextPosition {
    TextPosition(block: top, key: LineKey(leaf: leaf, offset: offset))
  }

  func testFirstMatchFromAPositionIncludesTheLineAtTheTop() {
    XCTAssertEqual(results.firstMatch(atOrAfter: .start)?.index, 0)
    XCTAssertEqual(results.firstMatch(atOrAfter: position(2, 5, 0))?.index, 1)
    XCTAssertEqual(results.firstMatch(atOrAfter: position(2, 5, 1))?.index, 2)
    XCTAssertEqual(results.firstMatch(atOrAfter: position(2, 5, 1))?.wrapped, false)
    let wrapped = results.firstMatch(atOrAfter: position(4, 9, 8))
    XCTAssertEqual(wrapped?.index, 0)
    XCTAssertEqual(wrapped?.wrapped, true)
  }

  func testLastMatchBeforeAPositionWrapsToTheEnd() {
    XCTAssertEqual(results.lastMatch(before: position(2, 5, 40))?.index, 1)
    XCTAssertEqual(results.lastMatch(before: position(9, 20, 0))?.index, 3)
    let wrapped = results.lastMatch(before: position(0, 0, 3))
    XCTAssertEqual(wrapped?.index, 3)
    XCTAssertEqual(wrapped?.wrapped, true)
  }

  func testNextAndPreviousWrapAroundAndSaySo() {
    XCTAssertEqual(results.match(after: 1)?.index, 2)
    XCTAssertEqual(results.match(after: 3)?.index, 0)
    XCTAssertEqual(results.match(after: 3)?.wrapped, true)
    XCTAssertEqual(results.match(before: 1)?.index, 0)
    XCTAssertEqual(results.match(before: 0)?.index, 3)
    XCTAssertEqual(results.match(before: 0)?.wrapped, true)
    XCTAssertEqual(results.match(after: 1)?.match, match(2, 5, 40))
  }

  func testStatusLineCountsFromOne() {
    XCTAssertEqual(results.label(at: 0), "match 1/4")
    XCTAssertEqual(results.label(at: 2), "match 3/4")
  }

  func testMatchesOfOneLeafForHighlighting() {
    XCTAssertEqual(Array(results.matches(inLeaf: 5)), [match(2, 5, 0), match(2, 5, 40)])
    XCTAssertEqual(Array(results.matches(inLeaf: 6)), [])
    XCTAssertEqual(Array(results.matches(inLeaf: 99)), [])
  }

  func testNoMatchesMeansNoStep() {
    let none = SearchResults(query: "x", normalizedQuery: "x", matches: [])
    XCTAssertNil(none.firstMatch(atOrAfter: .start))
    XCTAssertNil(none.lastMatch(before: .start))
    XCTAssertNil(none.match(after: 0))
    XCTAssertNil(none.match(before: 0))
  }
}
