import EPUBFixtures
import Foundation
import XCTest

/// Several documents in one run (`:n`, `:p`), the shelf of documents read before
/// (`--shelf`, `B`) and a folder's documents (`reader DIR`).
final class DocumentsAndShelfTests: XCTestCase {
  private var directory: URL!
  private var state: String { directory.appendingPathComponent("state").path }

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-shelf-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  /// A newsletter in Markdown, a plain-text note and a book.
  private func writeDocuments() throws -> [String] {
    let newsletter =
      "# 本週通訊\n\n" + (1...30).map { "## 第 \($0) 則\n\n第 \($0) 則消息的內容。\n" }.joined(separator: "\n")
    let note = "會議記錄\n\n今天討論了三件事。\n"
    let paths = ["news.md", "note.txt", "sanguo.epub"].map { directory.appendingPathComponent($0).path }
    try newsletter.write(toFile: paths[0], atomically: true, encoding: .utf8)
    try note.write(toFile: paths[1], atomically: true, encoding: .utf8)
    try Data(SampleBooks.threeKingdoms()).write(to: URL(fileURLWithPath: paths[2]))
    return paths
  }

  private func session(_ arguments: [String], width: Int = 100, height: Int = 16) throws -> TmuxSession {
    try TmuxSession(
      command: ReaderShell.shellCommand(arguments), width: width, height: height,
      environment: ["XDG_STATE_HOME": state])
  }

  private func quit(_ session: TmuxSession) throws {
    try session.send("q")
    try session.waitFor { $0.joined().contains("reader-exit=0") }
  }

  func testColonNAndColonPMoveBetweenTheDocumentsAndEachKeepsItsPlace() throws {
    let paths = try writeDocuments()
    let session = try self.session(paths)
    var screen = try session.waitFor { $0.last?.contains("1/3") ?? false }
    XCTAssertTrue(screen.last?.contains(" news.md › 本週通訊") ?? false, screen.joined(separator: "\n"))
    try session.send("Down", "Down", "Down", "Down", "Down")
    screen = try session.waitFor { $0.last?.contains("› 第 4 則") ?? false }
    let place = screen.first ?? ""
    try session.send(":", "n")
    screen = try session.waitFor { $0.last?.contains("2/3") ?? false }
    XCTAssertTrue(screen.joined().contains("今天討論了三件事。"), screen.joined(separator: "\n"))
    try session.send(":", "n")
    screen = try session.waitFor { $0.last?.contains("3/3") ?? false }
    XCTAssertTrue(screen.last?.contains("三國演義（節選） — 羅貫中") ?? false)
    try session.send(":", "n")
    screen = try session.waitFor { $0.last?.contains("no next document (3/3)") ?? false }
    XCTAssertTrue(screen.last?.contains("no next document (3/3)") ?? false, screen.last ?? "")
    try session.send(":", "p")
    try session.waitFor { $0.last?.contains("2/3") ?? false }
    try session.send(":", "p")
    screen = try session.waitFor { $0.last?.contains("1/3") ?? false && $0.first == place }
    XCTAssertEqual(screen.first, place, "the first document is back at its place")
    try session.send(":", "x")
    screen = try session.waitFor { $0.last?.contains("unknown command :x") ?? false }
    XCTAssertTrue(screen.last?.contains("unknown command :x") ?? false)
    try quit(session)
  }

  func testAMissingNextDocumentIsNamedAndTheCurrentOneStays() throws {
    let paths = try writeDocuments()
    let gone = directory.appendingPathComponent("gone.md").path
    let session = try self.session([paths[1], gone], width: 180)
    try session.waitFor { $0.last?.contains("1/2") ?? false }
    try session.send(":", "n")
    let screen = try session.waitFor { $0.last?.contains("cannot open") ?? false }
    XCTAssertTrue(screen.last?.contains("cannot open '\(gone)'") ?? false, screen.last ?? "")
    XCTAssertTrue(screen.joined().contains("今天討論了三件事。"))
    try quit(session)
  }

  func testTheShelfListsWhatWasReadOpensItAtItsPlaceForgetsItAndShowsMissingFiles() throws {
    let paths = try writeDocuments()
    var viewer = try session([paths[2]])
    try viewer.waitFor { $0.joined().contains("羅貫中") }
    try viewer.send("Down", "Down", "Down")
    let place = try viewer.waitFor { $0.last?.contains("› 第二回") ?? false }.first ?? ""
    try quit(viewer)
    viewer = try session([paths[1]])
    try viewer.waitFor { $0.joined().contains("今天討論了三件事。") }
    try quit(viewer)
    try FileManager.default.removeItem(atPath: paths[1])
    let shelf = try session(["--shelf"])
    var screen = try shelf.waitFor { $0.joined().contains("2 documents") }
    XCTAssertTrue(screen[0].contains("書架 shelf"), screen.joined(separator: "\n"))
    XCTAssertTrue(
      screen[2].contains("note.txt") && screen[2].contains("missing"), "most recent first, missing shown")
    XCTAssertTrue(screen[3].contains("三國演義（節選） — 羅貫中") && screen[3].hasSuffix("/sanguo.epub"), screen[3])
    XCTAssertNotNil(screen[3].range(of: #"\d+% 20\d\d-\d\d-\d\d \d\d:\d\d"#, options: .regularExpression))
    try shelf.send("Enter")
    screen = try shelf.waitFor { $0.last?.contains("missing: the file is no longer there") ?? false }
    XCTAssertTrue(screen.last?.contains("missing") ?? false, screen.joined(separator: "\n"))
    try shelf.send("d")
    screen = try shelf.waitFor { $0.joined().contains("1 document") }
    XCTAssertTrue(screen[2].contains("三國演義"), "note.txt is gone from the list")
    XCTAssertTrue(screen.last?.contains("forgot note.txt") ?? false)
    try shelf.send("Enter")
    screen = try shelf.waitFor { $0.first == place }
    XCTAssertEqual(screen.first, place, "the book opens at its place")
    try shelf.send("B")
    screen = try shelf.waitFor { $0.joined().contains("書架 shelf") }
    XCTAssertTrue(screen[2].contains("三國演義"), screen.joined(separator: "\n"))
    try shelf.send("q")
    try shelf.waitFor { $0.joined().contains("reader-exit=0") }
    let listed = try ReaderProcess.run(["--shelf"], environment: ["XDG_STATE_HOME": state])
    XCTAssertEqual(listed.text.split(separator: "\n").count, 1)
    XCTAssertTrue(listed.text.hasPrefix("三國演義（節選） — 羅貫中\t"), listed.text)
  }

  func testTheShelfFromTheViewerWithSeveralDocumentsOpensTheOneChosen() throws {
    let paths = try writeDocuments()
    let session = try self.session([paths[2], paths[0]])
    try session.waitFor { $0.joined().contains("羅貫中") && $0.last?.contains("1/2") ?? false }
    try session.send(":", "n")
    try session.waitFor { $0.joined().contains("本週通訊") && $0.last?.contains("2/2") ?? false }
    try session.send("B")
    var screen = try session.waitFor { $0.joined().contains("2 documents") }
    XCTAssertTrue(screen[2].hasSuffix("/news.md"), "the one just read comes first: " + screen[2])
    XCTAssertTrue(screen[3].contains("三國演義（節選） — 羅貫中"), screen.joined(separator: "\n"))
    try session.send("Down", "Enter")
    screen = try session.waitFor { $0.last?.contains("三國演義（節選） — 羅貫中") ?? false }
    XCTAssertTrue(screen.joined().contains("宴桃園豪傑三結義"), screen.joined(separator: "\n"))
    try quit(session)
  }

  func testAFolderListsItsReadableDocuments() throws {
    let paths = try writeDocuments()
    try Data([0x7F, 0x45, 0x4C, 0x46]).write(to: directory.appendingPathComponent("program.bin"))
    try Data("PK\u{3}\u{4}not a zip at all".utf8).write(to: directory.appendingPathComponent("broken.epub"))
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("sub.md"), withIntermediateDirectories: true)
    let listed = try ReaderProcess.run([directory.path], environment: ["XDG_STATE_HOME": state])
    // A book never opened is named by its package, not its file name; one that is no zip keeps its name.
    XCTAssertEqual(
      listed.text.split(separator: "\n").map { $0.split(separator: "\t").first ?? "" },
      ["broken.epub", "news.md", "note.txt", "三國演義（節選） — 羅貫中"])
    XCTAssertTrue(listed.text.hasSuffix("/sanguo.epub\n"), listed.text)
    let folder = try session([directory.path])
    var screen = try folder.waitFor { $0.joined().contains("三國演義（節選） — 羅貫中") }
    XCTAssertTrue(
      screen[0].contains("folder ") && screen[0].contains("4 documents"), screen.joined(separator: "\n"))
    try folder.send("G", "Enter")
    screen = try folder.waitFor { $0.joined().contains("羅貫中") }
    XCTAssertTrue(screen.last?.contains("三國演義") ?? false)
    try quit(folder)
    XCTAssertEqual(paths.count, 3)
  }

  func testAFolderOfChapterFilesIsListedInReadingOrder() throws {
    for name in ["第10章.txt", "第2章.txt", "第1章.txt", "第十一章.txt"] {
      try Data("\(name)的內容。\n".utf8).write(to: directory.appendingPathComponent(name))
    }
    let listed = try ReaderProcess.run([directory.path], environment: ["XDG_STATE_HOME": state])
    XCTAssertEqual(
      listed.text.split(separator: "\n").map { $0.split(separator: "\t").first ?? "" },
      ["第1章.txt", "第2章.txt", "第10章.txt", "第十一章.txt"])
  }

  /// A novel split into chapter files: the one chosen from the folder leads on to the next
  /// file, and `B` goes back to the folder, not to the shelf.
  func testADocumentChosenFromAFolderLeadsToItsNeighboursAndBGoesBackToTheFolder() throws {
    // A folder of its own: the test's folder also holds the reading positions' folder.
    let novel = directory.appendingPathComponent("novel")
    try FileManager.default.createDirectory(at: novel, withIntermediateDirectories: true)
    for name in ["第10章.txt", "第2章.txt", "第1章.txt"] {
      try Data("\(name.prefix(while: { $0 != "." }))的內容。\n".utf8).write(
        to: novel.appendingPathComponent(name))
    }
    let folder = try session([novel.path])
    try folder.waitFor { $0.joined().contains("3 documents") }
    try folder.send("Enter")
    var screen = try folder.waitFor { $0.joined().contains("第1章的內容。") }
    XCTAssertTrue(screen.last?.contains("1/3") ?? false, screen.joined(separator: "\n"))
    try folder.send(":", "n")
    screen = try folder.waitFor { $0.joined().contains("第2章的內容。") }
    XCTAssertTrue(screen.last?.contains("2/3") ?? false, screen.joined(separator: "\n"))
    try folder.send(":", "n")
    screen = try folder.waitFor { $0.joined().contains("第10章的內容。") }
    XCTAssertTrue(screen.last?.contains("3/3") ?? false, screen.joined(separator: "\n"))
    try folder.send("B")
    screen = try folder.waitFor { $0.joined().contains("3 documents") }
    XCTAssertTrue(screen[0].contains("folder "), screen.joined(separator: "\n"))
    XCTAssertTrue(
      screen[3].contains("第10章.txt"), "under ../, the one read last: \(screen.joined(separator: "\n"))")
    try quit(folder)
  }

  /// A library of one folder per work: Enter goes into a folder, `../` back up, and `B` from a
  /// document returns to the folder it was chosen from.
  func testAFolderListsItsFoldersToGoIntoAndItsParentToGoBackTo() throws {
    let library = directory.appendingPathComponent("書庫")
    let volume = library.appendingPathComponent("卷一")
    try FileManager.default.createDirectory(at: volume, withIntermediateDirectories: true)
    try Data("序言的內容。\n".utf8).write(to: library.appendingPathComponent("序.md"))
    try Data("第1章的內容。\n".utf8).write(to: volume.appendingPathComponent("第1章.txt"))
    try FileManager.default.createDirectory(
      at: library.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
    let listed = try ReaderProcess.run([library.path], environment: ["XDG_STATE_HOME": state])
    XCTAssertEqual(
      listed.text.split(separator: "\n").count, 1, "a pipe gets the documents only: \(listed.text)")
    let folder = try session([library.path])
    var screen = try folder.waitFor { $0.joined().contains("1 document") }
    XCTAssertTrue(screen[2].hasPrefix(" ../"), screen.joined(separator: "\n"))
    XCTAssertTrue(screen[3].hasPrefix(" 卷一/"), screen.joined(separator: "\n"))
    XCTAssertTrue(screen[4].hasPrefix(" 序.md"), screen.joined(separator: "\n"))
    XCTAssertFalse(screen.joined().contains(".hidden"))
    // The first folder is chosen, not the way up.
    try folder.send("Enter")
    screen = try folder.waitFor { $0.joined().contains("第1章.txt") }
    XCTAssertTrue(screen[0].contains("卷一"), screen.joined(separator: "\n"))
    try folder.send("Enter")
    screen = try folder.waitFor { $0.joined().contains("第1章的內容。") }
    try folder.send("B")
    screen = try folder.waitFor { $0.joined().contains("1 document") && $0[0].contains("卷一") }
    try folder.send("Up", "Enter")
    screen = try folder.waitFor { $0.joined().contains("序.md") }
    XCTAssertTrue(screen[0].contains("書庫"), screen.joined(separator: "\n"))
    try quit(folder)
  }

  /// `B` in a folder's list shows the shelf, where a document read elsewhere is listed too.
  func testBInAFoldersListShowsTheShelfOfWhatWasReadBefore() throws {
    let paths = try writeDocuments()
    let viewer = try session([paths[1]])
    try viewer.waitFor { $0.joined().contains("今天討論了三件事。") }
    try quit(viewer)
    let library = directory.appendingPathComponent("書庫")
    try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
    try Data("序言的內容。\n".utf8).write(to: library.appendingPathComponent("序.md"))
    let folder = try session([library.path])
    var screen = try folder.waitFor { $0.joined().contains("1 document") }
    XCTAssertTrue(screen.last?.contains("· B the shelf") ?? false, screen.joined(separator: "\n"))
    try folder.send("B")
    screen = try folder.waitFor { $0[0].contains("書架 shelf") }
    XCTAssertTrue(screen[2].contains("note.txt"), screen.joined(separator: "\n"))
    XCTAssertFalse(screen.last?.contains("B the shelf") ?? true, "the shelf is where B leads")
    try folder.send("Enter")
    try folder.waitFor { $0.joined().contains("今天討論了三件事。") }
    try quit(folder)
  }

  /// `/` in a folder's list narrows it as a name is typed, in either script; Enter opens the one left.
  func testSlashFiltersAFoldersListAndEnterOpensWhatItLeaves() throws {
    let library = directory.appendingPathComponent("library")
    try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
    for (name, text) in [("紅樓夢.txt", "滿紙荒唐言。"), ("三國演義.md", "滾滾長江東逝水。"), ("水滸傳.txt", "話說大宋。")] {
      try Data((text + "\n").utf8).write(to: library.appendingPathComponent(name))
    }
    let folder = try session([library.path])
    try folder.waitFor { $0.joined().contains("3 documents") }
    try folder.send("/")
    try folder.send("-l", "三国")
    let screen = try folder.waitFor { $0.joined().contains("1 document") }
    XCTAssertTrue(screen.last?.hasPrefix(" /三国") ?? false, screen.joined(separator: "\n"))
    XCTAssertTrue(screen[2].contains("三國演義.md"), screen.joined(separator: "\n"))
    try folder.send("Enter")
    try folder.waitFor { $0.joined().contains("滾滾長江東逝水。") }
    try quit(folder)
  }

  func testPrintAndOutlineTakeSeveralFilesInOrder() throws {
    let paths = try writeDocuments()
    let result = try ReaderProcess.run(["--outline", paths[2], paths[0]])
    XCTAssertTrue(result.text.hasPrefix("第一回　宴桃園豪傑三結義\n"), result.text)
    XCTAssertTrue(result.text.contains("  三人的兵器\n本週通訊\n  第 1 則\n"), result.text)
  }
}
