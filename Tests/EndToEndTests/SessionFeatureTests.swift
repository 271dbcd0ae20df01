import Foundation
import XCTest

/// What a reader expects across a session: the place remembered, the file reloaded, the mouse,
/// and large files that open at once.
final class SessionFeatureTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-session-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private func start(
    _ arguments: [String] = [], width: Int = 100, height: Int = 30, until text: String = "整理說明"
  )
    throws -> TmuxSession
  {
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(arguments), width: width, height: height,
      environment: ["XDG_STATE_HOME": directory.appendingPathComponent("state").path])
    try session.waitFor { $0.joined().contains(text) || $0.joined().contains("reader-exit") }
    return session
  }

  private func quit(_ session: TmuxSession) throws {
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testTheReadingPlaceIsRememberedAcrossRuns() throws {
    var session = try start()
    try session.send("Down", "Down", "Down", "Tab", "j", "j")
    let place = try session.waitFor { $0.first?.contains("要理解過去一個周末") ?? false }.first ?? ""
    XCTAssertTrue(place.contains("要理解過去一個周末"))
    try quit(session)
    session = try start()
    let reopened = try session.waitFor { $0.first == place }
    XCTAssertEqual(reopened.first, place, "the same text is at the top of the body")
    try quit(session)
    session = try start(["--no-remember"])
    XCTAssertTrue(try session.capture().first?.contains("好的，我來整理") ?? false, "--no-remember opens at the top")
    try quit(session)
  }

  func testMarksSurviveARestartAndReopeningSaysWhere() throws {
    var session = try start()
    try session.send("Tab", "PageDown", "PageDown", "PageDown")
    let marked = try session.waitFor { !($0.first?.contains("好的，我來整理") ?? true) }.first ?? ""
    try session.send("m", "a")
    try session.waitFor { $0.last?.contains("mark a set at") ?? false }
    try session.send("g")
    try session.waitFor { $0.first?.contains("好的，我來整理") ?? false }
    try quit(session)
    session = try start()
    let reopened = try session.capture()
    XCTAssertTrue(reopened.first?.contains("好的，我來整理") ?? false, "at the top, where it was left")
    XCTAssertFalse(reopened.last?.contains("resumed") ?? true, "nothing to say at the very top")
    try session.send("'", "a")
    let back = try session.waitFor { $0.first == marked }
    XCTAssertEqual(back.first, marked, "mark a came back with the reading place")
    XCTAssertTrue(back.last?.contains("mark a: ") ?? false, back.last ?? "")
    try session.send("5", "0", "%")
    let half = try session.waitFor { $0.last?.contains("went to 50%") ?? false }
    XCTAssertTrue(half.last?.contains("  50%  body") ?? false, half.last ?? "")
    try quit(session)
    session = try start()
    let resumed = try session.waitFor { $0.last?.contains("resumed at 50%") ?? false }
    XCTAssertTrue(resumed.last?.contains("resumed at 50% · ") ?? false, resumed.last ?? "")
    try quit(session)
  }

  func testAChangedFileReloadsByItselfAndKeepsThePlace() throws {
    let file = directory.appendingPathComponent("notes.md")
    let filler = (1...40).map { "第 \($0) 段填充的文字。\n\n" }.joined()
    let original = "# 第一章\n\n舊的內容。\n\n" + filler + "# 第二章\n\n第二章的內容。\n\n" + filler
    try original.write(to: file, atomically: true, encoding: .utf8)
    let session = try start([file.path], until: "舊的內容")
    try session.send("Down")
    try session.waitFor { $0.first?.contains("│ 第二章") ?? false }
    try original.replacingOccurrences(of: "第二章的內容", with: "改寫後的第二章").write(
      to: file, atomically: true, encoding: .utf8)
    try session.waitFor { $0.joined().contains("第二章的內容") }
    let reloaded = try session.waitFor { $0.joined().contains("改寫後的第二章") }
    XCTAssertTrue(reloaded.joined().contains("改寫後的第二章"), "reloaded without a key")
    XCTAssertTrue(reloaded.first?.contains("│ 第二章") ?? false, "still at the same section")
    try original.replacingOccurrences(of: "舊的內容", with: "按 r 之後").write(
      to: file, atomically: false, encoding: .utf8)
    try session.send("r")
    try session.send("Up")
    let again = try session.waitFor { $0.joined().contains("按 r 之後") }
    XCTAssertTrue(again.joined().contains("按 r 之後"), "r (or the watcher) read the file again")
    try quit(session)
  }

  func testMouseWheelAndClickInARealTerminal() throws {
    let session = try start()
    // SGR mouse reports, as a terminal sends them: wheel down over the body, then a click on
    // the fourth outline entry.
    try session.tmux(["send-keys", "-t", session.name, "-l", "\u{1B}[<65;60;10M"])
    let scrolled = try session.waitFor { $0.count > 1 && $0[1].contains("│ 引言：OpenAI 的動盪與內幕揭秘") }
    XCTAssertTrue(scrolled[1].contains("│ 引言：OpenAI 的動盪與內幕揭秘"), "three lines down: \(scrolled[1])")
    try session.tmux(["send-keys", "-t", session.name, "-l", "\u{1B}[<0;5;4M\u{1B}[<0;5;4m"])
    let clicked = try session.waitFor { $0.first?.contains("│ OpenAI 的獨特性") ?? false }
    XCTAssertTrue(clicked.first?.contains("│ OpenAI 的獨特性") ?? false, clicked.first ?? "")
    try quit(session)
  }

  func testALargeDocumentOpensBeforeItIsAllParsedAndGrowsItsOutline() throws {
    let article = try String(
      contentsOf: ReaderShell.packageRoot.appendingPathComponent("Assets/openai-turmoil.md"), encoding: .utf8)
    var text = ""
    for part in 1...240 { text += "# 第 \(part) 部分\n\n" + article + "\n" }
    let file = directory.appendingPathComponent("large.md")
    try text.write(to: file, atomically: true, encoding: .utf8)
    XCTAssertGreaterThan(text.utf8.count, 2_000_000)
    let session = try start([file.path], until: "第 1 部分")
    let loaded = try session.waitFor(timeout: 30) { !($0.last?.contains("loading") ?? true) }
    XCTAssertFalse(loaded.last?.contains("loading") ?? true)
    try session.send("End")
    let end = try session.waitFor { $0.joined().contains("第 240 部分") }
    XCTAssertTrue(end.joined().contains("第 240 部分"), "the whole outline arrived")
    try quit(session)
  }
}
