import Foundation
import XCTest

/// Chinese novels as they are kept: plain text in GB18030, Big5 or UTF-16, read by the binary.
final class NovelFileTests: XCTestCase {
  private let novel = NovelFiles.hongloumeng

  func testPrintReadsEveryEncodingAsTheSameText() throws {
    let expected = try ReaderProcess.run(
      ["--print", "--width", "0", try NovelFiles.write(Array(novel.utf8), named: "utf8.txt")])
    XCTAssertEqual(expected.status, 0, expected.standardError)
    XCTAssertTrue(expected.text.contains("甄士隱夢幻識通靈"))
    let files: [(String, [UInt8])] = [
      ("GB18030", NovelFiles.encode(novel, as: "GB18030")),
      ("BIG5", NovelFiles.encode(novel, as: "BIG5")),
      ("UTF-16LE", [0xFF, 0xFE] + NovelFiles.encode(novel, as: "UTF-16LE")),
      ("UTF-16BE", NovelFiles.encode(novel, as: "UTF-16BE")),
    ]
    for (name, bytes) in files {
      let result = try ReaderProcess.run([
        "--print", "--width", "0", try NovelFiles.write(bytes, named: "紅樓夢.txt"),
      ])
      XCTAssertEqual(result.status, 0, "\(name): \(result.standardError)")
      XCTAssertEqual(result.text, expected.text, name)
    }
  }

  func testUnknownEncodingIsOneLineAndStatus64() throws {
    let path = try NovelFiles.write(NovelFiles.encode(novel, as: "GB18030"), named: "gb.txt")
    for arguments in [
      ["--encoding", "klingon", "--print", path], ["convert", "--to", "simplified", "--encoding", "klingon"],
    ] {
      let result = try ReaderProcess.run(arguments)
      XCTAssertEqual(result.status, 64, "\(arguments)")
      XCTAssertEqual(result.standardError, "reader: unknown encoding 'klingon' (see iconv --list)\n")
      XCTAssertEqual(result.text, "")
    }
  }

  func testEncodingOptionReplacesDetection() throws {
    let path = try NovelFiles.write(NovelFiles.encode(novel, as: "BIG5"), named: "big5.txt")
    let wrong = try ReaderProcess.run(["--print", "--width", "0", "--encoding", "GBK", path])
    XCTAssertEqual(wrong.status, 0)
    XCTAssertFalse(wrong.text.contains("甄士隱"), "Big5 read as GBK is not the novel")
    let right = try ReaderProcess.run(["--print", "--width", "0", "--encoding", "big5", path])
    XCTAssertTrue(right.text.contains("甄士隱夢幻識通靈"))
  }

  func testConvertReadsGB18030AndWritesUTF8() throws {
    let result = try ReaderProcess.run(
      ["convert", "--to", "simplified"], input: NovelFiles.encode(novel, as: "GB18030"))
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertTrue(result.text.contains("甄士隐梦幻识通灵"), result.text)
    let utf16 = try ReaderProcess.run(
      ["convert", "--config", "t2s"], input: [0xFF, 0xFE] + NovelFiles.encode(novel, as: "UTF-16LE"))
    XCTAssertTrue(utf16.text.hasPrefix("第一卷\n"), utf16.text)
  }

  func testViewerShowsTheDecodedTextAndTheEncoding() throws {
    let path = try NovelFiles.write(NovelFiles.encode(novel, as: "GB18030"), named: "紅樓夢.txt")
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", path]), width: 100, height: 24)
    let screen = try session.waitFor { $0.joined().contains("甄士隱") }
    XCTAssertTrue(screen.joined().contains("作者自云"), screen.joined(separator: "\n"))
    XCTAssertTrue(screen.last?.contains("GB18030") ?? false, screen.last ?? "")
    XCTAssertFalse(screen.joined().contains("\u{FFFD}"))
    try session.send("q")
  }

  func testOutlineListsTheChaptersOfAGB18030Novel() throws {
    let path = try NovelFiles.write(NovelFiles.encode(novel, as: "GB18030"), named: "紅樓夢.txt")
    let result = try ReaderProcess.run(["--outline", path])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(
      result.text,
      """
      第一卷
        第一回　甄士隱夢幻識通靈　賈雨村風塵懷閨秀
        第二回　賈夫人仙逝揚州城　冷子興演說榮國府
        第三回　託內兄如海薦西賓　接外孫賈母惜孤女
      第二卷
        第四回　薄命女偏逢薄命郎　葫蘆僧亂判葫蘆案

      """)
    let diary = try ReaderProcess.run([
      "--outline", try NovelFiles.write(Array(NovelFiles.diary.utf8), named: "d.txt"),
    ])
    XCTAssertEqual(diary.text, "", "第一次 and 第二天 lines are prose")
  }

  func testPrintReflowsHardWrappedLinesAndNoReflowKeepsThem() throws {
    let path = try NovelFiles.write(NovelFiles.encode(novel, as: "BIG5"), named: "紅樓夢.txt")
    let reflowed = try ReaderProcess.run(["--print", "--width", "0", path])
    XCTAssertTrue(
      reflowed.text.contains("\n　　看官，你道此書從何而來？說起根由雖近荒唐，細按則深有趣味。待在下將此來歷註明，方使閱者了然不惑。\n"),
      reflowed.text)
    let kept = try ReaderProcess.run(["--print", "--width", "0", "--no-reflow", path])
    XCTAssertTrue(kept.text.contains("\n　　看官，你道此書從何而來？說起根由雖近荒唐，細按則深有趣味\n。待在下"), kept.text)
  }

  func testViewerShowsTheChapterOutlineAndFollowsIt() throws {
    let path = try NovelFiles.write(NovelFiles.encode(novel, as: "GB18030"), named: "紅樓夢.txt")
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", path]), width: 100, height: 24)
    var screen = try session.waitFor { $0.joined().contains("甄士隱") }
    XCTAssertTrue(screen[0].hasPrefix("第一卷"), screen.joined(separator: "\n"))
    XCTAssertTrue(screen[1].hasPrefix("  第一回"), screen.joined(separator: "\n"))
    XCTAssertTrue(screen[4].hasPrefix("第二卷"), screen.joined(separator: "\n"))
    // Down five entries to 第四回, then Enter reads it.
    try session.send("j", "j", "j", "j", "j", "Enter")
    screen = try session.waitFor { $0.joined().contains("黛玉同姊妹們") }
    XCTAssertTrue(screen.dropLast().contains { $0.contains("│ 第四回　薄命女") }, screen.joined(separator: "\n"))
    try session.send("q")
  }

  func testDiaryWithoutChaptersUsesTheWholeWidth() throws {
    let path = try NovelFiles.write(NovelFiles.encode(NovelFiles.diary, as: "GB18030"), named: "日記.txt")
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", path]), width: 80, height: 16)
    let screen = try session.waitFor { $0.joined().contains("第一次見到她") }
    XCTAssertTrue(screen[0].hasPrefix("  春天的日記"), screen.joined(separator: "\n"))
    XCTAssertFalse(screen.joined().contains("│"), "no outline pane, no divider")
    try session.send("q")
  }

  /// Markdown of about 700 KB: past the size where the viewer paints the first chunk first.
  private func largeMarkdown() -> String {
    var text = "# 紅樓夢選讀\n\n開頭的說明。\n\n"
    for chapter in 1...400 { text += "## 第 \(chapter) 節\n\n" + novel + "\n\n" }
    return text + "## 結尾\n\n最後一段：全書完。\n"
  }

  func testLargeGB18030MarkdownIsPaintedFirstAndDecodedToTheEndInTheBackground() throws {
    let markdown = largeMarkdown()
    var bytes = NovelFiles.encode(markdown, as: "GB18030")
    XCTAssertGreaterThan(bytes.count, 512 << 10)
    bytes.insert(0xFF, at: bytes.count - 20)  // damage near the end, decoded in the background
    let path = try NovelFiles.write(bytes, named: "選讀.md")
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", path]), width: 100, height: 24)
    var screen = try session.waitFor { $0.joined().contains("開頭的說明") }
    XCTAssertTrue(screen.last?.contains("GB18030") ?? false, screen.last ?? "")
    screen = try session.waitFor { !($0.last?.contains("loading") ?? true) }
    try session.send("G")
    screen = try session.waitFor { $0.joined().contains("全書完") }
    XCTAssertTrue(screen.contains { $0.contains("結尾") }, screen.joined(separator: "\n"))
    try session.send("q")
    let printed = try ReaderProcess.run(["--print", "--width", "0", path])
    XCTAssertTrue(printed.text.contains("最後一段：全"), "the whole file decodes for --print too")
    XCTAssertEqual(printed.text.filter { $0 == "\u{FFFD}" }.count, 1)
  }

  func testSearchScriptsReloadAndTheRememberedPlaceWorkOnAGB18030Novel() throws {
    let path = try NovelFiles.write(NovelFiles.encode(novel, as: "GB18030"), named: "紅樓夢.txt")
    let state = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("state").path
    func open() throws -> TmuxSession {
      let session = try TmuxSession(
        command: ReaderShell.shellCommand([path]), width: 100, height: 12,
        environment: ["XDG_STATE_HOME": state])
      try session.waitFor { $0.joined().contains("甄士隱") }
      return session
    }
    var session = try open()
    // A Simplified query finds the Traditional text.
    let count = novel.components(separatedBy: "雨村").count - 1
    XCTAssertGreaterThan(count, 2)
    try session.send("/", "雨村")
    var screen = try session.waitFor { $0.last?.contains("matches") ?? false }
    XCTAssertTrue(screen.last?.contains("\(count) matches") ?? false, screen.last ?? "")
    try session.send("Enter")
    // t twice: 繁體, then 简体.
    try session.send("t", "t")
    screen = try session.waitFor { $0.joined().contains("甄士隐梦幻识通灵") }
    XCTAssertTrue(screen.last?.contains("简体") ?? false, screen.last ?? "")
    try session.send("t")
    // Read 第三回, quit, and open again at the same place.
    let status = try session.capture().last ?? ""
    if !status.trimmingCharacters(in: .whitespaces).hasSuffix("outline") { try session.send("Tab") }
    try session.send("g", "j", "j", "j", "Enter")
    screen = try session.waitFor { $0.first?.contains("│ 第三回") ?? false }
    let place = screen.first ?? ""
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
    session = try open()
    screen = try session.waitFor { $0.first == place }
    XCTAssertEqual(screen.first, place, "the place is remembered")
    // The file changes on disk, still in GB18030: r reads it again.
    try Data(NovelFiles.encode(novel.replacingOccurrences(of: "作者自云", with: "作者又云"), as: "GB18030"))
      .write(to: URL(fileURLWithPath: path))
    try session.send("r")
    try session.send("g")
    screen = try session.waitFor { $0.joined().contains("作者又云") }
    XCTAssertTrue(screen.last?.contains("GB18030") ?? false, screen.last ?? "")
    try session.send("q")
  }

  /// A book of `count` chapters (第一回 to 第N回), each the excerpt's first chapter's prose: long
  /// enough (over 256 KB in GB18030 at 200 chapters) to be parsed a chunk at a time.
  static func longNovel(chapters count: Int) -> String {
    let prose = NovelFiles.hongloumeng.components(separatedBy: "\n\n")[2]
    let digits = Array("零一二三四五六七八九")
    func number(_ value: Int) -> String {
      var text = ""
      if value >= 100 { text += String(digits[value / 100]) + "百" }
      let tens = value % 100 / 10
      let ones = value % 10
      if tens > 0 {
        text += (value < 20 ? "" : String(digits[tens])) + "十"
      } else if value > 100 && ones > 0 {
        text += "零"
      }
      if ones > 0 { text += String(digits[ones]) }
      return text
    }
    return (1...count).map { "第\(number($0))回　第\($0)個故事\n\n\(prose)\n\n\(prose)\n\n" }.joined()
  }

  /// A long novel shows its first chapter from the first chunk; the chapters of the rest arrive
  /// behind it, so the end and its chapter are there once it has loaded.
  func testALongNovelShowsItsStartAndGrowsItsChapters() throws {
    let bytes = NovelFiles.encode(Self.longNovel(chapters: 200), as: "GB18030")
    XCTAssertGreaterThan(bytes.count, 256 << 10)
    let path = try NovelFiles.write(bytes, named: "長篇.txt")
    let outline = try ReaderProcess.run(["--outline", path])
    XCTAssertTrue(outline.text.hasSuffix("第一百九十九回　第199個故事\n第二百回　第200個故事\n"), outline.text)
    let session = try TmuxSession(
      command: ReaderShell.shellCommand(["--no-remember", path]), width: 100, height: 24)
    let screen = try session.waitFor { $0.joined().contains("作者自云") }
    XCTAssertTrue(screen.joined().contains("第一回　第1個故事"), screen.joined(separator: "\n"))
    XCTAssertTrue(screen.last?.contains("GB18030") ?? false, screen.last ?? "")
    try session.waitFor { !($0.last?.contains("loading") ?? true) }
    try session.send("G")
    let end = try session.waitFor { $0.last?.contains("第二百回") ?? false }
    XCTAssertTrue(end.last?.contains("第二百回") ?? false, end.joined(separator: "\n"))
    XCTAssertFalse(end.joined().contains("\u{FFFD}"))
    try session.send("q")
  }
}
