import XCTest

@testable import ReaderCore

final class TableLayoutTests: XCTestCase {
  private static let crates = """
    | 名稱 | 版本 | 說明 |
    | :--- | ---: | :---: |
    | serde | 1.0 | 序列化框架，支援 JSON、YAML 等格式 |
    | tokio | 1.38 | 非同步執行環境 |
    """

  private func lines(_ markdown: String, width: Int) -> [String] {
    let document = MarkdownParser().parse(markdown, title: "t")
    let layout = DocumentLayout(document: document, width: width)
    return (0..<layout.blockCount).flatMap { layout.lines(ofBlock: $0).map(\.text) }
  }

  func testATableThatFitsKeepsItsNaturalWidthsAndAlignments() {
    XCTAssertEqual(
      lines(Self.crates, width: 60),
      [
        "名稱  │ 版本 │                說明",
        "──────┼──────┼───────────────────────────────────",
        "serde │  1.0 │ 序列化框架，支援 JSON、YAML 等格式",
        "tokio │ 1.38 │           非同步執行環境",
      ])
  }

  func testCellsWrapInsideTheirColumnWhenTheTableIsTooWide() {
    // The short columns keep their width; the long one takes the rest and wraps, CJK and
    // Latin words as in prose, and a rule between rows shows where each row ends.
    XCTAssertEqual(
      lines(Self.crates, width: 30),
      [
        "名稱  │ 版本 │      說明",
        "──────┼──────┼────────────────",
        "serde │  1.0 │ 序列化框架，支",
        "      │      │  援 JSON、YAML",
        "      │      │     等格式",
        "──────┼──────┼────────────────",
        "tokio │ 1.38 │ 非同步執行環境",
      ])
  }

  func testKinsokuHoldsInsideACell() {
    let table = "| 項目 | 內容 |\n| --- | --- |\n| 說明 | 一二三四五，六七八九十。「引號」在這裡 |"
    let rows = lines(table, width: 19)
    XCTAssertEqual(
      rows,
      [
        "項目 │ 內容",
        "─────┼─────────────",
        "說明 │ 一二三四五，",
        "     │ 六七八九十。",
        "     │ 「引號」在這",
        "     │ 裡",
      ])
    for row in rows.dropFirst(2) {
      let cell = row.components(separatedBy: "│ ").last ?? ""
      XCTAssertFalse(cell.hasPrefix("，") || cell.hasPrefix("。") || cell.hasPrefix("」"), row)
      XCTAssertFalse(cell.hasSuffix("「"), row)
    }
  }

  func testAColumnNeverDisappears() {
    let headers = ["範例", "設定檔", "溢位檢查", "panic 策略", "除錯資訊", "最佳化等級", "結果"]
    let table =
      "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: 7)
      + "\n| 9-1 | dev | 開啟 | unwind | 完整 | 0 | 印出 backtrace |"
    let document = MarkdownParser().parse(table, title: "t")
    func characters(_ width: Int) -> [Character] {
      let lines = DocumentLayout(document: document, width: width).lines(ofBlock: 0)
      let text = lines.flatMap(\.spans).filter { !$0.isDecoration }.map(\.text).joined()
      return text.filter { !$0.isWhitespace }.sorted()
    }
    let all = characters(Int.max / 4)
    XCTAssertEqual(all.count, "範例設定檔溢位檢查panic策略除錯資訊最佳化等級結果9-1dev開啟unwind完整0印出backtrace".count)
    for width in [12, 20, 34, 40, 60, 80] {
      XCTAssertEqual(characters(width), all, "at width \(width)")
    }
    let grid = DocumentLayout(document: document, width: 80).lines(ofBlock: 0)
    XCTAssertEqual(grid.first?.text.components(separatedBy: " │ ").count, 7)
  }

  func testATableTooNarrowForTwoCharactersAColumnBecomesRecords() {
    XCTAssertEqual(
      lines(Self.crates, width: 16),
      [
        "名稱 · 版本",
        "說明",
        "────────────────",
        "名稱: serde",
        "版本: 1.0",
        "說明: 序列化框",
        "  架，支援",
        "  JSON、YAML 等",
        "  格式",
        "────────────────",
        "名稱: tokio",
        "版本: 1.38",
        "說明: 非同步執行",
        "  環境",
      ])
  }

  func testRecordLabelsAreDecorationsAndTheHeaderRowIsText() {
    let document = MarkdownParser().parse(Self.crates, title: "t")
    let lines = DocumentLayout(document: document, width: 16).lines(ofBlock: 0)
    XCTAssertEqual(lines[0].spans.filter { !$0.isDecoration }.map(\.text), ["名稱", "版本"])
    XCTAssertEqual(lines[3].spans.filter(\.isDecoration).map(\.text), ["名稱: "])
    XCTAssertEqual(lines[3].spans.filter { !$0.isDecoration }.map(\.text), ["serde"])
  }

  func testATableInsideAListKeepsTheIndentOnEveryLine() {
    let markdown = "1. 依賴：\n\n   | crate | 用途 |\n   | --- | --- |\n   | anyhow | 方便的錯誤型別 |"
    XCTAssertEqual(
      lines(markdown, width: 20),
      ["1. 依賴：", "", "   crate  │ 用途", "   ───────┼─────────", "   anyhow │ 方便的錯", "          │ 誤型別"]
    )
  }

  func testNoTableLineIsWiderThanTheWidthAndKeysGrow() {
    let url = CodeLayoutTests.fixture("rust-book-error-handling.md")
    let document = MarkdownParser().parse((try? String(contentsOf: url, encoding: .utf8)) ?? "", title: "t")
    let tables = document.blocks.indices.filter {
      if case .table = document.blocks[$0].kind { return true }
      return false
    }
    XCTAssertEqual(tables.count, 4)
    for width in 1...90 {
      let layout = DocumentLayout(document: document, width: width)
      for block in tables {
        let lines = layout.lines(ofBlock: block).dropLast()
        for line in lines { XCTAssertLessThanOrEqual(line.width, width, "at \(width): \(line.text)") }
        let keys = lines.map(\.key)
        XCTAssertEqual(keys, keys.sorted(), "at \(width)")
        XCTAssertEqual(Set(keys).count, keys.count, "at \(width)")
      }
    }
  }

  func testSegmentsPointAtTheCellTextEachLineDraws() {
    // What search highlights rely on: segment (offset, column, length) names the cell clusters
    // drawn from that column, at every width, in the grid and in records.
    let document = MarkdownParser().parse(Self.crates, title: "t")
    guard case .table(let table) = document.blocks[0].kind else { return XCTFail("not a table") }
    var leafText: [Character] = []
    for (row, offsets) in zip([table.header] + table.rows, table.cellOffsets()) {
      for (cell, offset) in zip(row, offsets) {
        while leafText.count < offset { leafText.append("\u{1}") }
        leafText += Array(TableBlock.cellText(cell))
      }
    }
    for width in [12, 16, 20, 30, 60] {
      var drawnCount = 0
      for line in DocumentLayout(document: document, width: width).lines(ofBlock: 0) {
        let cells = Array(line.text)
        for segment in line.segments {
          // Columns to characters: every character here other than CJK is one column wide.
          var column = 0
          var index = 0
          while column < segment.column {
            column += DisplayWidth.of(String(cells[index]))
            index += 1
          }
          let drawn = String(cells[index..<index + segment.length])
          let expected = String(leafText[segment.offset..<segment.offset + segment.length])
          XCTAssertEqual(drawn, expected, "width \(width): \(line.text)")
          drawnCount += segment.length
        }
      }
      // Every cell character is drawn once, apart from the spaces where lines break.
      XCTAssertGreaterThanOrEqual(
        drawnCount, leafText.filter { $0 != " " && $0 != "\u{1}" }.count, "at \(width)")
    }
  }
}
