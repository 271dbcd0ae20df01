import Foundation
import ReaderCore
import XCTest

/// The mouse in a real terminal: the reader asks for SGR reports, so clicks count past column
/// 223, and no report, whole or in pieces, is ever read as keys.
final class MouseReportTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-mouse-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  /// The reader under TERM=tmux-256color, whose terminfo names only the old X10 encoding.
  private func start(width: Int, height: Int) throws -> TmuxSession {
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(), width: width, height: height,
      environment: [
        "TERM": "tmux-256color", "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
      ])
    // The 简 marks in the outline come from a background pass: the screen is settled once they are in.
    try session.waitFor { $0.joined().contains("整理說明") && $0.joined().contains("简 │") }
    return session
  }

  /// The part of each row (the status line left out) left of `column`, and the part from it on.
  private func split(_ screen: [String], at column: Int) -> (left: [String], right: [String]) {
    var left: [String] = []
    var right: [String] = []
    for line in screen.dropLast() {
      var width = 0
      var index = line.startIndex
      while index < line.endIndex && width < column {
        width += DisplayWidth.of(String(line[index]))
        index = line.index(after: index)
      }
      left.append(String(line[..<index]))
      right.append(String(line[index...]))
    }
    return (left, right)
  }

  private func focus(_ screen: [String]) -> String {
    String(screen.last?.split(separator: " ").last ?? "")
  }

  /// A real mouse event: a second tmux shows the reader's tmux as a client, and what is typed
  /// into the outer pane reaches that client as its terminal's mouse reports. The inner tmux
  /// then encodes the event as the reader asked: in SGR the column stays 240; in X10 (what
  /// ncurses asks for under this TERM) it would come as 222, inside the outline.
  func testAClickAndTheWheelPastColumn223ComeThroughTmuxAsTheReaderAskedForThem() throws {
    let inner = try start(width: 260, height: 40)
    try inner.tmux(["set-option", "-g", "status", "off"])
    XCTAssertEqual(try inner.display("#{mouse_sgr_flag}"), "1", "the reader asked for SGR reports")
    XCTAssertEqual(try inner.display("#{mouse_standard_flag}"), "1", "and for button presses")
    // The outline widened to its widest share, 90%: 234 columns, its divider at column 235, the body
    // right of it.
    try inner.send(Array(repeating: ">", count: 20))
    let widened = try inner.waitFor { self.split($0, at: 235).right.dropFirst(30).first?.first == "│" }
    XCTAssertEqual(split(widened, at: 235).right.dropFirst(30).first?.first, "│", "the divider moved")
    let outer = try TmuxSession(
      command: "env -u TMUX tmux -L \(inner.socket) attach -t \(inner.name)", width: 260, height: 40,
      environment: ["TERM": "xterm-256color"])
    try outer.tmux(["set-option", "-g", "status", "off"])
    try inner.waitFor { _ in (try? inner.display("#{session_attached}")) == "1" }
    let before = try inner.waitFor { _ in (try? inner.display("#{window_height}")) == "40" }
    XCTAssertEqual(focus(before), "outline")
    let (outline, body) = split(before, at: 235)

    try outer.tmux(["send-keys", "-t", outer.name, "-l", "\u{1B}[<65;241;10M"])
    let scrolled = try inner.waitFor { self.split($0, at: 235).right != body }
    XCTAssertNotEqual(split(scrolled, at: 235).right, body, "the wheel at column 240 scrolled the body")
    XCTAssertEqual(split(scrolled, at: 235).left, outline)

    try outer.tmux(["send-keys", "-t", outer.name, "-l", "\u{1B}[<0;241;10M\u{1B}[<0;241;10m"])
    let clicked = try inner.waitFor { self.focus($0) == "body" }
    XCTAssertEqual(focus(clicked), "body", "the click at column 240 focused the body")
    XCTAssertEqual(
      split(clicked, at: 235).right, split(scrolled, at: 235).right, "and chose no outline entry")
    try inner.send("q")
    try inner.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testReportsInPiecesAreNeverReadAsKeys() throws {
    let session = try start(width: 100, height: 30)
    let before = try session.capture()
    // The introducer and the rest apart: the rest (its m is the next-mention key) is dropped.
    try session.tmux(["send-keys", "-t", session.name, "-l", "\u{1B}[<0;5"])
    usleep(150_000)
    try session.tmux(["send-keys", "-t", session.name, "-l", ";4m"])
    usleep(500_000)
    XCTAssertEqual(try session.capture(), before, "nothing of the broken report acted as a key")
    // A cursor position report that came after the width probe stopped waiting for it.
    try session.tmux(["send-keys", "-t", session.name, "-l", "\u{1B}[24;3R"])
    usleep(300_000)
    XCTAssertEqual(try session.capture(), before, "a late cursor position report is not typed")
    // The escape alone, then `[<65;60;10M`: one wheel turn, not [ (previous heading) and <
    // (narrow the outline).
    try session.send("Escape")
    usleep(150_000)
    try session.tmux(["send-keys", "-t", session.name, "-l", "[<65;60;10M"])
    let scrolled = try session.waitFor { $0.count > 1 && $0[1].contains("│ 引言：OpenAI 的動盪與內幕揭秘") }
    XCTAssertTrue(scrolled[1].contains("│ 引言：OpenAI 的動盪與內幕揭秘"), "three lines down: \(scrolled[1])")
    XCTAssertEqual(
      scrolled[1].firstIndex(of: "│").map { scrolled[1].distance(from: scrolled[1].startIndex, to: $0) },
      before[1].firstIndex(of: "│").map { before[1].distance(from: before[1].startIndex, to: $0) },
      "the outline kept its width")
    XCTAssertEqual(focus(scrolled), "outline")
    try session.send("q")
    let exited = try session.waitFor { $0.joined().contains("reader-exit=0") }
    XCTAssertTrue(exited.joined().contains("reader-exit=0"))
    XCTAssertEqual(try session.display("#{mouse_sgr_flag}#{mouse_standard_flag}"), "00", "mouse reports off")
  }
}
