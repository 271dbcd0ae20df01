import Foundation
import XCTest

/// The built binary on real-looking Markdown: front matter names the page in the status line,
/// and copied web text with invisible characters prints without a dotted circle.
final class MarkdownTextViewerTests: XCTestCase {
  private func fixture(_ name: String) -> String {
    ReaderShell.packageRoot.appendingPathComponent("Tests/Fixtures/markdown/\(name)").path
  }

  func testFrontMatterTitleNamesTheMkDocsPageInTheStatusLine() throws {
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", fixture("mkdocs-getting-started.md")]),
      width: 100, height: 30)
    let screen = try session.waitFor { $0.last?.hasPrefix(" 快速開始") ?? false }
    XCTAssertTrue(screen.last?.hasPrefix(" 快速開始") ?? false, screen.last ?? "")
    XCTAssertFalse(screen.last?.contains("mkdocs-getting-started.md") ?? true)
    // The outline starts with the page's heading, not with the metadata.
    XCTAssertTrue(screen.first?.hasPrefix("快速開始") ?? false, screen.first ?? "")
    try session.send("q")
    _ = try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testLawTextWithInvisibleCharactersPrintsWithoutDottedCircles() throws {
    for width in ["0", "37", "80"] {
      let output = try ReaderProcess.run(["--print", "--width", width, fixture("law-format-characters.md")])
      XCTAssertEqual(output.status, 0, output.standardError)
      XCTAssertFalse(output.text.contains("\u{25CC}"), output.text)
      XCTAssertTrue(output.text.contains("第一条　为保护文学"), output.text)
    }
  }
}
