import XCTest

@testable import ReaderCore

/// A paragraph far longer than a line (a whole book on one line) is wrapped a line at a time;
/// the lines are those of wrapping it with all its clusters at hand.
final class LongParagraphTests: XCTestCase {
  /// Text of every kind the breaker treats apart: CJK, closing and opening punctuation, Latin
  /// words, hyphens, runs of spaces, line breaks, combining marks (a storm among them), and
  /// styles that change mid-word.
  static func mixedRuns(count: Int, seed: UInt64) -> [InlineRun] {
    var generator = SeededGenerator(seed: seed)
    let pieces = [
      "這是", "一個", "很長的", "句子", "，", "。", "「", "」", "（", "）", "Latin", " ", " ", "  ", "words",
      "well-known", "-", "e\u{301}", "\u{300}", "\n", "x" + String(repeating: "\u{301}", count: 40), "…",
      "１２",
      "supercalifragilisticexpialidocious",
      // An undrawable control with a mark on it, and an overlong orphan mark at a run's start.
      "\u{1}\u{301}", String(repeating: "\u{302}", count: 35),
    ]
    let styles: [TextStyle] = [[], [], .bold, .code]
    var runs: [InlineRun] = []
    var text = ""
    var style: TextStyle = []
    for _ in 0..<count {
      text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
      if Int.random(in: 0..<40, using: &generator) == 0 {
        runs.append(InlineRun(text, style: style))
        text = ""
        style = styles[Int.random(in: 0..<styles.count, using: &generator)]
      }
    }
    runs.append(InlineRun(text, style: style))
    return runs
  }

  func testAWindowedWrapGivesTheLinesOfTheWholeParagraph() {
    for seed in 1...2 {
      let runs = Self.mixedRuns(count: 20_000, seed: UInt64(seed))
      for width in [1, 2, 7, 40, 80, 1_000_000] {
        let prefixes = ([StyledText("• ")], [StyledText("  ")])
        let breaker = LineBreaker(width: width)
        let expected = EagerLineBreaker(width: width).wrap(
          runs, leaf: 3, firstPrefix: prefixes.0, restPrefix: prefixes.1)
        let lines = breaker.wrap(runs, leaf: 3, firstPrefix: prefixes.0, restPrefix: prefixes.1)
        XCTAssertGreaterThan(expected.count, width > 1000 ? 0 : 200)
        XCTAssertEqual(lines.count, expected.count, "seed \(seed), width \(width)")
        if let index = lines.indices.first(where: { $0 < expected.count && lines[$0] != expected[$0] }) {
          XCTFail("seed \(seed), width \(width): line \(index) \(lines[index]) vs \(expected[index])")
        }
      }
    }
  }

  /// `--print`, which streams each paragraph's lines, prints what the viewer's layout holds.
  func testPrintingALongLineStreamsTheLinesTheLayoutHolds() {
    let line = String(repeating: "這是一個非常長的句子，沒有換行。Latin words here too. ", count: 4_000)
    let markdown = "# 標題\n\n" + line + "\n\n- 項目\n\n短的段落。\n"
    let document = MarkdownParser().parse(markdown, title: "t")
    for width in [0, 33, 80] {
      let layout = DocumentLayout(document: document, width: width == 0 ? Int.max / 4 : width)
      var expected = ""
      for block in 0..<layout.blockCount {
        for line in layout.lines(ofBlock: block) {
          var text = line.text
          while text.hasSuffix(" ") { text.removeLast() }
          expected += text + "\n"
        }
      }
      XCTAssertEqual(DocumentPrinter.text(of: document, width: width), expected, "width \(width)")
    }
  }
}
