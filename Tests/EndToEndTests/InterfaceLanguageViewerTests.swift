import Foundation
import XCTest

/// The help at 80x24 and the interface in Chinese, in the real terminal.
final class InterfaceLanguageViewerTests: XCTestCase {
  private func session(locale: String, arguments: [String] = []) throws -> TmuxSession {
    // LC_ALL and LC_MESSAGES come before LANG, so none is left from the test's own environment.
    let command =
      "env -u LC_ALL -u LC_MESSAGES LANG=\(locale) " + ReaderShell.shellCommand(arguments + ["--no-remember"])
    return try TmuxSession(command: command, width: 80, height: 24)
  }

  func testTheHelpAt80x24ScrollsToEveryKeyAndQClosesItWithoutQuitting() throws {
    let session = try session(locale: "C.UTF-8")
    try session.waitFor { $0.joined().contains("整理說明") }
    try session.send("?")
    let first = try session.waitFor { $0.joined().contains("help · ↑↓ PgDn scroll · q closes") }
    XCTAssertTrue(first.contains { $0.contains("Moving") }, first.joined(separator: "\n"))
    XCTAssertTrue(first.contains { $0.contains("1–20 of") }, first.joined(separator: "\n"))
    try session.send("PageDown")
    let second = try session.waitFor { $0.joined().contains("21–40 of") }
    XCTAssertFalse(second.contains { $0.contains("Moving") })
    try session.send("G")
    let last = try session.waitFor { $0.joined().contains("close the help") }
    XCTAssertTrue(last.contains { $0.contains("In this help") }, last.joined(separator: "\n"))
    XCTAssertTrue(last.contains { $0.contains("q Esc ?") })
    // The box takes rows 0 to 21 at 80x24; the body and the status line are below it.
    for row in last.prefix(22) { XCTAssertFalse(row.contains("…"), "nothing in the help is cut: \(row)") }
    try session.send("q")
    let closed = try session.waitFor { !$0.joined().contains("close the help") }
    XCTAssertTrue(closed.last?.hasSuffix("outline") ?? false, "q closed the help, the reader runs")
    XCTAssertFalse(closed.joined().contains("reader-exit"))
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testUnderZhTWTheInterfaceSpeaksTraditionalChinese() throws {
    let session = try session(locale: "zh_TW.UTF-8")
    let opened = try session.waitFor { $0.joined().contains("整理說明") }
    XCTAssertTrue(opened.last?.hasSuffix("原文  0%  目錄") ?? false, opened.last ?? "")
    try session.send("?")
    let help = try session.waitFor { $0.joined().contains("說明 · ↑↓ PgDn 捲動 · q 關閉") }
    XCTAssertTrue(help.contains { $0.contains("移動") }, help.joined(separator: "\n"))
    XCTAssertTrue(help.contains { $0.contains("上一個標題（目錄）") })
    try session.send("Escape")
    try session.waitFor { !$0.joined().contains("q 關閉") }
    try session.send("r")
    let note = try session.waitFor { $0.last?.contains("無法重新載入") ?? false }
    XCTAssertTrue(note.last?.contains("內建文章不是檔案") ?? false, note.last ?? "")
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testUnderZhCNTheInterfaceSpeaksSimplifiedChineseAndLangChoosesAnother() throws {
    let simplified = try session(locale: "zh_CN.UTF-8")
    let opened = try simplified.waitFor { $0.joined().contains("整理說明") }
    XCTAssertTrue(opened.last?.hasSuffix("原文  0%  目录") ?? false, opened.last ?? "")
    try simplified.send("?")
    let help = try simplified.waitFor { $0.joined().contains("帮助 · ↑↓ PgDn 滚动 · q 关闭") }
    XCTAssertTrue(help.contains { $0.contains("移动") }, help.joined(separator: "\n"))
    try simplified.send("q")
    try simplified.waitFor { !$0.joined().contains("q 关闭") }
    try simplified.send("r")
    let note = try simplified.waitFor { $0.last?.contains("无法重新加载") ?? false }
    XCTAssertTrue(note.last?.contains("内置文章不是文件") ?? false, note.last ?? "")
    try simplified.send("q")

    let english = try session(locale: "zh_TW.UTF-8", arguments: ["--lang", "en"])
    let chosen = try english.waitFor { $0.joined().contains("整理說明") }
    XCTAssertTrue(chosen.last?.hasSuffix("Original  0%  outline") ?? false, chosen.last ?? "")
    try english.send("q")
    let traditional = try session(locale: "C.UTF-8", arguments: ["--lang", "zh-Hant"])
    let shown = try traditional.waitFor { $0.joined().contains("整理說明") }
    XCTAssertTrue(shown.last?.hasSuffix("原文  0%  目錄") ?? false, shown.last ?? "")
    try traditional.send("q")
  }
}
