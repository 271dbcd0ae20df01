import XCTest

@testable import ReaderCore

/// A document's blocks kept in shared segments behave as one array would, however they came.
final class BlockListTests: XCTestCase {
  private static func paragraphs(_ range: Range<Int>) -> [Block] {
    range.map { Block(id: $0, kind: .paragraph([InlineRun("第\($0)段。")])) }
  }

  /// Blocks appended a chunk at a time, in chunks that end on, before and after the segments'
  /// edges, are the same list as the blocks given at once: equal, hashed alike, in order.
  func testBlocksAppendedInAnyChunksAreTheSameList() {
    let all = Self.paragraphs(0..<(3 * BlockList.segmentSize + 5))
    let whole = BlockList(all)
    for chunk in [1, 7, BlockList.segmentSize - 1, BlockList.segmentSize, BlockList.segmentSize + 1, 10_000] {
      var grown = BlockList()
      var start = 0
      while start < all.count {
        let end = min(all.count, start + chunk)
        grown.append(contentsOf: all[start..<end])
        start = end
      }
      XCTAssertEqual(grown, whole, "chunks of \(chunk)")
      XCTAssertEqual(grown.hashValue, whole.hashValue, "chunks of \(chunk)")
      XCTAssertEqual(Array(grown), all, "chunks of \(chunk)")
      XCTAssertEqual(grown.count, all.count)
    }
    for index in [
      0, BlockList.segmentSize - 1, BlockList.segmentSize, 2 * BlockList.segmentSize + 3, all.count - 1,
    ] {
      XCTAssertEqual(whole[index].id, index)
    }
    XCTAssertNotEqual(BlockList(all.dropLast()), whole)
  }

  /// The document the screen holds does not change when the parse appends to its copy, though
  /// the two share their blocks' segments.
  func testACopyKeepsItsBlocksWhenTheOtherGrows() {
    var parsed = Document(title: "t", blocks: Self.paragraphs(0..<(BlockList.segmentSize + 10)))
    let shown = parsed
    parsed.append(Self.paragraphs((BlockList.segmentSize + 10)..<(2 * BlockList.segmentSize + 20)))
    XCTAssertEqual(shown.blocks.count, BlockList.segmentSize + 10)
    XCTAssertEqual(Array(shown.blocks), Self.paragraphs(0..<(BlockList.segmentSize + 10)))
    XCTAssertEqual(parsed.blocks.count, 2 * BlockList.segmentSize + 20)
    XCTAssertEqual(Array(parsed.blocks), Self.paragraphs(0..<(2 * BlockList.segmentSize + 20)))
  }

  /// A block id far into a long document finds its top-level block across the segments (a link
  /// into a book's last chapter).
  func testABlockFarIntoALongDocumentIsFoundByItsID() {
    var document = Document(title: "t", blocks: [])
    var next = 0
    while next < 3 * BlockList.segmentSize {
      // Each top-level block is a quote holding one paragraph: ids step by two.
      document.append(
        (0..<1_000).map { offset in
          let id = 2 * (next + offset)
          return Block(id: id, kind: .quote([Block(id: id + 1, kind: .paragraph([InlineRun("段")]))]))
        })
      next += 1_000
    }
    for top in [
      0, BlockList.segmentSize - 1, BlockList.segmentSize, 2 * BlockList.segmentSize + 999, next - 1,
    ] {
      XCTAssertEqual(document.topIndex(ofBlock: 2 * top + 1), top)
    }
  }
}
