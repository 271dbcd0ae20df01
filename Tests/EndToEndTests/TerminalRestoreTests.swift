import Foundation
import XCTest

/// However `reader` ends (q, a signal, a crash, Ctrl-Z), the terminal is left as it was found.
final class TerminalRestoreTests: XCTestCase {
  private var temporary: URL!

  override func setUpWithError() throws {
    temporary = FileManager.default.temporaryDirectory.appendingPathComponent("reader-restore-\(UUID())")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: temporary)
  }

  /// A shell in tmux that records `stty -a`, runs reader with `environment`, records it again.
  private func shellRun(_ environment: String = "", then keys: [String] = []) throws -> TmuxSession {
    let session = try TmuxSession(command: "sh", width: 100, height: 30)
    try session.waitFor { !$0.joined().isEmpty }
    let before = temporary.appendingPathComponent("before").path
    let after = temporary.appendingPathComponent("after").path
    let command =
      "stty -a > \(before); env \(environment) \(TmuxSession.quote(ReaderProcess.executable.path)); "
      + "echo reader-ex''it=$?; stty -a > \(after); echo rec''orded"
    try session.send(command, "Enter")
    try session.waitFor { $0.joined().contains("整理說明") || $0.joined().contains("reader-exit") }
    if !keys.isEmpty { try session.send(keys) }
    return session
  }

  private func assertRestored(
    _ session: TmuxSession, status: String, file: StaticString = #filePath, line: UInt = #line
  )
    throws
  {
    let screen = try session.waitFor { $0.contains { $0.contains("recorded") } }
    let exit = screen.first { $0.hasPrefix("reader-exit=") }
    XCTAssertEqual(exit, "reader-exit=\(status)", file: file, line: line)
    XCTAssertEqual(
      try session.display("#{alternate_on}"), "0", "alternate screen left", file: file, line: line)
    XCTAssertEqual(
      try session.display("#{mouse_standard_flag}#{mouse_sgr_flag}"), "00", "mouse reports off", file: file,
      line: line)
    let before = try String(contentsOf: temporary.appendingPathComponent("before"), encoding: .utf8)
    let after = try String(contentsOf: temporary.appendingPathComponent("after"), encoding: .utf8)
    XCTAssertEqual(before, after, "stty -a is the same as before", file: file, line: line)
  }

  func testQuitRestoresTheTerminalSettings() throws {
    try assertRestored(try shellRun(then: ["q"]), status: "0")
  }

  func testTerminationSignalRestoresTheTerminalSettings() throws {
    let session = try shellRun()
    let shell = try session.display("#{pane_pid}")
    _ = try Spawn.output(of: ["pkill", "-TERM", "-P", shell, "-x", "reader"])
    try assertRestored(session, status: "143")
  }

  func testFatalErrorRestoresTheTerminalAndKeepsItsMessage() throws {
    let session = try shellRun("READER_CRASH_DRILL=fatal SWIFT_BACKTRACE=enable=no")
    try assertRestored(session, status: "132")
    XCTAssertTrue(try session.capture().joined().contains("Fatal error: crash drill: deliberate fatalError"))
  }

  func testIndexOutOfRangeRestoresTheTerminalAndKeepsItsMessage() throws {
    let session = try shellRun("READER_CRASH_DRILL=index SWIFT_BACKTRACE=enable=no")
    try assertRestored(session, status: "132")
    XCTAssertTrue(try session.capture().joined().contains("Fatal error: Index out of range"))
  }

  func testCtrlZSuspendsWithTheTerminalRestoredAndFgRedraws() throws {
    let session = try TmuxSession(command: "bash --norc --noprofile", width: 100, height: 30)
    try session.waitFor { !$0.joined().isEmpty }
    try session.send(
      "env LANG=C.UTF-8 TERM=xterm-256color \(TmuxSession.quote(ReaderProcess.executable.path))", "Enter")
    try session.waitFor { $0.joined().contains("整理說明") }
    try session.send("Down", "Down")
    try session.waitFor { $0.first?.contains("│ Sam Altman 被開除的根源") ?? false }
    try session.send("C-z")
    let suspended = try session.waitFor { $0.joined().contains("Stopped") }
    XCTAssertTrue(suspended.joined().contains("Stopped"))
    XCTAssertEqual(try session.display("#{alternate_on}"), "0")
    XCTAssertEqual(
      try session.display("#{mouse_standard_flag}#{mouse_sgr_flag}"), "00", "no mouse reports to the shell")
    try session.send("fg", "Enter")
    let back = try session.waitFor { $0.first?.contains("│ Sam Altman 被開除的根源") ?? false }
    XCTAssertTrue(back.first?.contains("│ Sam Altman 被開除的根源") ?? false, "redrawn where it was")
    XCTAssertEqual(try session.display("#{mouse_standard_flag}#{mouse_sgr_flag}"), "11", "the mouse is back")
    // ncurses discards what was typed while it was coming back (flushinp), as a user expects.
    usleep(300_000)
    try session.send("Down")
    let moved = try session.waitFor { $0.first?.contains("│ OpenAI 的獨特性") ?? false }
    XCTAssertTrue(moved.first?.contains("│ OpenAI 的獨特性") ?? false, "arrow keys still work after fg")
    try session.send("q")
  }

  func testDumbOrMissingTermIsAClearErrorUnlessPrinting() throws {
    for term in ["dumb", ""] {
      let session = try TmuxSession(
        command:
          "sh -c \(TmuxSession.quote("TERM='\(term)' \(ReaderProcess.executable.path); echo reader-exit=$?; sleep 30"))",
        width: 80, height: 10)
      let screen = try session.waitFor { $0.joined().contains("reader-exit") }
      XCTAssertTrue(screen.joined().contains("reader: TERM is"), screen.joined(separator: "\n"))
      XCTAssertTrue(screen.contains("reader-exit=2"))
    }
    let printed = try ReaderProcess.run([], environment: ["TERM": "dumb"])
    XCTAssertEqual(printed.status, 0)
    XCTAssertTrue(String(decoding: printed.standardOutput, as: UTF8.self).contains("整理說明"))
  }
}
