import Foundation
import ReaderCore
import XCTest

/// The viewer in a terminal that draws ambiguous characters (“ ” … ° ① │) two columns wide.
///
/// The terminal is tmux with `libAmbiguousWideTerminal.so` loaded into its server: tmux measures
/// characters with glibc's `wcwidth`, and that library makes it answer 2 for them, so tmux lays
/// out its screen, moves its cursor and answers the reader's cursor position request as a CJK
/// terminal so set up does. What tmux's screen holds is read back with the same measure.
final class AmbiguousWidthViewerTests: XCTestCase {
  private var directory: URL!
  private var file: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-ambiguous-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    file = directory.appendingPathComponent("ambiguous-punctuation.md")
    try Data(try TestFixtures.bytes("documents/ambiguous-punctuation.md")).write(to: file)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private var wideTerminal: URL {
    ReaderProcess.executable.deletingLastPathComponent().appendingPathComponent("libAmbiguousWideTerminal.so")
  }

  private func start(_ arguments: [String] = [], wide: Bool) throws -> TmuxSession {
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember"] + arguments + [file.path]), width: 100, height: 20,
      environment: ["TERM": "tmux-256color"], terminalLibrary: wide ? wideTerminal : nil)
    try session.waitFor { $0.joined().contains("今天的氣溫") || $0.joined().contains("reader-exit") }
    return session
  }

  /// The column, as the terminal counts, where each row's divider ends (its right half, where
  /// it is two columns wide); rows without one (the status line) are left out.
  private func dividerEnds(_ screen: [String], ambiguous: AmbiguousWidth) -> [Int] {
    screen.dropLast().compactMap { row in
      var column = 0
      for scalar in row.unicodeScalars {
        let width = max(0, DisplayWidth.of(scalar, ambiguous: ambiguous))
        if scalar == "│" { return column + width - 1 }
        column += width
      }
      return nil
    }
  }

  private func widths(_ screen: [String], ambiguous: AmbiguousWidth) -> [Int] {
    screen.map { row in
      row.unicodeScalars.reduce(0) { $0 + max(0, DisplayWidth.of($1, ambiguous: ambiguous)) }
    }
  }

  func testTheProbeFindsWideAmbiguousCharactersAndEveryRowKeepsItsColumns() throws {
    let session = try start(wide: true)
    var screens = [try session.capture()]
    XCTAssertTrue(screens[0].joined().contains("“"), "the screen shows ambiguous characters")
    for keys in [["Down"], ["Tab", "Up"], ["g"]] {
      let before = screens.last!
      try session.send(keys)
      screens.append(try session.waitFor { $0 != before })
    }
    for screen in screens {
      let ends = dividerEnds(screen, ambiguous: .wide)
      XCTAssertEqual(ends.count, 19, screen.joined(separator: "\n"))
      XCTAssertEqual(
        Set(ends), [31], "the divider's right half in one column:\n" + screen.joined(separator: "\n"))
      for width in widths(screen, ambiguous: .wide) { XCTAssertLessThanOrEqual(width, 100) }
      // The status line's last column is a space, which the capture leaves out.
      XCTAssertEqual(
        widths(screen, ambiguous: .wide).last, 99, "the status line reaches the edge, no further")
    }
    // The help's box: its right border in one column on every row.
    try session.send("?")
    let help = try session.waitFor { $0.joined().contains("┌") }
    let borders = help.filter { row in
      row.unicodeScalars.filter { "│┐┘┌└".unicodeScalars.contains($0) }.count >= 2
    }
    XCTAssertGreaterThan(borders.count, 10, help.joined(separator: "\n"))
    let rightBorders = borders.map { row in
      var column = 0
      var end = 0
      for scalar in row.unicodeScalars {
        column += max(0, DisplayWidth.of(scalar, ambiguous: .wide))
        if "│┐┘".unicodeScalars.contains(scalar) { end = column }
      }
      return end
    }
    XCTAssertEqual(Set(rightBorders).count, 1, help.joined(separator: "\n"))
    for width in widths(help, ambiguous: .wide) { XCTAssertLessThanOrEqual(width, 100) }
    try session.send("q")
    try session.waitFor { !$0.joined().contains("┌") }
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  /// A key typed while the reader starts (and asks the terminal) is read as that key.
  func testAKeyTypedDuringTheProbeIsNotLost() throws {
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", file.path]), width: 100, height: 20,
      environment: ["TERM": "tmux-256color"], terminalLibrary: wideTerminal)
    try session.send("Tab")
    let screen = try session.waitFor { $0.last?.hasSuffix("body") ?? false }
    XCTAssertTrue(screen.last?.hasSuffix("body") ?? false, "Tab focused the body: \(screen.last ?? "")")
    try session.send("q")
  }

  /// Each start lays out its first screen with the width this terminal gave last time, without
  /// waiting for it to answer, and asks it afterwards. In a terminal that now says otherwise (a
  /// changed setting, another terminal of the same name), the screen is laid out anew as the
  /// terminal answers, and that answer is what the next start remembers.
  func testARememberedWidthTheTerminalNoLongerHasIsCorrectedAfterTheFirstScreen() throws {
    let state = directory.appendingPathComponent("state").path
    for wide in [true, false, true, true] {
      let session = try TmuxSession(
        command: ReaderShell.shellCommand([file.path]), width: 100, height: 20,
        environment: ["TERM": "tmux-256color", "XDG_STATE_HOME": state],
        terminalLibrary: wide ? wideTerminal : nil)
      let measure: AmbiguousWidth = wide ? .wide : .narrow
      let screen = try session.waitFor { screen in
        screen.joined().contains("今天的氣溫") && Set(dividerEnds(screen, ambiguous: measure)) == [31]
      }
      let shown = screen.joined(separator: "\n")
      XCTAssertEqual(dividerEnds(screen, ambiguous: measure).count, 19, shown)
      XCTAssertEqual(Set(dividerEnds(screen, ambiguous: measure)), [31], "wide: \(wide)\n" + shown)
      XCTAssertEqual(
        widths(screen, ambiguous: measure).last, 99, "the status line reaches the edge:\n" + shown)
      XCTAssertFalse(screen.last?.hasPrefix("“") ?? true, "the question leaves nothing on the screen")
      try session.send("q")
      try session.waitFor { $0.joined().contains("reader-exit=0") }
    }
  }

  /// The same terminal with the reader told the ambiguous characters are narrow: rows shift. This
  /// is what the test above would see if the reader, or ncurses under it, measured them as 1.
  func testTheSameTerminalWithTheNarrowMeasureShiftsRows() throws {
    let session = try start(["--ambiguous-width", "narrow"], wide: true)
    let ends = dividerEnds(try session.capture(), ambiguous: .wide)
    XCTAssertGreaterThan(Set(ends).count, 1, "the divider wanders: \(ends)")
    try session.send("q")
  }

  func testAnOrdinaryTerminalAnswersNarrowAndTheWideOptionIsObeyed() throws {
    let session = try start(wide: false)
    let screen = try session.capture()
    XCTAssertEqual(Set(dividerEnds(screen, ambiguous: .narrow)), [31], screen.joined(separator: "\n"))
    XCTAssertEqual(widths(screen, ambiguous: .narrow).last, 99)
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
    // Told wide in a terminal that is not, the reader lays out for two columns: its rows are
    // then narrower in this terminal, but never wider.
    let told = try start(["--ambiguous-width", "wide"], wide: false)
    for width in widths(try told.capture(), ambiguous: .narrow) { XCTAssertLessThanOrEqual(width, 100) }
    try told.send("q")
  }
}
