import EPUBFixtures
import Foundation
import XCTest

/// Books from the command line: `--print`, `--outline`, refusals, and the viewer on an EPUB.
final class EPUBTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-epub-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private func write(_ bytes: [UInt8], as name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func testPrintAndOutlineOfABookInEveryScript() throws {
    let book = try write(SampleBooks.threeKingdoms(), as: "sanguo.epub")
    let outline = try ReaderProcess.run(["--outline", book])
    XCTAssertEqual(outline.status, 0)
    XCTAssertEqual(outline.text, "第一回　宴桃園豪傑三結義\n  桃園結義\n  黃巾之亂\n第二回　張翼德怒鞭督郵\n  三人的兵器\n")
    let simplified = try ReaderProcess.run(["--outline", "--script", "simplified", book])
    XCTAssertTrue(simplified.text.hasPrefix("第一回　宴桃园豪杰三结义\n  桃园结义\n"), simplified.text)
    let printed = try ReaderProcess.run(["--print", "--width", "40", book])
    XCTAssertTrue(printed.text.contains("聲若巨雷(jù léi)，勢如奔馬。"), printed.text)
    XCTAssertTrue(printed.text.contains("[圖: 桃園結義圖]"))
    XCTAssertTrue(printed.text.contains("關羽 │ 青龍偃月刀"))
  }

  /// The libraries glibc's loader started in a run (`LD_DEBUG=libs` names each as it calls its
  /// initialiser), by file name.
  private func librariesStarted(_ arguments: [String]) throws -> (Set<String>, ReaderProcess.Output) {
    let run = try ReaderProcess.run(arguments, environment: ["LD_DEBUG": "libs"])
    let names = run.standardError.split(separator: "\n").compactMap { line -> String? in
      guard let range = line.range(of: "calling init: ") else { return nil }
      return String(line[range.upperBound...].split(separator: "/").last ?? "")
    }
    return (Set(names), run)
  }

  func testOnlyTheLibrariesADocumentNeedsAreLoaded() throws {
    let markdown = try write(Array("# 三國演義\n\n話說天下大勢，分久必合，合久必分。\n".utf8), as: "sanguo.md")
    let (forMarkdown, printed) = try librariesStarted(["--print", markdown])
    XCTAssertTrue(printed.text.contains("話說天下大勢"), printed.text)
    XCTAssertTrue(forMarkdown.contains { $0.hasPrefix("libcmark-gfm") }, "\(forMarkdown)")
    let late = [
      "libzip", "libxml2", "libcrypto", "libicuuc", "libopencc", "libmarisa", "libuchardet", "libyaml",
    ]
    XCTAssertTrue(forMarkdown.allSatisfy { name in !late.contains { name.hasPrefix($0) } }, "\(forMarkdown)")
    let book = try write(SampleBooks.threeKingdoms(), as: "sanguo.epub")
    let (forBook, outline) = try librariesStarted(["--outline", book])
    XCTAssertTrue(outline.text.hasPrefix("第一回　宴桃園豪傑三結義\n"), outline.text)
    XCTAssertTrue(
      forBook.contains { $0.hasPrefix("libzip") } && forBook.contains { $0.hasPrefix("libxml2") },
      "\(forBook)")
    let (forConversion, simplified) = try librariesStarted(["--print", "--script", "simplified", markdown])
    XCTAssertTrue(simplified.text.contains("话说天下大势"), simplified.text)
    XCTAssertTrue(forConversion.contains { $0.hasPrefix("libopencc") }, "\(forConversion)")
    XCTAssertFalse(forConversion.contains { $0.hasPrefix("libzip") }, "\(forConversion)")
  }

  func testABookIsKnownByItsContentWhateverItsName() throws {
    let book = try write(SampleBooks.journeyToTheWest(), as: "journey.md")
    let outline = try ReaderProcess.run(["--outline", book])
    XCTAssertEqual(outline.text, "第一回　灵根育孕源流出\n  花果山\n  石猴出世\n第二回　悟彻菩提真妙理\n")
    let piped = try ReaderProcess.run(["--outline"], input: SampleBooks.journeyToTheWest())
    XCTAssertEqual(piped.text, outline.text, "standard input is a book too")
  }

  func testEncryptedTruncatedAndEmptyBooksGiveOneLineAndStatus65() throws {
    let cases: [(String, [UInt8], String)] = [
      ("drm.epub", SampleBooks.encrypted(), "the book is DRM-protected"),
      ("cut.epub", Array(SampleBooks.threeKingdoms().prefix(1500)), "not a readable EPUB: not a zip archive"),
      ("fake.epub", Array("# 不是書\n".utf8), "not a readable EPUB: not a zip archive"),
    ]
    for (name, bytes, message) in cases {
      let path = try write(bytes, as: name)
      let result = try ReaderProcess.run(["--print", path])
      XCTAssertEqual(result.status, 65, name)
      XCTAssertTrue(result.standardOutput.isEmpty, name)
      let lines = result.standardError.split(separator: "\n")
      XCTAssertEqual(lines.count, 1, result.standardError)
      XCTAssertTrue(result.standardError.contains("cannot open '\(path)': \(message)"), result.standardError)
    }
  }

  func testTheViewerBrowsesTogglesAndSearchesABookAndRemembersThePlace() throws {
    let book = try write(SampleBooks.threeKingdoms(), as: "sanguo.epub")
    let state = directory.appendingPathComponent("state").path
    var session = try TmuxSession(
      command: ReaderShell.shellCommand([book]), width: 90, height: 16, environment: ["XDG_STATE_HOME": state]
    )
    var screen = try session.waitFor { $0.joined().contains("三國演義（節選） — 羅貫中") }
    XCTAssertTrue(screen.joined().contains("  桃園結義"), screen.joined(separator: "\n"))
    try session.send("Down", "Down")
    screen = try session.waitFor { $0.first?.hasSuffix("│ 黃巾") ?? false }
    XCTAssertTrue(screen.first?.hasSuffix("│ 黃巾") ?? false, screen.joined(separator: "\n"))
    XCTAssertTrue(screen.last?.contains("› 黃巾之亂") ?? false)
    try session.send("t", "t")
    screen = try session.waitFor { $0.joined().contains("简体") }
    XCTAssertTrue(screen.joined().contains("黄巾之乱"), screen.joined(separator: "\n"))
    try session.send("/")
    try session.send("-l", "兵器表")
    try session.send("Enter")
    screen = try session.waitFor { $0.last?.contains("match 1/1") ?? false }
    XCTAssertTrue(screen.joined().contains("第二回的兵器表"), screen.joined(separator: "\n"))
    let place = screen.first ?? ""
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
    session = try TmuxSession(
      command: ReaderShell.shellCommand([book]), width: 90, height: 16, environment: ["XDG_STATE_HOME": state]
    )
    screen = try session.waitFor { $0.first == place && $0.joined().contains("简体") }
    XCTAssertEqual(screen.first, place, "the place and the script are remembered")
    try session.send("q")
  }

  func testAChangedBookReloadsByItself() throws {
    let path = try write(SampleBooks.journeyToTheWest(), as: "journey.epub")
    let session = try TmuxSession(command: ReaderShell.shellCommand([path]), width: 90, height: 16)
    try session.waitFor { $0.joined().contains("花果山") }
    try Data(SampleBooks.threeKingdoms()).write(to: URL(fileURLWithPath: path))
    let screen = try session.waitFor { $0.joined().contains("宴桃園豪傑三結義") }
    XCTAssertTrue(screen.joined().contains("宴桃園豪傑三結義"), screen.joined(separator: "\n"))
    try session.send("q")
  }

  /// Past its first chapters a book is imported while it is shown: the last chapter becomes
  /// reachable (by `G` and by a link from the first chapter), and a place deep in the book is
  /// restored once that part has arrived.
  func testALongBookGrowsWhileShownAndItsEndIsReachedAndRemembered() throws {
    try checkLongBook(SampleBooks.manyChapters(count: 40, paragraphs: 20))
  }

  /// The same over 1 MB, which is opened from its file (libzip reads what it needs where it is)
  /// and whose remembered place is looked up once the background import has hashed it.
  func testALongBookReadFromItsFileGrowsAndItsPlaceIsRemembered() throws {
    let bytes = SampleBooks.manyChapters(count: 40, paragraphs: 20, padding: 1_500_000)
    XCTAssertGreaterThan(bytes.count, 1 << 20)
    try checkLongBook(bytes)
  }

  private func checkLongBook(_ bytes: [UInt8]) throws {
    let book = try write(bytes, as: "long.epub")
    let state = directory.appendingPathComponent("state").path
    var session = try TmuxSession(
      command: ReaderShell.shellCommand([book]), width: 90, height: 16, environment: ["XDG_STATE_HOME": state]
    )
    var screen = try session.waitFor {
      $0.joined().contains("長篇（40回） — 測試") && !$0.joined().contains("loading")
    }
    XCTAssertTrue(screen.joined().contains("第1回第1段"), screen.joined(separator: "\n"))
    try session.send("Tab", "l")
    // What the link leads to, read from the last chapter, stands in for its address.
    try session.waitFor { $0.last?.hasPrefix(" → 全書完。") ?? false }
    try session.send("Enter")
    screen = try session.waitFor { $0.dropLast().joined().contains("全書完。") }
    XCTAssertTrue(screen.last?.contains("Backspace goes back") ?? false, screen.joined(separator: "\n"))
    try session.send("BSpace")
    screen = try session.waitFor { $0.joined().contains("第1回第1段") }
    try session.send("G")
    screen = try session.waitFor { $0.joined().contains("全書完。") }
    let place = screen.first ?? ""
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
    session = try TmuxSession(
      command: ReaderShell.shellCommand([book]), width: 90, height: 16, environment: ["XDG_STATE_HOME": state]
    )
    screen = try session.waitFor { $0.first == place }
    XCTAssertTrue(screen.joined().contains("全書完。"), "the place in the last chapter is restored")
    try session.send("q")
  }

  func testFactionsWorkOnABook() throws {
    let book = try write(SampleBooks.factions(), as: "factions.epub")
    let printed = try ReaderProcess.run(["--factions", book])
    XCTAssertEqual(printed.status, 0, printed.standardError)
    let lines = printed.text.components(separatedBy: "\n")
    XCTAssertEqual(lines.first, "faction summary in 「第一章　兩派」: 2 factions", printed.text)
    let sam = try XCTUnwrap(lines.firstIndex(of: "Sam Altman (Sam Altman 派)"), printed.text)
    XCTAssertEqual(lines[sam + 2], "  mentions: 4")
    XCTAssertTrue(lines.contains("    2 in 「第二章　董事會」"), printed.text)
    let session = try TmuxSession(command: ReaderShell.shellCommand([book]), width: 90, height: 16)
    try session.send("F")
    // The counts fill in one faction after another in the background: both are waited for.
    let screen = try session.waitFor {
      $0.joined().contains("Ilya Sutskever  2 mentions") && $0.joined().contains("Sam Altman  4 mentions")
    }
    XCTAssertTrue(
      screen.joined().contains("Sam Altman  4 mentions")
        && screen.joined().contains("Ilya Sutskever  2 mentions"),
      screen.joined(separator: "\n"))
    try session.send("Escape", "q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }
}
