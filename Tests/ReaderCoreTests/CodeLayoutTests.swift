import XCTest

@testable import ReaderCore

final class CodeLayoutTests: XCTestCase {
  private static let source = """
    開啟檔案：

    ```rust
    let f = File::open("hello.txt")?; // 失敗時回傳錯誤
    Ok(())
    ```
    """

  private func lines(_ markdown: String, width: Int, mode: CodeLineMode = .wrapped) -> [String] {
    let document = MarkdownParser().parse(markdown, title: "t")
    let layout = DocumentLayout(document: document, width: width, codeLines: mode)
    return (0..<layout.blockCount).flatMap { layout.lines(ofBlock: $0).map(\.text) }
  }

  func testALongCodeLineWrapsOntoMarkedRowsAndLosesNothing() {
    XCTAssertEqual(
      lines(Self.source, width: 20),
      [
        "開啟檔案：", "",
        "┆ let f = File::open", "┆ ↪(\"hello.txt\")?; /", "┆ ↪/ 失敗時回傳錯誤", "┆ Ok(())",
      ])
  }

  func testAWideCharacterThatDoesNotFitMovesToTheNextRow() {
    // 18 columns of room: `x = 1; //` takes 10, then four CJK characters take 8, the fifth moves.
    XCTAssertEqual(
      lines("```\nx = 1; // 一二三四五六\n```", width: 20), ["┆ x = 1; // 一二三四", "┆ ↪五六"])
  }

  func testASpaceWhereARowEndsStartsTheNextRowSoPrintingKeepsIt() {
    // `--print` trims the end of every row; a space there would be lost from the code.
    XCTAssertEqual(lines("```\nab cd\n```", width: 5), ["┆ ab", "┆ ↪ c", "┆ ↪d"])
    XCTAssertEqual(
      DocumentPrinter.text(of: MarkdownParser().parse("```\nab cd\n```", title: "t"), width: 5),
      "┆ ab\n┆ ↪ c\n┆ ↪d\n")
  }

  func testNoWrappingWhenTheWidthIsUnlimited() {
    XCTAssertEqual(
      lines(Self.source, width: Int.max / 4).suffix(2),
      ["┆ let f = File::open(\"hello.txt\")?; // 失敗時回傳錯誤", "┆ Ok(())"])
  }

  func testChoppedLinesMarkWhereTextGoesOnOffScreen() {
    XCTAssertEqual(
      lines(Self.source, width: 20, mode: .chopped(shift: 0)).suffix(2),
      ["┆ let f = File::ope»", "┆ Ok(())"])
    XCTAssertEqual(
      lines(Self.source, width: 20, mode: .chopped(shift: 10)).suffix(2),
      ["┆ «le::open(\"hello.»", "┆ «"])
    // The comment's 失 takes columns 37 and 38: cut by the edge at 38, a blank keeps the rest aligned.
    XCTAssertEqual(
      lines(Self.source, width: 20, mode: .chopped(shift: 36)).suffix(2),
      ["┆ « 失敗時回傳錯誤", "┆ «"])
    XCTAssertEqual(
      lines(Self.source, width: 20, mode: .chopped(shift: 37)).suffix(2), ["┆ «失敗時回傳錯誤", "┆ «"])
    XCTAssertEqual(
      lines(Self.source, width: 20, mode: .chopped(shift: 38)).suffix(2), ["┆ « 敗時回傳錯誤", "┆ «"])
  }

  func testChoppedLinesSayWhetherTheyContinueRight() {
    let document = MarkdownParser().parse(Self.source, title: "t")
    let layout = DocumentLayout(document: document, width: 20, codeLines: .chopped(shift: 0))
    XCTAssertEqual(layout.lines(ofBlock: 1).map(\.continuesRight), [true, false])
    let scrolled = DocumentLayout(document: document, width: 20, codeLines: .chopped(shift: 40))
    XCTAssertEqual(scrolled.lines(ofBlock: 1).map(\.continuesRight), [false, false])
  }

  func testEveryRowKeyNamesTheClusterItStartsWith() {
    let document = MarkdownParser().parse(Self.source, title: "t")
    let wrapped = DocumentLayout(document: document, width: 20).lines(ofBlock: 1)
    XCTAssertEqual(wrapped.map(\.key.offset), [0, 18, 35, 45])
    // Ok(()) starts after the 44 clusters of the first line and its newline.
    let chopped = DocumentLayout(document: document, width: 20, codeLines: .chopped(shift: 0))
    XCTAssertEqual(chopped.lines(ofBlock: 1).map(\.key.offset), [0, 45])
  }

  func testCodeInsideAListKeepsTheItemsIndentAndTheRule() {
    XCTAssertEqual(
      lines("- 步驟：\n\n  ```\n  cargo build --release --target x86_64\n  ```", width: 24),
      ["• 步驟：", "", "  ┆ cargo build --releas", "  ┆ ↪e --target x86_64"])
  }

  func testNoCodeRowIsWiderThanTheBodyAtAnyWidth() {
    let text = try? String(contentsOf: Self.fixture("rust-book-error-handling.md"), encoding: .utf8)
    let document = MarkdownParser().parse(text ?? "", title: "t")
    XCTAssertFalse(document.blocks.isEmpty)
    for width in [1, 2, 3, 5, 13, 37, 80] {
      for mode in [CodeLineMode.wrapped, .chopped(shift: 0), .chopped(shift: 7)] {
        let layout = DocumentLayout(document: document, width: width, codeLines: mode)
        for block in 0..<layout.blockCount {
          for line in layout.lines(ofBlock: block) {
            XCTAssertLessThanOrEqual(line.width, width, "\(mode) at \(width): \(line.text)")
          }
        }
      }
    }
  }

  static func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/markdown").appendingPathComponent(name)
  }
}
