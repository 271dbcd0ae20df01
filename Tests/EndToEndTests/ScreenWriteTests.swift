import Foundation
import XCTest

/// A screen reaches the terminal in one burst, not a row at a time: over ssh every write is a
/// packet of its own, and a terminal may show a frame half drawn between two of them.
///
/// The reader runs with `libTerminalWriteLog.so` loaded, which notes the size of each write to
/// standard output in a file.
final class ScreenWriteTests: XCTestCase {
  private var directory: URL!
  private var log: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-writes-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    log = directory.appendingPathComponent("writes.log")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private var writeLog: URL {
    ReaderProcess.executable.deletingLastPathComponent().appendingPathComponent("libTerminalWriteLog.so")
  }

  /// The sizes of the writes to the terminal so far, once none has come for a while.
  private func settledWrites() throws -> [Int] {
    var sizes: [Int] = []
    var unchangedSince = Date()
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      let now = text.split(separator: "\n").compactMap { Int($0) }
      if now != sizes {
        sizes = now
        unchangedSince = Date()
      } else if Date().timeIntervalSince(unchangedSince) > 0.4 {
        return sizes
      }
      usleep(20_000)
    }
    return sizes
  }

  func testEachPageDownReachesTheTerminalInAFewWritesNotOneARow() throws {
    XCTAssertTrue(FileManager.default.fileExists(atPath: writeLog.path), "the write log library is built")
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember"]), width: 100, height: 30,
      environment: ["LD_PRELOAD": writeLog.path, "READER_TEST_WRITE_LOG": log.path])
    var screen = try session.waitFor { $0.joined().contains("整理說明") || $0.joined().contains("reader-exit") }
    XCTAssertFalse(screen.joined().contains("reader-exit"), screen.joined(separator: "\n"))
    try session.send("Tab")
    var before = try settledWrites()
    XCTAssertFalse(before.isEmpty, "the writes to the terminal are noted")
    for press in 1...3 {
      try session.send("NPage")
      let previous = screen
      screen = try session.waitFor { $0 != previous }
      let changedRows = zip(screen, previous).filter { $0 != $1 }.count
      XCTAssertGreaterThan(
        changedRows, 20, "page \(press) repaints the body:\n" + screen.joined(separator: "\n"))
      let after = try settledWrites()
      let writes = after.count - before.count
      XCTAssertLessThanOrEqual(
        writes, 3,
        "page \(press) came in \(writes) writes (\(after.dropFirst(before.count).map(String.init).joined(separator: ", ")) bytes) for \(changedRows) rows"
      )
      before = after
    }
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testCtrlZAndFgLeaveTheTerminalsPaletteAlone() throws {
    // ncurses' resume after its own suspension resets every colour the user set (OSC 104, its
    // `orig_colors`) whenever colours are on: pywal and base16-shell palettes were lost on fg.
    let bytes = directory.appendingPathComponent("bytes")
    let session = try TmuxSession(command: "bash --norc --noprofile", width: 100, height: 30)
    try session.waitFor { !$0.joined().isEmpty }
    let reader = TmuxSession.quote(ReaderProcess.executable.path)
    try session.send(
      "env -u NO_COLOR LANG=C.UTF-8 TERM=xterm-256color LD_PRELOAD=\(TmuxSession.quote(writeLog.path))"
        + " READER_TEST_WRITE_BYTES=\(TmuxSession.quote(bytes.path)) \(reader) --no-remember", "Enter")
    try session.waitFor { $0.joined().contains("整理說明") }
    try session.send("C-z")
    try session.waitFor { $0.joined().contains("Stopped") }
    XCTAssertEqual(try session.display("#{alternate_on}"), "0", "the shell's screen while stopped")
    try session.send("fg", "Enter")
    let back = try session.waitFor { $0.joined().contains("整理說明") }
    XCTAssertTrue(back.joined().contains("│"), back.joined(separator: "\n"))
    XCTAssertEqual(try session.display("#{alternate_on}"), "1", "the reader's screen again")
    // What is typed while it comes back is dropped (flushinp), as after ncurses' own resume.
    usleep(300_000)
    try session.send("q")
    let deadline = Date().addingTimeInterval(10)
    while try session.display("#{alternate_on}") != "0" && Date() < deadline { usleep(20_000) }
    let written = try String(decoding: Data(contentsOf: bytes), as: UTF8.self)
    XCTAssertEqual(written.components(separatedBy: "\u{1B}[?1049h").count - 1, 3, "entered, resumed, entered")
    XCTAssertTrue(written.contains("\u{1B}[38;5;"), "in colour (the test process may have NO_COLOR set)")
    XCTAssertFalse(written.contains("\u{1B}]104"), "no palette reset")
  }
}
