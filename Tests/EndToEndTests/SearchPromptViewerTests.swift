import Foundation
import XCTest

/// The search prompt in a real terminal: line editing, Ctrl-C, n after it, an empty pattern, the
/// history across runs, smart case, a regular expression and clearing the highlights.
final class SearchPromptViewerTests: XCTestCase {
  private var state = ""

  override func setUpWithError() throws {
    state = FileManager.default.temporaryDirectory.appendingPathComponent("reader-search-\(UUID())").path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: state)
  }

  private func session() throws -> TmuxSession {
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(), width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
    try session.waitFor { $0.joined().contains("整理說明") }
    return session
  }

  @discardableResult
  private func expect(_ session: TmuxSession, status text: String) throws -> [String] {
    let screen = try session.waitFor { $0.last?.contains(text) ?? false }
    XCTAssertTrue(screen.last?.contains(text) ?? false, "status line shows \(text): \(screen.last ?? "")")
    return screen
  }

  func testEditingCancellingRepeatingRecallingAndRegularExpressions() throws {
    var session = try self.session()
    try session.send("Tab", "/")
    try session.send("-l", "发x布")
    try session.send("Left", "BSpace")
    try expect(session, status: "/发▏布  9 matches")
    try session.send("Enter")
    try expect(session, status: "match 1/9")
    try session.send("/")
    try session.send("-l", "董事")
    try expect(session, status: "/董事▏")
    try session.send("C-c")
    var screen = try session.waitFor { !($0.last?.contains("/董事") ?? true) }
    XCTAssertFalse(screen.joined().contains("reader-exit"), "Ctrl-C in the prompt does not quit")
    try session.send("n")
    try expect(session, status: "match 2/9")
    try session.send("/")
    try expect(session, status: "Enter: \"发布\" again")
    try session.send("Enter")
    try expect(session, status: "match 3/9")
    try session.send("/")
    try session.send("-l", "OPENAI")
    try expect(session, status: "/OPENAI▏  no match")
    try session.send("C-w", "C-r")
    try session.send("-l", "Open[A-Z]+")
    try expect(session, status: "/re:Open[A-Z]+▏  44 matches")
    try session.send("C-a", "Right", "C-u")
    try expect(session, status: "/re:▏pen[A-Z]+")
    try session.send("C-e")
    try session.send("-l", "(")
    try expect(session, status: "invalid regular expression")
    try session.send("BSpace", "Enter")
    try expect(session, status: "/44")
    try session.send("Escape")
    try expect(session, status: "highlights cleared")
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }

    session = try self.session()
    try session.send("/", "Up")
    try expect(session, status: "/re:pen[A-Z]+▏")
    try session.send("Up")
    try expect(session, status: "/发布▏")
    try session.send("Down", "Down")
    screen = try expect(session, status: "/▏")
    XCTAssertFalse(screen.last?.contains("发布") ?? true)
    try session.send("Escape", "q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }
}
