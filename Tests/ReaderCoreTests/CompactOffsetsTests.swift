import XCTest

@testable import ReaderCore

/// The search index's map from characters to their normalised bytes, kept a byte a character:
/// it must answer as the array of whole offsets it replaced did, and a match found through it
/// must still be highlighted on the words found.
final class CompactOffsetsTests: XCTestCase {
  /// Steps of one byte (ASCII), three (Han), none (an empty piece) and past a byte's range.
  private static func sample(count: Int) -> [UInt32] {
    var offsets: [UInt32] = []
    var offset: UInt32 = 0
    for position in 0..<count {
      offsets.append(offset)
      switch position % 97 {
      case 13: offset += 0
      case 41: offset += 255
      case 42: offset += 1_000 + UInt32(position)
      case 50..<70: offset += 1
      default: offset += 3
      }
    }
    return offsets
  }

  private func compact(_ offsets: [UInt32]) -> CompactOffsets {
    var compact = CompactOffsets()
    for offset in offsets { compact.append(offset) }
    return compact
  }

  func testEveryOffsetReadsBackAsAppended() {
    let offsets = Self.sample(count: 1_000)
    let compact = compact(offsets)
    XCTAssertEqual(compact.count, offsets.count)
    XCTAssertEqual(Array(compact), offsets)
    XCTAssertEqual(compact.offsets(in: 0..<offsets.count), offsets)
    XCTAssertEqual(compact.offsets(in: 130..<390), Array(offsets[130..<390]))
    XCTAssertEqual(compact.offsets(in: 7..<7), [])
    XCTAssertEqual(compact.lastOffset, offsets.last)
  }

  func testTheLastPositionAtMostAnOffsetIsTheArraysBinarySearch() {
    let offsets = Self.sample(count: 700)
    let compact = compact(offsets)
    let ranges = [0..<700, 0..<1, 15..<17, 16..<32, 63..<65, 64..<128, 100..<300, 41..<44, 650..<700, 5..<5]
    for range in ranges {
      for wanted in Set(offsets[range].flatMap { [$0, $0 + 1, $0 &- 1] }).union([0, 1 << 30]) {
        let expected = offsets[range].lastIndex(inPrefixWhere: { $0 <= wanted })
        XCTAssertEqual(compact.lastPosition(atMost: wanted, in: range), expected, "\(range) \(wanted)")
      }
    }
  }

  func testItTakesAboutAByteAnOffset() {
    let compact = compact(Self.sample(count: 64_000))
    XCTAssertLessThanOrEqual(compact.storageByteCount, 64_000 * 3 / 2)
  }

  /// A table with hundreds of empty cells before the one searched for (each cell is a piece of
  /// its own, and an empty one moves the next offset on by its separator alone), and a long
  /// paragraph with the word far past the first checkpoints.
  func testMatchesAfterLongStepsAndFarIntoAParagraphAreHighlightedOnTheirWords() throws {
    let rows = String(repeating: "|  |  |\n", count: 300)
    let prose = String(repeating: "OpenAI 董事會在週五發出聲明，", count: 12)
    let markdown = """
      # 表格與長段落

      | 欄一 | 欄二 |
      | --- | --- |
      \(rows)| 結尾 | 目標詞語在此 |

      \(prose)最後的目標詞語也在這裡。

      """
    let document = MarkdownParser().parse(markdown, title: "t.md")
    var state = try searching(
      "目標詞語",
      on: Reducer.reduce(
        ReaderState(document: document, size: TerminalSize(width: 100, height: 12)), .key(.tab)))
    XCTAssertEqual(state.message, "match 1/2")
    for _ in 0..<2 {
      let frame = FrameRenderer.render(state)
      let highlighted = frame.rows.map { $0.filter { $0.style.contains(.highlight) }.map(\.text).joined() }
      // Both may be on screen (a table's empty rows take no lines); each is lit on its word alone.
      let lit = highlighted.filter { !$0.isEmpty }
      XCTAssertFalse(lit.isEmpty, state.message ?? "")
      XCTAssertEqual(Set(lit), ["目標詞語"], state.message ?? "")
      state = press(.character("n"), on: state)
    }
  }

  func testACaseSensitiveSearchReadsTheMapOfAParagraphWithCapitals() throws {
    let phrase = "OpenAI 與 openai 的董事會，"
    let document = MarkdownParser().parse(
      "# 標題\n\n\(String(repeating: phrase, count: 12))結束。\n", title: "t.md")
    let index = try SearchIndex(displayed: document, normalizer: SearchNormalizer())
    let exact = index.results(for: "OpenAI").matches
    XCTAssertEqual(exact.map(\.offset), (0..<12).map { $0 * phrase.count })
    XCTAssertEqual(Set(exact.map(\.length)), [6])
    let folded = index.results(for: "openai").matches
    XCTAssertEqual(folded.map(\.offset), (0..<12).flatMap { [$0 * phrase.count, $0 * phrase.count + 9] })
  }
}
