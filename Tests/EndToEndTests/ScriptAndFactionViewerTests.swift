import Foundation
import XCTest

/// The script toggle and the faction keys in a real terminal.
final class ScriptAndFactionViewerTests: XCTestCase {
  private func start() throws -> TmuxSession {
    let session = try TmuxSession(command: ReaderShell.shellCommand(), width: 100, height: 30)
    try session.waitFor { $0.joined().contains("整理說明") }
    return session
  }

  func testTCyclesScriptsOnBodyOutlineAndStatusKeepingTheSection() throws {
    let session = try start()
    try session.send("Down")
    var screen = try session.waitFor { $0.first?.contains("│ 引言：OpenAI 的動盪與內幕揭秘") ?? false }
    XCTAssertTrue(screen.joined().contains("大家好，這裡是最佳拍檔"))
    try session.send("t")
    screen = try session.waitFor { $0.last?.contains("繁體") ?? false }
    XCTAssertTrue(screen.last?.contains("繁體") ?? false)
    try session.send("t")
    screen = try session.waitFor { $0.joined().contains("大家好，这里是最佳拍档") }
    XCTAssertTrue(screen.joined().contains("大家好，这里是最佳拍档"))
    XCTAssertTrue(screen[1].hasPrefix("引言：OpenAI 的动荡与内幕揭秘"), "outline converted: \(screen[1])")
    XCTAssertTrue(screen[0].contains("│ 引言：OpenAI 的动荡与内幕揭秘"), "same section on top: \(screen[0])")
    XCTAssertTrue(screen.last?.contains("简体") ?? false)
    try session.send("t")
    screen = try session.waitFor { $0.joined().contains("大家好，這裡是最佳拍檔") }
    XCTAssertTrue(screen[0].contains("│ 引言：OpenAI 的動盪與內幕揭秘"), screen[0])
    XCTAssertTrue(screen.last?.contains("Original") ?? false)
  }

  func testFJumpsToTheFactionSummaryAndCyclesTheHighlight() throws {
    let session = try start()
    try session.send("f")
    var screen = try session.waitFor { $0.prefix(4).contains { $0.contains("Sam Altman 派") } }
    let sam = screen.firstIndex { $0.contains("Sam Altman 派") } ?? 99
    let ilya = screen.firstIndex { $0.contains("Ilya Sutskever 派") } ?? -1
    XCTAssertLessThanOrEqual(sam, 3)
    XCTAssertGreaterThan(ilya, sam)
    XCTAssertTrue(try reverseVideo(session, row: sam, text: "Sam Altman 派"))
    try session.send("f")
    screen = try session.waitFor { $0.last?.contains("faction 2/2") ?? false }
    XCTAssertTrue(try reverseVideo(session, row: ilya, text: "Ilya Sutskever 派"))
    XCTAssertFalse(try reverseVideo(session, row: sam, text: "Sam Altman 派"))
  }

  func testFactionPanelCountsMentions() throws {
    let session = try start()
    try session.send("F")
    // The counts are made in the background and fill in; the panel never waits for them.
    let screen = try session.waitFor { $0.joined().contains("Ilya Sutskever  8 mentions") }
    XCTAssertTrue(screen.joined().contains("Sam Altman  26 mentions"))
    XCTAssertTrue(screen.joined().contains("Ilya Sutskever  8 mentions"))
    try session.send("Escape")
    let closed = try session.waitFor { !$0.joined().contains("mentions") }
    XCTAssertFalse(closed.joined().contains("mentions"))
    try session.send("q")
    _ = try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  /// Whether `text` on screen row `row` is drawn in reverse video (how highlights are drawn).
  private func reverseVideo(_ session: TmuxSession, row: Int, text: String) throws -> Bool {
    let styled = try session.tmux(["capture-pane", "-p", "-e", "-t", session.name])
    let lines = styled.components(separatedBy: "\n")
    guard row < lines.count, let range = lines[row].range(of: text) else { return false }
    var reverse = false
    for sequence in lines[row][..<range.lowerBound].components(separatedBy: "\u{1B}[").dropFirst() {
      guard let end = sequence.firstIndex(of: "m") else { continue }
      for parameter in sequence[..<end].split(separator: ";", omittingEmptySubsequences: false) {
        switch parameter {
        case "", "0", "27": reverse = false
        case "7": reverse = true
        default: break
        }
      }
    }
    return reverse
  }
}

/// Search in a real terminal: a Simplified query lands on the Traditional text.
final class SearchViewerTests: XCTestCase {
  func testSearchLandsOnTraditionalTextAndCounts() throws {
    let session = try TmuxSession(command: ReaderShell.shellCommand(), width: 100, height: 30)
    try session.waitFor { $0.joined().contains("整理說明") }
    try session.send("Tab", "/")
    try session.tmux(["send-keys", "-t", session.name, "-l", "发布"])
    let typing = try session.waitFor { $0.last?.contains("9 matches") ?? false }
    XCTAssertTrue(typing.last?.contains("/发布") ?? false, typing.last ?? "")
    try session.send("Enter")
    let first = try session.waitFor { $0.last?.contains("match 1/9") ?? false }
    XCTAssertTrue(first.dropLast().joined().contains("發布"), "the body shows 發布")
    try session.send("n", "n")
    let third = try session.waitFor { $0.last?.contains("match 3/9") ?? false }
    XCTAssertTrue(third.last?.contains("match 3/9") ?? false, third.last ?? "")
    XCTAssertTrue(third.dropLast().joined().contains("發布"))
    try session.send("N")
    let back = try session.waitFor { $0.last?.contains("match 2/9") ?? false }
    XCTAssertTrue(back.last?.contains("match 2/9") ?? false, back.last ?? "")
    try session.send("q")
  }
}
