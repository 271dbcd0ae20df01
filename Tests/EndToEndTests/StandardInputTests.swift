import Foundation
import XCTest

/// `cmd | reader` and `reader -`: the document from standard input.
final class StandardInputTests: XCTestCase {
  private var articlePath: String {
    URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Assets/openai-turmoil.md").path
  }

  func testPipedArticlePrintsLikeTheFile() throws {
    let bytes = try XCTUnwrap(FileManager.default.contents(atPath: articlePath), "missing \(articlePath)")
    let piped = try ReaderProcess.run(["--print"], input: Array(bytes))
    let fromFile = try ReaderProcess.run(["--print", articlePath])
    XCTAssertEqual(piped.status, 0, piped.standardError)
    XCTAssertEqual(fromFile.status, 0, fromFile.standardError)
    XCTAssertTrue(fromFile.text.contains("整理說明:"))
    XCTAssertEqual(piped.text, fromFile.text)
  }

  func testPipedDocumentReplacesTheBundledArticle() throws {
    let result = try ReaderProcess.run(["--print"], input: Array("# 管道\n\n從標準輸入讀到的文字。\n".utf8))
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(result.text, "管道\n\n從標準輸入讀到的文字。\n")
  }

  func testEmptyOrNoStandardInputOpensTheBundledArticle() throws {
    let bundled = try ReaderProcess.run(["--print", articlePath])
    let empty = try ReaderProcess.run(["--print"], input: [])
    XCTAssertEqual(empty.status, 0, empty.standardError)
    XCTAssertEqual(empty.text, bundled.text)
    let devNull = try Spawn.output(of: [ReaderProcess.executable.path, "--print"])
    XCTAssertEqual(devNull, bundled.text)
  }

  func testDashReadsStandardInputEvenWhenEmpty() throws {
    let result = try ReaderProcess.run(["--print", "-"], input: [])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(result.text, "")
  }

  func testPipedDocumentOpensInTheViewerWithKeysFromTheTerminal() throws {
    let command = "printf '# 管道文件\\n\\n從標準輸入讀到的文字。\\n' | \(TmuxSession.quote(ReaderProcess.executable.path))"
    let session = try TmuxSession(
      command: "sh -c \(TmuxSession.quote(command + "; echo reader-exit=$?; sleep 60"))", width: 80,
      height: 20)
    let screen = try session.waitFor {
      $0.joined().contains("從標準輸入讀到的文字") || $0.joined().contains("reader-exit")
    }
    XCTAssertTrue(screen.joined().contains("從標準輸入讀到的文字"), screen.joined(separator: "\n"))
    XCTAssertFalse(screen.joined().contains("整理說明"), "the piped document, not the bundled article")
    try session.send("q")
    let end = try session.waitFor { $0.contains { $0.contains("reader-exit=") } }
    XCTAssertTrue(end.contains { $0.contains("reader-exit=0") }, end.joined(separator: "\n"))
  }
}
