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
}
