import Foundation
import XCTest

/// Files over a megabyte are shown from their first megabyte; the rest is read, and the content
/// hash of the remembered place made, after the first screen.
final class LargeFileStartTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "reader-large-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  /// A Markdown file of `count` sections, each a heading and a few paragraphs: 1.5 MB at 1,500.
  static func markdown(sections count: Int, word: String = "內容") -> String {
    let paragraph = String(repeating: "這一節的\(word)寫得很長，為了讓文件超過一百萬位元組。", count: 10)
    return (1...count).map { "## 第\($0)節\n\n\(paragraph)\n\n\(paragraph)\n\n" }.joined()
  }

  private func session(_ path: String, state: String) throws -> TmuxSession {
    try TmuxSession(
      command: ReaderShell.shellCommand([path]), width: 90, height: 20, environment: ["XDG_STATE_HOME": state]
    )
  }

  /// Read to the end, quit, open again: the place comes back once the hash is made; a file with
  /// other content of the same size at the same path opens at its start.
  func testTheRememberedPlaceComesBackAfterTheFirstScreen() throws {
    let text = Self.markdown(sections: 1_500)
    XCTAssertGreaterThan(text.utf8.count, 1 << 20)
    let path = directory.appendingPathComponent("large.md").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let state = directory.appendingPathComponent("state").path
    var reader = try session(path, state: state)
    try reader.waitFor { $0.joined().contains("第1節") && !($0.last?.contains("loading") ?? true) }
    var screen = try endIsRemembered(path, state: state, in: &reader)
    try reader.waitFor { $0.joined().contains("reader-exit=0") }
    // The same size and path, other words: the hash tells them apart.
    let other = Self.markdown(sections: 1_500, word: "文字")
    XCTAssertEqual(other.utf8.count, text.utf8.count)
    try Data(other.utf8).write(to: URL(fileURLWithPath: path))
    reader = try session(path, state: state)
    screen = try reader.waitFor { $0.joined().contains("文字") && !($0.last?.contains("loading") ?? true) }
    usleep(300_000)
    screen = try reader.capture()
    XCTAssertTrue(screen.last?.contains("第1節") ?? false, "not restored: \(screen.joined(separator: "\n"))")
    try reader.send("q")
  }

  /// A large file opened again at a place it has not loaded yet says it is going back there, and
  /// quitting before it gets there keeps the place and the marks (they were lost: the top of the
  /// first chunk was remembered instead).
  func testQuittingBeforeTheRememberedPlaceLoadsKeepsItAndTheMarks() throws {
    let text = Self.markdown(sections: 20_000)
    XCTAssertGreaterThan(text.utf8.count, 20 << 20)
    let path = directory.appendingPathComponent("large.md").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let state = directory.appendingPathComponent("state").path
    var reader = try session(path, state: state)
    try reader.waitFor { $0.joined().contains("第1節") && !($0.last?.contains("loading") ?? true) }
    try reader.send("G")
    try reader.waitFor { $0.last?.contains("第20000節") ?? false }
    try reader.send("m", "a", "q")
    try reader.waitFor { $0.joined().contains("reader-exit=0") }
    reader = try session(path, state: state)
    var screen = try reader.waitFor { $0.last?.contains("going back to where you left off") ?? false }
    XCTAssertTrue(screen.joined().contains("第1節"), "the top meanwhile: \(screen.joined(separator: "\n"))")
    try reader.send("q")
    try reader.waitFor { $0.joined().contains("reader-exit=0") }
    reader = try session(path, state: state)
    screen = try reader.waitFor { $0.last?.contains("第20000節") ?? false }
    XCTAssertTrue(screen.last?.contains("resumed at") ?? false, "restored: \(screen.joined(separator: "\n"))")
    try reader.send("g")
    try reader.waitFor { $0.last?.contains("第1節") ?? false }
    try reader.send("'", "a")
    screen = try reader.waitFor { $0.last?.contains("第20000節") ?? false }
    XCTAssertTrue(
      screen.last?.contains("mark a") ?? false, "the mark is kept: \(screen.joined(separator: "\n"))")
    try reader.send("q")
    try reader.waitFor { $0.joined().contains("reader-exit=0") }
  }

  /// A plain-text novel over a megabyte: the first chapter at once, the last one after loading,
  /// and its place remembered.
  func testALargeNovelStartsAtOnceAndRemembersThePlace() throws {
    let text = NovelFileTests.longNovel(chapters: 700)
    XCTAssertGreaterThan(text.utf8.count, 1 << 20)
    let path = directory.appendingPathComponent("novel.txt").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let state = directory.appendingPathComponent("state").path
    var reader = try session(path, state: state)
    var screen = try reader.waitFor { $0.joined().contains("作者自云") }
    XCTAssertTrue(screen.joined().contains("第一回　第1個故事"), screen.joined(separator: "\n"))
    try reader.waitFor { !($0.last?.contains("loading") ?? true) }
    try reader.send("G")
    screen = try reader.waitFor { $0.last?.contains("第七百回") ?? false }
    XCTAssertTrue(screen.last?.contains("第七百回") ?? false, screen.joined(separator: "\n"))
    try reader.send("q")
    try reader.waitFor { $0.joined().contains("reader-exit=0") }
    reader = try session(path, state: state)
    screen = try reader.waitFor { $0.last?.contains("第七百回") ?? false }
    XCTAssertTrue(screen.last?.contains("第七百回") ?? false, "restored: \(screen.joined(separator: "\n"))")
    try reader.send("q")
  }

  /// A large file rewritten while it is still loading: the reload goes the way opening does, the
  /// place is kept, and nothing of the old text comes back later.
  func testALargeFileRewrittenWhileItLoadsShowsOnlyTheNewText() throws {
    let text = Self.markdown(sections: 6_000)
    let path = directory.appendingPathComponent("large.md").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let reader = try session(path, state: directory.appendingPathComponent("state").path)
    try reader.waitFor { $0.joined().contains("第1節") }
    try reader.send("]", "]")
    var screen = try reader.waitFor { $0.first?.contains("第3節") ?? false }
    XCTAssertTrue(screen.first?.contains("第3節") ?? false, screen.joined(separator: "\n"))
    // The same size, other words, written while the old text is still being parsed.
    try Data(Self.markdown(sections: 6_000, word: "文字").utf8).write(to: URL(fileURLWithPath: path))
    try reader.send("r")
    screen = try reader.waitFor {
      $0.joined().contains("文字") && !($0.last?.contains("loading") ?? true)
        && !($0.last?.contains("reloading") ?? true)
    }
    XCTAssertTrue(screen.first?.contains("第3節") ?? false, "the same place: \(screen.joined(separator: "\n"))")
    XCTAssertFalse(screen.joined().contains("內容"), screen.joined(separator: "\n"))
    try reader.send("G")
    screen = try reader.waitFor { $0.last?.contains("第6000節") ?? false }
    XCTAssertTrue(screen.last?.contains("第6000節") ?? false, screen.joined(separator: "\n"))
    XCTAssertTrue(screen.joined().contains("文字"), screen.joined(separator: "\n"))
    XCTAssertFalse(
      screen.joined().contains("內容"), "the old text came back: \(screen.joined(separator: "\n"))")
    try reader.send("q")
    try reader.waitFor { $0.joined().contains("reader-exit=0") }
  }

  /// Markdown over a megabyte in GB18030 starts from its first megabyte as UTF-8 does: the first
  /// screen, then the rest decoded to the end, and its place remembered under the whole file.
  func testALargeGB18030MarkdownStartsAtOnceAndRemembersThePlace() throws {
    let bytes = NovelFiles.encode(Self.markdown(sections: 1_500), as: "GB18030")
    XCTAssertGreaterThan(bytes.count, 1 << 20)
    let path = directory.appendingPathComponent("gb18030.md").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let state = directory.appendingPathComponent("state").path
    var reader = try session(path, state: state)
    let screen = try reader.waitFor { $0.joined().contains("第1節") }
    XCTAssertTrue(screen.last?.contains("GB18030") ?? false, screen.last ?? "")
    try reader.waitFor { !($0.last?.contains("loading") ?? true) }
    let end = try endIsRemembered(path, state: state, in: &reader)
    XCTAssertTrue(end.joined().contains("超過一百萬位元組"), end.joined(separator: "\n"))
  }

  /// Goes to the end (the 1,500th section), quits, opens the file again and checks that it is
  /// back there; quits again. The screen at the end, before quitting.
  private func endIsRemembered(_ path: String, state: String, in reader: inout TmuxSession) throws -> [String]
  {
    try reader.send("G")
    let end = try reader.waitFor { $0.last?.contains("第1500節") ?? false }
    XCTAssertTrue(end.last?.contains("第1500節") ?? false, end.joined(separator: "\n"))
    try reader.send("q")
    try reader.waitFor { $0.joined().contains("reader-exit=0") }
    reader = try session(path, state: state)
    let restored = try reader.waitFor { $0.last?.contains("第1500節") ?? false }
    XCTAssertTrue(restored.last?.contains("第1500節") ?? false, "restored: \(restored.joined(separator: "\n"))")
    try reader.send("q")
    return end
  }
}
