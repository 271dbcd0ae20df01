import XCTest

@testable import ReaderCore

final class OutlineGrowthTests: XCTestCase {
  func testPseudoHeadingsMoveBelowADeeperHeadingFoundLater() {
    let first = MarkdownParser().parseBlocks("# Top\n\n**Bold one**\n", firstID: 0)
    var document = Document(title: "t", blocks: first.blocks)
    XCTAssertEqual(document.outline.entries.map(\.level), [1, 2])

    let second = MarkdownParser().parseBlocks("### Deep\n\n**Bold two**\n", firstID: first.nextID)
    document.append(second.blocks)
    XCTAssertEqual(document.outline.entries.map(\.title), ["Top", "Bold one", "Deep", "Bold two"])
    XCTAssertEqual(document.outline.entries.map(\.level), [1, 4, 3, 4])
    XCTAssertEqual(document.outline.entries.map(\.topIndex), [0, 1, 2, 3])
    XCTAssertEqual(document.outline.entries.map(\.blockID), [0, 1, 2, 3])

    let whole = MarkdownParser().parse("# Top\n\n**Bold one**\n\n### Deep\n\n**Bold two**\n", title: "t")
    XCTAssertEqual(document.outline.entries, whole.outline.entries)
  }

  func testAppendingNothingKeepsTheOutline() {
    var document = MarkdownParser().parse("## A\n\n**B**\n", title: "t")
    let before = document.outline.entries
    document.append([])
    XCTAssertEqual(document.outline.entries, before)
  }
}
