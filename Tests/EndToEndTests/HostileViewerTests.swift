import Foundation
import XCTest

/// Hostile documents in the real viewer (tmux): the terminal's title and screen stay the reader's.
final class HostileViewerTests: XCTestCase {
  private func open(_ path: String, width: Int = 100, height: Int = 20, until text: String) throws -> (
    TmuxSession, [String]
  ) {
    let session = try TmuxSession(command: ReaderShell.shellCommand([path]), width: width, height: height)
    let screen = try session.waitFor { $0.joined().contains(text) || $0.joined().contains("reader-exit") }
    return (session, screen)
  }

  func testEscapeSequencesShowAsSymbolsAndTheTitleAndScreenAreUntouched() throws {
    let files = try HostileFiles()
    let path = try files.write("escapes\u{1B}]2;name-title\u{7}.md", HostileFiles.escapes)
    let (session, screen) = try open(path, width: 150, until: "pwned")
    let text = screen.joined(separator: "\n")
    XCTAssertTrue(text.contains("Heading ␛]0;pwned␇ and ␛[2J clear"), text)
    XCTAssertFalse(try session.display("#{pane_title}").contains("title"), "a document retitled the terminal")
    XCTAssertEqual(try session.display("#{alternate_on}"), "1", "a document left the alternate screen")
    XCTAssertEqual(
      try session.display("#{mouse_all_flag}"), "0",
      "a document turned all-motion mouse tracking on (the reader itself asks only for buttons)")
    XCTAssertTrue(
      screen.last?.contains("escapes␛]2;name-title␇.md") ?? false, "status line: \(screen.last ?? "")")
    XCTAssertTrue(
      screen.last?.contains("3 invalid bytes replaced, 1 NUL character replaced") ?? false, screen.last ?? "")
    try session.send("Tab", "G")
    let end = try session.waitFor { !$0.joined().contains("invalid bytes") }
    XCTAssertFalse(end.last?.contains("invalid bytes") ?? true, "the notice goes with the first key")
    XCTAssertFalse(try session.display("#{pane_title}").contains("title"))
    try session.send("q")
    XCTAssertTrue(
      try session.waitFor { $0.joined().contains("reader-exit=0") }.joined().contains("reader-exit=0"))
  }

  func testAForcedBinaryFileCannotTouchTheTerminal() throws {
    let files = try HostileFiles()
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var bytes: [UInt8] = []
    for index in 0..<40_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes.append(UInt8(truncatingIfNeeded: state >> 56))
      if index % 997 == 0 {
        bytes += Array("\u{1B}]0;pwned\u{7}\u{1B}[?1049l\u{1B}[?1003h\n# \u{1B}]2;title\u{7}\n".utf8)
      }
    }
    let (session, _) = try open(try files.write("noise.bin", bytes), until: "binary")
    XCTAssertTrue(try session.capture().joined().contains("looks like a binary file"))
    let forced = try TmuxSession(
      command: ReaderShell.shellCommand([
        "--force", files.directory.appendingPathComponent("noise.bin").path,
      ]),
      width: 80, height: 24)
    try forced.waitFor { $0.joined().contains("noise.bin") }
    for keys in [["Tab"], ["G"], ["b"], ["Tab"], ["G"], ["g"], ["Space"]] {
      try forced.send(keys[0])
      usleep(150_000)  // let the frame be drawn before looking at the terminal's state
      XCTAssertFalse(try forced.display("#{pane_title}").contains("pwned"))
      XCTAssertFalse(try forced.display("#{pane_title}").contains("title"))
      XCTAssertEqual(try forced.display("#{alternate_on}"), "1")
      XCTAssertEqual(try forced.display("#{mouse_all_flag}"), "0")
    }
    try forced.send("q")
    XCTAssertTrue(
      try forced.waitFor { $0.joined().contains("reader-exit=0") }.joined().contains("reader-exit=0"))
  }

  func testAnEmptyFileOpensWithEmptyDocument() throws {
    let files = try HostileFiles()
    let (session, screen) = try open(try files.write("empty.md", []), until: "empty document")
    XCTAssertTrue(screen.joined().contains("empty document"), screen.joined(separator: "\n"))
    try session.send("j", "G", "q")
    XCTAssertTrue(
      try session.waitFor { $0.joined().contains("reader-exit=0") }.joined().contains("reader-exit=0"))
  }

  func testTwentyThousandHeadingsAnswerEveryKeyPromptly() throws {
    let files = try HostileFiles()
    var markdown = ""
    for index in 1...20_000 { markdown += "## 標題 \(index)\n\n內容 \(index)\n\n" }
    let (session, _) = try open(try files.write("headings.md", markdown), until: "標題 1")
    // G, not End: tmux sends End as ESC [ 4 ~, which ncurses does not know under TERM=xterm-256color.
    try session.send("G")
    let end = try session.waitFor { $0.joined().contains("標題 20000") }
    XCTAssertTrue(end.joined().contains("標題 20000"), end.joined(separator: "\n"))
    try session.resize(width: 1, height: 1)
    try session.resize(width: 30, height: 8)
    try session.send("g")
    let top = try session.waitFor { $0.joined().contains("標題 1 ") || $0.first?.hasPrefix("標題 1") == true }
    XCTAssertTrue(top.joined().contains("標題 1"), top.joined(separator: "\n"))
    try session.send("q")
    XCTAssertTrue(
      try session.waitFor { $0.joined().contains("reader-exit=0") }.joined().contains("reader-exit=0"))
  }
}
