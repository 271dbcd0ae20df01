import Foundation
import XCTest

/// In a real terminal: long code lines wrap with a mark, `S` chops them and Right scrolls.
final class CodeViewerTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-code-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func testSChopsLongCodeLinesAndRightScrollsToTheirEnd() throws {
    let file = directory.appendingPathComponent("sum.md")
    try """
    # 加總

    把五個數加起來：

    ```rust
    let total = alpha + beta + gamma + delta + epsilon; // 合計 END-42
    ```

    下一段文字。
    """.write(to: file, atomically: true, encoding: .utf8)
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", file.path]), width: 80, height: 24)
    // Wrapped: the tail of the line is on a continuation row under the start.
    let wrapped = try session.waitFor { $0.contains { $0.contains("↪") && $0.contains("END-42") } }
    XCTAssertTrue(wrapped.contains { $0.contains("┆ let total = alpha") }, wrapped.joined(separator: "\n"))
    try session.send("S")
    let chopped = try session.waitFor { $0.contains { $0.contains("┆ let total") && $0.hasSuffix("»") } }
    XCTAssertFalse(
      chopped.joined().contains("END-42"), "the tail is off-screen: \(chopped.joined(separator: "\n"))")
    XCTAssertFalse(chopped.joined().contains("↪"))
    try session.send("Right")
    let scrolled = try session.waitFor { $0.contains { $0.contains("┆ «") && $0.contains("END-42") } }
    XCTAssertFalse(scrolled.joined().contains("let total"), "the start scrolled off to the left")
    XCTAssertTrue(scrolled.contains { $0.contains("下一段文字") }, "prose does not scroll")
    try session.send("Left")
    try session.waitFor { $0.contains { $0.contains("┆ let total") && $0.hasSuffix("»") } }
    try session.send("S")
    try session.waitFor { $0.contains { $0.contains("↪") && $0.contains("END-42") } }
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testPrintWrapsCodeAndTablesAndWidthZeroKeepsCodeLinesWhole() throws {
    let fixture = ReaderShell.packageRoot.appendingPathComponent(
      "Tests/Fixtures/markdown/rust-book-error-handling.md")
    let line =
      "    File::open(\"hello.txt\")?.read_to_string(&mut username)?; // 用 ? 串接："
      + "任何一步失敗都會立刻把 io::Error 回傳給呼叫者"
    let whole = try ReaderProcess.run(["--print", "--width", "0", fixture.path])
    XCTAssertEqual(whole.status, 0)
    let unwrapped = String(decoding: whole.standardOutput, as: UTF8.self)
    XCTAssertTrue(unwrapped.contains("┆ " + line), "--width 0 keeps the code line whole")
    XCTAssertFalse(unwrapped.contains("↪"))
    let narrow = try ReaderProcess.run(["--print", "--width", "37", fixture.path])
    let printed = String(decoding: narrow.standardOutput, as: UTF8.self)
    let rows = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The line goes on over rows marked ↪ and, joined back, is all there.
    let start = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("┆     File::open(") })
    var joined = String(rows[start].dropFirst(2))
    for row in rows[(start + 1)...] {
      guard row.hasPrefix("┆ ↪") else { break }
      joined += row.dropFirst(3)
    }
    XCTAssertEqual(joined, line)
    // Every column of the 7-column table is there, as records at this width.
    for label in ["範例: 9-3", "設定檔: release", "溢位檢查: 關閉", "panic 策略: abort", "結果: 立即終止"] {
      XCTAssertTrue(rows.contains(label), "\(label) in:\n\(printed)")
    }
    for row in rows { XCTAssertLessThanOrEqual(PrintTests.columns(row), 37, row) }
  }
}
