import XCTest

@testable import ReaderCore

/// Documents of hostile size and shape open, scroll and render without a crash.
final class LargeDocumentTests: XCTestCase {
  private func printedLines(_ document: Document, width: Int) -> [String] {
    var lines = DocumentPrinter.text(of: document, width: width).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  private func assertScrollsToTheEnd(
    _ document: Document, size: TerminalSize, file: StaticString = #filePath, line: UInt = #line
  ) {
    var state = ReaderState(document: document, size: size)
    for key: Key in [.tab, .end, .pageUp, .up, .home, .pageDown, .tab, .end, .pageUp] {
      state = Reducer.reduce(state, .key(key))
      FrameInvariants.assertSound(FrameRenderer.render(state), "\(size) after \(key)", file: file, line: line)
    }
  }

  static let nestedText = "deepest text that is long enough to wrap a few times even in a wide window"

  func testSixtyDeepListsCapTheirIndentationAndKeepTheTextReadable() {
    var markdown = ""
    for level in 0..<60 { markdown += String(repeating: "  ", count: level) + "- level \(level + 1)\n" }
    markdown += String(repeating: "  ", count: 60) + Self.nestedText + "\n"
    let document = MarkdownParser().parse(markdown, title: "lists")
    for width in [80, 40, 20, 9] {
      let lines = printedLines(document, width: width)
      if width >= 20 { XCTAssertEqual(lines.count { $0.contains("level 60") }, 1, "width \(width)") }
      for line in lines {
        let indent = line.prefix { $0 == " " || $0 == "•" }
        XCTAssertLessThanOrEqual(DisplayWidth.of(String(indent)), width / 2 + 2, "width \(width): \(line)")
        XCTAssertLessThanOrEqual(DisplayWidth.of(line), width)
      }
      // Narrow lines cut long words, so spaces are left out of the comparison.
      let text = lines.joined().filter { $0 != " " && $0 != "•" }
      XCTAssertTrue(
        text.contains(Self.nestedText.filter { $0 != " " }), "width \(width): the deepest text is all there")
    }
    assertScrollsToTheEnd(document, size: TerminalSize(width: 60, height: 10))
  }

  func testSixtyDeepQuotesCapTheirBarsAndKeepTheTextReadable() {
    let markdown = String(repeating: "> ", count: 60) + Self.nestedText + "\n"
    let document = MarkdownParser().parse(markdown, title: "quotes")
    for width in [80, 30, 10] {
      let lines = printedLines(document, width: width)
      for line in lines {
        let bars = line.prefix { $0 == " " || $0 == "│" }
        XCTAssertLessThanOrEqual(DisplayWidth.of(String(bars)), width / 2 + 2, "width \(width): \(line)")
      }
      let text = lines.map { $0.drop { $0 == " " || $0 == "│" } }.joined().filter { $0 != " " }
      XCTAssertEqual(text, Self.nestedText.filter { $0 != " " }, "width \(width)")
    }
    assertScrollsToTheEnd(document, size: TerminalSize(width: 30, height: 5))
  }

  func testNestingThousandsDeepKeepsItsContentWithoutOverflowingTheStack() {
    let cases: [(markdown: String, text: String)] = [
      (String(repeating: "> ", count: 20_000) + "quoted", "quoted"),
      (String(repeating: "- ", count: 20_000) + "listed", "listed"),
      (String(repeating: "> - ", count: 5_000) + "mixed", "mixed"),
      (
        String(repeating: "*", count: 50_000) + "emphasised" + String(repeating: "*", count: 50_000),
        "emphasised"
      ),
    ]
    for (markdown, text) in cases {
      let document = MarkdownParser().parse(markdown, title: "deep")
      let lines = printedLines(document, width: 40)
      XCTAssertEqual(lines.count, 1, text)
      XCTAssertTrue(lines.first?.hasSuffix(text) ?? false, "\(text): \(lines)")
      XCTAssertLessThanOrEqual(DisplayWidth.of(lines.first ?? ""), 40)
      assertScrollsToTheEnd(document, size: TerminalSize(width: 40, height: 4))
    }
  }

  func testTwentyThousandHeadingsAllReachTheOutlineAndTheLastOneCanBeSelected() {
    var markdown = ""
    for index in 1...20_000 { markdown += "## Heading \(index)\n\ntext \(index)\n\n" }
    let document = MarkdownParser().parse(markdown, title: "headings")
    XCTAssertEqual(document.outline.count, 20_000)
    XCTAssertEqual(document.outline.entries.last?.title, "Heading 20000")
    var state = ReaderState(document: document, size: TerminalSize(width: 80, height: 24))
    state = Reducer.reduce(state, .key(.end))
    XCTAssertEqual(state.selection, 19_999)
    let frame = FrameRenderer.render(state)
    FrameInvariants.assertSound(frame)
    XCTAssertTrue((0..<frame.height).contains { frame.text(ofRow: $0).contains("Heading 20000") })
    assertScrollsToTheEnd(document, size: TerminalSize(width: 80, height: 24))
  }

  func testAOneMegabyteLineWrapsWithoutLosingText() {
    let words = ["大家好", "word", "這裡是", "最佳拍檔", "Altman", "。", "，", "👨‍👩‍👧"]
    var random = SeededGenerator(seed: 1)
    var line = ""
    while line.utf8.count < 1 << 20 { line += words.randomElement(using: &random)! + " " }
    let document = MarkdownParser().parse(line, title: "line")
    let lines = printedLines(document, width: 80)
    XCTAssertGreaterThan(lines.count, 1 << 20 / 80 / 2)
    XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    XCTAssertEqual(lines.joined().filter { $0 != " " }, line.filter { $0 != " " })
    assertScrollsToTheEnd(document, size: TerminalSize(width: 80, height: 24))
  }

  func testAOneMegabyteLineWithNoBreakOpportunityIsCutAtTheWidth() {
    let run = String(repeating: "x", count: 1 << 20)
    let document = MarkdownParser().parse(run, title: "line")
    let lines = printedLines(document, width: 100)
    XCTAssertEqual(lines.count, (1 << 20 + 99) / 100)
    XCTAssertEqual(lines.joined(), run)
  }

  func testAFiveHundredColumnTableBecomesRecordsThatKeepEveryCell() {
    let columns = 0..<500
    let header = "|" + columns.map { " 欄\($0) |" }.joined()
    let rule = "|" + columns.map { _ in "---|" }.joined()
    let row = "|" + columns.map { " 值\($0) 👍🏻 |" }.joined()
    let document = MarkdownParser().parse([header, rule, row, row].joined(separator: "\n"), title: "table")
    guard case .table(let table) = document.blocks.first?.kind else { return XCTFail("not a table") }
    XCTAssertEqual(table.header.count, 500)
    for width in [1, 13, 80] {
      let lines = printedLines(document, width: width)
      XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
    }
    for width in [13, 80] {
      let lines = printedLines(document, width: width)
      // Each of the two rows is a rule and 500 `欄N: 值N 👍🏻` records, under the header row.
      XCTAssertEqual(lines.filter { $0.contains("值499 👍🏻") }.count, 2, "width \(width)")
      XCTAssertEqual(lines.filter { $0.contains("值") }.count, 1000, "width \(width)")
    }
    XCTAssertTrue(printedLines(document, width: 80)[0].hasPrefix("欄0 · 欄1 · 欄2 · "))
    XCTAssertTrue(printedLines(document, width: 80).contains("欄499: 值499 👍🏻"))
    assertScrollsToTheEnd(document, size: TerminalSize(width: 80, height: 5))
  }
}
