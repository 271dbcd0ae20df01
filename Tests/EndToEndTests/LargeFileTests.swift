import EPUBFixtures
import Foundation
import Glibc
import XCTest

/// A file larger than the reader holds in memory is refused with one line before it is read;
/// a book, read where libzip looks, is not held to that bound.
final class LargeFileTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-large-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// A sparse file of `size` bytes that starts with `head` (the rest reads as zeros, and takes no disk).
  private func sparseFile(_ name: String, head: [UInt8], size: Int) throws -> String {
    let path = directory + "/" + name
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(head)))
    XCTAssertEqual(truncate(path, off_t(size)), 0)
    return path
  }

  /// The viewer on `path` in a terminal, until it exits: the screen then.
  private func viewerScreen(_ path: String) throws -> String {
    let command = "\(ReaderProcess.executable.path) \(TmuxSession.quote(path)); echo reader-exit=$?; sleep 30"
    let session = try TmuxSession(command: "sh -c \(TmuxSession.quote(command))", width: 120, height: 12)
    return try session.waitFor { $0.joined().contains("reader-exit") }.joined()
  }

  func testAFileLargerThanTheBoundIsRefusedBeforeItIsRead() throws {
    let path = try sparseFile("巨大.md", head: Array("# 很大的文件\n\n第一段。\n".utf8), size: (1 << 30) + 1)
    let started = Date()
    let printed = try ReaderProcess.run(["--print", path])
    XCTAssertEqual(printed.status, 65)
    XCTAssertEqual(printed.standardOutput, [])
    XCTAssertEqual(
      printed.standardError,
      "reader: cannot open '\(path)': larger than the 1 GiB the reader holds in memory (it is 1.1 GiB)\n")
    XCTAssertLessThan(Date().timeIntervalSince(started), 10, "refused from its size, not after reading it")
    let screen = try viewerScreen(path)
    XCTAssertTrue(screen.contains("larger than the 1 GiB the reader holds in memory"), screen)
    XCTAssertTrue(screen.contains("reader-exit=65"), screen)
  }

  func testABookIsNotHeldToTheBound() throws {
    let path = try sparseFile("巨大.epub", head: SampleBooks.threeKingdoms(), size: 3 << 29)
    let screen = try viewerScreen(path)
    XCTAssertFalse(screen.contains("larger than the 1 GiB"), screen)
    XCTAssertTrue(screen.contains("reader: cannot open"), screen)
  }
}
