import Foundation
import XCTest

/// `r` where nothing can be read again says why, in the real terminal.
final class ReloadFeedbackTests: XCTestCase {
  func testRInTheBundledArticleAndAfterTheFileIsDeletedSaysWhy() throws {
    var session = try TmuxSession(command: ReaderShell.shellCommand(), width: 100, height: 30)
    try session.waitFor { $0.joined().contains("整理說明") }
    try session.send("r")
    let bundled = try session.waitFor { $0.last?.contains("cannot reload") ?? false }
    XCTAssertTrue(bundled.last?.contains("bundled article") ?? false, bundled.last ?? "")
    try session.send("q")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-reload-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("chapter.md")
    try "# 第一章\n\n一段會被刪掉的文字。\n".write(to: file, atomically: true, encoding: .utf8)
    session = try TmuxSession(command: ReaderShell.shellCommand([file.path]), width: 100, height: 30)
    try session.waitFor { $0.joined().contains("一段會被刪掉的文字") }
    try FileManager.default.removeItem(at: file)
    try session.send("r")
    let deleted = try session.waitFor { $0.last?.contains("cannot reload") ?? false }
    XCTAssertTrue(deleted.last?.contains("the file is gone") ?? false, deleted.last ?? "")
    XCTAssertTrue(deleted.joined().contains("一段會被刪掉的文字"), "the text read stays on screen")
    try session.send("q")
  }

  func testRWithTheDocumentFromStandardInputSaysItCannotBeReadAgain() throws {
    let command = "printf '# 標題\\n\\n管道裡的文字。\\n' | " + ReaderShell.shellCommand(["-"])
    let session = try TmuxSession(command: "sh -c \(TmuxSession.quote(command))", width: 100, height: 30)
    try session.waitFor { $0.joined().contains("管道裡的文字") }
    try session.send("r")
    let piped = try session.waitFor { $0.last?.contains("cannot reload") ?? false }
    XCTAssertTrue(piped.last?.contains("standard input") ?? false, piped.last ?? "")
    try session.send("q")
  }
}
