import Foundation
import XCTest

/// Search in a real terminal finds text that only a code block holds and highlights it there.
final class CodeSearchViewerTests: XCTestCase {
  private let chapter = ReaderShell.packageRoot.appendingPathComponent(
    "Tests/Fixtures/markdown/git-branching-chapter.md"
  ).path

  func testSlashFindsAWordThatOnlyACodeBlockHoldsAndHighlightsIt() throws {
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", chapter]), width: 100, height: 30)
    try session.waitFor { $0.joined().contains("3.2 分支的新建與合併") }
    // The outline hidden, so that its reversed selection never shares a row with the body.
    try session.send("Tab", "o")
    try session.waitFor { $0.first?.hasPrefix("第三章") ?? false }
    try session.send("/")
    try session.tmux(["send-keys", "-t", session.name, "-l", "git-merge-demo"])
    // The prefix typed so far may show the same count: wait for the whole word too.
    let typing = try session.waitFor {
      ($0.last?.contains("/git-merge-demo") ?? false) && ($0.last?.contains("2 matches") ?? false)
    }
    XCTAssertTrue(typing.last?.contains("/git-merge-demo") ?? false, typing.last ?? "")
    try session.send("Enter")
    let screen = try session.waitFor { $0.last?.contains("match 1/2") ?? false }
    let row = try XCTUnwrap(
      screen.firstIndex { $0.contains("$ cd ~/projects/git-merge-demo") }, screen.joined(separator: "\n"))
    XCTAssertEqual(try reversedText(session, row: row), ["git-merge-demo"])
    try session.send("n")
    let second = try session.waitFor { $0.last?.contains("match 2/2") ?? false }
    let secondRow = try XCTUnwrap(second.firstIndex { $0.contains("ls ~/projects/git-merge-demo/.git") })
    XCTAssertEqual(try reversedText(session, row: secondRow), ["git-merge-demo"])
    try session.send("q")
    _ = try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  /// The stretches of screen row `row` drawn in reverse video (how highlights are drawn), left to right.
  private func reversedText(_ session: TmuxSession, row: Int) throws -> [String] {
    let styled = try session.tmux(["capture-pane", "-p", "-e", "-t", session.name])
    let lines = styled.components(separatedBy: "\n")
    guard row < lines.count else { return [] }
    var stretches: [String] = []
    var current = ""
    var reverse = false
    var rest = Substring(lines[row])
    while let character = rest.first {
      if character == "\u{1B}", rest.dropFirst().first == "[", let end = rest.firstIndex(of: "m") {
        let parameters = rest[rest.index(rest.startIndex, offsetBy: 2)..<end]
        for parameter in parameters.split(separator: ";", omittingEmptySubsequences: false) {
          switch parameter {
          case "", "0", "27": reverse = false
          case "7": reverse = true
          default: break
          }
        }
        rest = rest[rest.index(after: end)...]
        continue
      }
      if reverse {
        current.append(character)
      } else if !current.isEmpty {
        stretches.append(current)
        current = ""
      }
      rest = rest.dropFirst()
    }
    if !current.isEmpty { stretches.append(current) }
    return stretches
  }
}
