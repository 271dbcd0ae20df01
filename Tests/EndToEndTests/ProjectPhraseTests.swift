import XCTest

/// The project's phrase table (Dictionaries/reader) on top of OpenCC 1.4.2: each entry, in a
/// sentence, through `--config` and through the viewer's conversion.
final class ProjectPhraseTests: XCTestCase {
  /// (Simplified sentence, Taiwan Traditional) for every entry of the table.
  private let taiwan = [
    ("请先解决合并冲突。", "請先解決合併衝突。"),
    ("两个方案互相冲突。", "兩個方案互相衝突。"),
    ("把设置回复到上一版。", "把設置回復到上一版。"),
    ("找到冲突并合并两份文件。", "找到衝突並合併兩份文件。"),
    ("注：本文写于去年。", "註：本文寫於去年。"),
  ]

  private func convert(_ arguments: [String], _ lines: [String]) throws -> [String] {
    let output = try ReaderProcess.run(
      ["convert"] + arguments, input: Array((lines.joined(separator: "\n") + "\n").utf8))
    XCTAssertEqual(output.status, 0, output.standardError)
    XCTAssertEqual(output.standardError, "")
    return output.text.split(separator: "\n").map(String.init)
  }

  func testEveryEntryConvertsInTaiwanTraditional() throws {
    let simplified = taiwan.map(\.0)
    let expected = taiwan.map(\.1)
    XCTAssertEqual(try convert(["--config", "s2tw"], simplified), expected)
    XCTAssertEqual(try convert(["--to", "traditional"], simplified), expected)
    XCTAssertEqual(try convert(["--config", "s2twp"], simplified).last, "註：本文寫於去年。")
  }

  func testTheTaiwanNoteIsTaiwanOnlyAndReplyStaysReply() throws {
    XCTAssertEqual(try convert(["--config", "s2t"], ["注：本文写于去年。"]), ["注：本文寫於去年。"])
    XCTAssertEqual(try convert(["--config", "s2tw"], ["他回复了邮件，注意安全。"]), ["他回覆了郵件，注意安全。"])
  }
}
