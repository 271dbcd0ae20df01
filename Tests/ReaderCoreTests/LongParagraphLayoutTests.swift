import XCTest

@testable import ReaderCore

/// A long paragraph is laid out near the lines asked for (`ParagraphLines`): the viewer's layout
/// holds the lines of laying it out whole, in whatever order they are asked for, and the first
/// screen lays out no more than about a screen.
final class LongParagraphLayoutTests: XCTestCase {
  private func document(_ runs: [InlineRun]) -> Document {
    Document(
      title: "t",
      blocks: [
        Block(id: 0, kind: .heading(level: 1, runs: [InlineRun("標題")])),
        Block(id: 1, kind: .paragraph(runs)),
        Block(id: 2, kind: .heading(level: 2, runs: runs)),
        Block(id: 3, kind: .paragraph([InlineRun("短的段落。")])),
        Block(id: 4, kind: .paragraph(runs)),
      ])
  }

  /// Every block's lines, every line asked for alone (from the middle first), and the moves,
  /// keys and anchors made from them equal those of the whole layout.
  func testLinesMadeNearWhatIsAskedEqualTheWholeLayout() {
    let runs = LongParagraphTests.mixedRuns(count: 2_500, seed: 5)
    let document = document(runs)
    for width in [2, 17, 80] {
      let whole = DocumentLayout(document: document, width: width, blocks: nil, longParagraph: .max)
      let near = DocumentLayout(document: document, width: width, blocks: nil, longParagraph: 1)
      let block = 1
      let expected = whole.lines(ofBlock: block)
      XCTAssertGreaterThan(expected.count, ParagraphLines.segmentLength)
      // From the middle, then backwards, then in order.
      let order = Array(stride(from: expected.count / 2, to: -1, by: -37)) + Array(expected.indices)
      for index in order where near.line(index, ofBlock: block) != expected[index] {
        XCTFail("width \(width): line \(index) differs")
        break
      }
      XCTAssertNil(near.line(expected.count, ofBlock: block))
      for index in 0..<whole.blockCount {
        XCTAssertEqual(
          near.lines(ofBlock: index), whole.lines(ofBlock: index), "width \(width), block \(index)")
      }
      for height in [1, 2, 40] {
        XCTAssertEqual(near.lastAnchor(height: height), whole.lastAnchor(height: height))
      }
      var anchors: [Anchor] = [.top, Anchor(block: 1, line: expected.count - 1), Anchor(block: 4, line: 5)]
      anchors += stride(from: 0, to: expected.count + 2, by: 53).map { Anchor(block: 1, line: $0) }
      for anchor in anchors {
        for delta in [-1_000, -41, -1, 0, 1, 39, 2_000] {
          XCTAssertEqual(near.move(anchor, by: delta), whole.move(anchor, by: delta), "\(anchor) by \(delta)")
        }
        for height in [1, 40] {
          XCTAssertEqual(near.clamp(anchor, height: height), whole.clamp(anchor, height: height), "\(anchor)")
        }
        XCTAssertEqual(near.key(at: anchor), whole.key(at: anchor), "\(anchor)")
        guard let key = whole.key(at: anchor) else { continue }
        for target in [key, LineKey(leaf: key.leaf, offset: key.offset + 3), LineKey(leaf: 3, offset: 0)] {
          XCTAssertEqual(near.anchor(block: 1, key: target), whole.anchor(block: 1, key: target), "\(target)")
          XCTAssertEqual(
            near.anchor(block: 1, leaf: target.leaf, offset: target.offset),
            whole.anchor(block: 1, leaf: target.leaf, offset: target.offset), "\(target)")
        }
      }
    }
  }

  /// The status line's percentage inside a long paragraph goes by its text, never backwards,
  /// and a jump to a percentage lands on a line that reads as at least that.
  func testPercentagesInALongParagraphGoByItsText() {
    let document = document(LongParagraphTests.mixedRuns(count: 2_500, seed: 9))
    let layout = DocumentLayout(document: document, width: 40, blocks: nil, longParagraph: 1)
    var previous = 0
    var anchor = Anchor.top
    while anchor < layout.lastAnchor(height: 10) {
      let percent = layout.percent(at: anchor, height: 10)
      XCTAssertGreaterThanOrEqual(percent, previous, "\(anchor)")
      previous = percent
      anchor = layout.move(anchor, by: 7)
    }
    XCTAssertEqual(layout.percent(at: layout.lastAnchor(height: 10), height: 10), 100)
    XCTAssertGreaterThan(previous, 90)
    for percent in [1, 13, 50, 77, 99] {
      let found = layout.firstAnchor(atPercent: percent)
      XCTAssertGreaterThanOrEqual(layout.percent(at: found, height: 10), percent)
      let before = layout.move(found, by: -1)
      if before != found { XCTAssertLessThan(layout.percent(at: before, height: 10), percent) }
    }
  }

  /// The first screen of a paragraph of a few hundred kilobytes on one line, its percentage and the
  /// clamp of a page down lay out a few segments of lines, not the paragraph.
  func testTheFirstScreenOfALongParagraphLaysOutAboutAScreen() {
    let sentence = "這是一個非常長的句子，沒有換行。Latin words here too. "
    let document = Document(
      title: "t",
      blocks: [Block(id: 0, kind: .paragraph([InlineRun(String(repeating: sentence, count: 4_000))]))])
    let layout = DocumentLayout(document: document, width: 120)
    XCTAssertEqual(layout.lines(from: .top, count: 40).count, 40)
    XCTAssertEqual(layout.percent(at: .top, height: 40), 0)
    let next = layout.clamp(layout.move(.top, by: 39), height: 40)
    XCTAssertEqual(next, Anchor(block: 0, line: 39))
    XCTAssertEqual(layout.lines(from: next, count: 40).count, 40)
    guard let paragraph = layout.paragraphLines(ofBlock: 0) else {
      return XCTFail("the paragraph is laid out whole")
    }
    XCTAssertLessThanOrEqual(paragraph.linesReached, 3 * ParagraphLines.segmentLength)
    // The end, once asked for, is the whole layout's.
    let whole = DocumentLayout(document: document, width: 120, blocks: nil, longParagraph: .max)
    XCTAssertEqual(layout.lastAnchor(height: 40), whole.lastAnchor(height: 40))
    XCTAssertEqual(
      layout.lines(from: layout.lastAnchor(height: 40), count: 40),
      whole.lines(from: whole.lastAnchor(height: 40), count: 40))
  }
}
