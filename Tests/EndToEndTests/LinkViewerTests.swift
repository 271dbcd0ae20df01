import Foundation
import XCTest

/// Links in the real binary in tmux: the status line shows where the selected link leads, Enter
/// opens a relative Markdown file and Backspace comes back, `y` reaches tmux's clipboard (OSC 52).
final class LinkViewerTests: XCTestCase {
  private let newsletter = TestFixtures.directory.appendingPathComponent("markdown/weekly-newsletter.md").path

  private func start() throws -> TmuxSession {
    let session = try TmuxSession(command: ReaderShell.shellCommand([newsletter]), width: 80, height: 24)
    // tmux keeps what an application copies with OSC 52 in a paste buffer when this is on.
    try session.tmux(["set-option", "-g", "set-clipboard", "on"])
    try session.waitFor { $0.joined().contains("科技愛好者週刊") }
    return session
  }

  private func status(_ screen: [String]) -> String { screen.last ?? "" }

  func testFollowingARelativeLinkOpensTheFileAndBackspaceComesBack() throws {
    let session = try start()
    try session.send("Tab", "l", "l", "l")
    var screen = try session.waitFor { self.status($0).hasPrefix(" → guides/typesetting.md") }
    XCTAssertTrue(status(screen).hasPrefix(" → guides/typesetting.md"), "status line: \(status(screen))")
    try session.send("Enter")
    screen = try session.waitFor { $0.joined().contains("回到週刊") }
    XCTAssertTrue(screen.joined().contains("句號、逗號等結束標點"), screen.joined(separator: "\n"))
    XCTAssertTrue(status(screen).hasPrefix(" typesetting.md  Backspace goes back"), status(screen))
    try session.send("BSpace")
    screen = try session.waitFor { self.status($0).hasPrefix(" → guides/typesetting.md") }
    XCTAssertTrue(screen.joined().contains("本週話題"), screen.joined(separator: "\n"))
    XCTAssertTrue(status(screen).hasPrefix(" → guides/typesetting.md"), status(screen))
    try session.send("q")
    screen = try session.waitFor { $0.contains { $0.contains("reader-exit=") } }
    XCTAssertTrue(screen.contains("reader-exit=0"), screen.joined(separator: "\n"))
  }

  func testYCopiesTheSelectedLinkToTheTerminalClipboard() throws {
    let session = try start()
    try session.send("Tab", "l")
    try session.waitFor { self.status($0).hasPrefix(" → https://github.com/example/weekly") }
    try session.send("y")
    let screen = try session.waitFor { self.status($0).contains("copied to the clip") }
    XCTAssertTrue(status(screen).contains("copied to the clip"), status(screen))
    XCTAssertEqual(try session.tmux(["show-buffer"]), "https://github.com/example/weekly")
  }
}
