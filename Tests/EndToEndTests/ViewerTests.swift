import Foundation
import XCTest

/// The real binary in a real terminal (tmux), as a user drives it.
final class ViewerTests: XCTestCase {
  private func start(width: Int, height: Int, _ arguments: [String] = []) throws -> TmuxSession {
    let session = try TmuxSession(command: ReaderShell.shellCommand(arguments), width: width, height: height)
    try session.waitFor { $0.joined().contains("整理說明") || $0.joined().contains("reader-exit") }
    return session
  }

  private func dividerColumns(_ screen: [String]) -> Set<Int> {
    var columns: Set<Int> = []
    for row in screen.dropLast() {
      var column = 0
      for scalar in row.unicodeScalars {
        if scalar == "│" {
          columns.insert(column)
          break
        }
        column += max(0, Int(wcwidthOf(scalar)))
      }
    }
    return columns
  }

  /// The row of the outline drawn on a background of its own (the selected entry), from a styled
  /// capture: the one whose first character comes with a background colour or reverse video.
  private func selectedRow(_ styled: [String]) -> Int? {
    styled.dropLast().firstIndex { row in
      var rest = Substring(row)
      var parameters: [Int] = []
      while rest.hasPrefix("\u{1B}["), let end = rest.firstIndex(of: "m") {
        parameters += rest[rest.index(rest.startIndex, offsetBy: 2)..<end].split(separator: ";").compactMap {
          Int($0)
        }
        rest = rest[rest.index(after: end)...]
      }
      var index = 0
      while index < parameters.count {
        switch parameters[index] {
        case 7, 48: return true
        case 38: index += parameters.dropFirst(index + 1).first == 2 ? 5 : 3
        default: index += 1
        }
      }
      return false
    }
  }

  private func wcwidthOf(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x1100 { return 1 }
    if (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
      || (0xFF00...0xFF60).contains(value)
      || (0xFE30...0xFE4F).contains(value)
    {
      return 2
    }
    return 1
  }

  private func exitStatus(_ session: TmuxSession) throws -> String? {
    let screen = try session.waitFor { $0.contains { $0.contains("reader-exit=") } }
    return screen.first { $0.contains("reader-exit=") }.map { String($0.split(separator: "=").last ?? "") }
  }

  func testOpenBrowseResizeAndQuitAt100x30() throws {
    try browseResizeAndQuit(width: 100, height: 30)
  }

  func testOpenBrowseResizeAndQuitAt60x20() throws {
    try browseResizeAndQuit(width: 60, height: 20)
  }

  private func browseResizeAndQuit(width: Int, height: Int) throws {
    let session = try start(width: width, height: height)
    var screen = try session.capture()
    XCTAssertEqual(try session.display("#{alternate_on}"), "1")
    for title in ["整理後的文稿", "引言：OpenAI", "整理說明:"] {
      XCTAssertTrue(screen.contains { $0.hasPrefix(title) }, "outline shows \(title)")
    }
    XCTAssertEqual(screen.prefix(13).filter { !$0.hasPrefix(" ") }.count, 13, "13 outline entries")
    XCTAssertEqual(dividerColumns(screen).count, 1, "divider in one column: \(dividerColumns(screen))")

    try session.send("Down", "Down")
    screen = try session.waitFor { $0.first?.contains("│ Sam Altman 被開除的根源") ?? false }
    XCTAssertTrue(screen[0].contains("│ Sam Altman 被開除的根源"), screen[0])
    XCTAssertEqual(dividerColumns(screen).count, 1)
    try session.send("Down")
    screen = try session.waitFor { $0.first?.contains("│ OpenAI 的獨特性") ?? false }
    XCTAssertTrue(screen[0].contains("│ OpenAI 的獨特性"), screen[0])
    let top = screen[0]

    try session.resize(width: 40, height: 12)
    screen = try session.waitFor { $0.count == 12 }
    XCTAssertEqual(screen.count, 12)
    try session.resize(width: width, height: height)
    screen = try session.waitFor { $0.first == top }
    XCTAssertEqual(screen.first, top, "same text at the top after resizing back")

    try session.send("q")
    XCTAssertEqual(try exitStatus(session), "0")
    XCTAssertEqual(try session.display("#{alternate_on}"), "0")
  }

  func testTheDividerStaysInOneColumnWhenTheSelectedEntryIsWide() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-wide-\(UUID()).md")
    try "# 第 1 部分\n\n文字。\n\n# 第 2 部分\n\n更多。\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    for (width, height) in [(100, 30), (60, 20)] {
      let session = try TmuxSession(
        command: ReaderShell.shellCommand(["--no-remember", file.path]), width: width, height: height)
      let screen = try session.waitFor { $0.joined().contains("更多") }
      XCTAssertEqual(dividerColumns(screen).count, 1, "divider columns: \(dividerColumns(screen))")
      XCTAssertEqual(selectedRow(try session.captureStyled()), 0)
      try session.send("Down")
      // The document fits on the screen, so the body stays: only the selection moves, to the
      // wide entry the divider must not shift for.
      let moved = try session.waitForStyled { selectedRow($0) == 1 }
      XCTAssertEqual(selectedRow(try session.captureStyled()), 1, "the second entry is selected")
      XCTAssertEqual(dividerColumns(moved).count, 1, "after Down: \(dividerColumns(moved))")
    }
  }

  func testSignalsRestoreTheTerminalWithConventionalStatuses() throws {
    for (signal, status) in [("TERM", "143"), ("INT", "130"), ("HUP", "129")] {
      let session = try start(width: 80, height: 24)
      let shell = try session.display("#{pane_pid}")
      let pgrep = Process()
      pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      pgrep.arguments = ["pkill", "-\(signal)", "-P", shell, "-x", "reader"]
      try pgrep.run()
      pgrep.waitUntilExit()
      XCTAssertEqual(try exitStatus(session), status, "SIG\(signal)")
      XCTAssertEqual(try session.display("#{alternate_on}"), "0", "SIG\(signal) leaves the alternate screen")
    }
  }

  func testMissingFileIsOneLineAndStatus66() throws {
    let result = try ReaderProcess.run(["/nonexistent/file.md"])
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(
      result.standardError, "reader: cannot open '/nonexistent/file.md': No such file or directory\n")
  }
}
