import Foundation
import ReaderCore
import XCTest

@testable import reader

/// The remembered reading positions: where they are kept, what is restored and what is ignored.
final class PositionStoreTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-state-\(UUID())").path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private var store: PositionStore { PositionStore(directory: directory + "/reader") }
  private let key = DocumentKey(path: "/books/文稿.md", contentHash: 0x0123_4567_89AB_CDEF)
  private let position = ReadingPosition(
    position: TextPosition(block: 12, key: LineKey(leaf: 40, offset: 57)), script: .simplified,
    outlineVisible: false)

  private func files() -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: directory + "/reader"))?.sorted() ?? []
  }

  /// The key read from the open file (only its two ends past 4 MB) is the key of its bytes, so a
  /// place remembered either way is found the other way; and it changes when the middle does not
  /// but the end does.
  func testTheKeyOfAnOpenFileIsTheKeyOfItsBytes() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let line = Array("第一章　風起。The quick brown fox.\n".utf8)
    for (name, size) in [("small.md", 3_000), ("large.md", 6 << 20)] {
      let path = directory + "/" + name
      var bytes = [UInt8]()
      while bytes.count < size { bytes += line }
      XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), path)
      let source = DocumentSource(argument: path, standardInputIsRedirected: false)
      let file = OpenFile(descriptor: open(path, O_RDONLY), path: path)
      XCTAssertEqual(try source.key(of: file), source.key(for: bytes), name)
      bytes[bytes.count - 2] = UInt8(ascii: "!")
      XCTAssertNotEqual(source.key(for: bytes), try source.key(of: file), name)
    }
  }

  func testSavedPositionComesBack() throws {
    XCTAssertNil(store.load(for: key), "nothing saved yet")
    try store.save(position, for: key)
    let loaded = try XCTUnwrap(store.load(for: key))
    XCTAssertEqual(loaded, position)
    XCTAssertEqual(loaded.position, TextPosition(block: 12, key: LineKey(leaf: 40, offset: 57)))
    XCTAssertEqual(loaded.displayScript, .simplified)
    XCTAssertFalse(loaded.outlineVisible)
    let moved = ReadingPosition(position: .start, script: .traditional, outlineVisible: true)
    try store.save(moved, for: key)
    XCTAssertEqual(store.load(for: key), moved, "a later save replaces the earlier one")
    XCTAssertEqual(files(), [key.fileName])
  }

  func testStateFileIsSmallJSONOnlyTheOwnerCanRead() throws {
    try store.save(position, for: key)
    let data = try XCTUnwrap(FileManager.default.contents(atPath: store.path(for: key)))
    XCTAssertLessThan(data.count, 512)
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(object["path"] as? String, "/books/文稿.md")
    XCTAssertEqual(object["contentHash"] as? String, "0123456789abcdef")
    var info = stat()
    XCTAssertEqual(stat(directory + "/reader", &info), 0)
    XCTAssertEqual(info.st_mode & 0o777, 0o700)
  }

  func testOtherContentOrAnotherPathIsNotRestored() throws {
    try store.save(position, for: key)
    XCTAssertNil(store.load(for: DocumentKey(path: key.path, contentHash: key.contentHash ^ 1)))
    XCTAssertNil(store.load(for: DocumentKey(path: "/books/另一篇.md", contentHash: key.contentHash)))
    // Two paths whose names collided would share a file; the path inside tells them apart.
    let other = DocumentKey(path: "/elsewhere.md", contentHash: key.contentHash)
    try FileManager.default.moveItem(atPath: store.path(for: key), toPath: store.path(for: other))
    XCTAssertNil(store.load(for: other))
  }

  func testCorruptOrUnreadableStateIsIgnoredSilently() throws {
    try store.save(position, for: key)
    let path = store.path(for: key)
    let good = try XCTUnwrap(FileManager.default.contents(atPath: path))
    let goodText = String(decoding: good, as: UTF8.self)
    let corrupt: [Data] = [
      Data(), Data("not json".utf8), good.prefix(good.count / 2), Data([0xFF, 0xFE, 0x00, 0x1B]),
      Data(goodText.replacingOccurrences(of: "\"block\":12", with: "\"block\":-3").utf8),
      Data(goodText.replacingOccurrences(of: "\"block\":12", with: "\"block\":\"12\"").utf8),
      Data(goodText.replacingOccurrences(of: "\"version\":1", with: "\"version\":2").utf8),
      Data(goodText.replacingOccurrences(of: "\"offset\":57", with: "\"offset\":1e400").utf8),
      Data("[".utf8 + Array(repeating: UInt8(ascii: " "), count: 100_000) + "]".utf8),
    ]
    for (index, data) in corrupt.enumerated() {
      XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: data))
      XCTAssertNil(store.load(for: key), "corrupt case \(index) ignored")
    }
    try FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    XCTAssertNil(store.load(for: key), "a directory where the file should be")
  }

  func testAnUnknownScriptIsRestoredAsOriginal() throws {
    try store.save(position, for: key)
    let path = store.path(for: key)
    let text = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: path)), as: UTF8.self)
    try text.replacingOccurrences(of: "\"simplified\"", with: "\"klingon\"").write(
      toFile: path, atomically: false, encoding: .utf8)
    XCTAssertEqual(store.load(for: key)?.displayScript, .original)
  }

  func testWritingLeavesNoTemporaryFilesEvenWhenItFails() throws {
    for index in 0..<5 {
      try store.save(position, for: DocumentKey(path: "/doc\(index).md", contentHash: UInt64(index)))
    }
    XCTAssertEqual(files().count, 5)
    XCTAssertTrue(files().allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") }, "\(files())")
    // A directory in the way makes the rename fail: the error is reported, the temporary file removed.
    let blocked = DocumentKey(path: "/blocked.md", contentHash: 1)
    try FileManager.default.createDirectory(
      atPath: store.path(for: blocked), withIntermediateDirectories: false)
    XCTAssertTrue(
      FileManager.default.createFile(atPath: store.path(for: blocked) + "/keep", contents: Data("x".utf8)))
    XCTAssertThrowsError(try store.save(position, for: blocked))
    XCTAssertEqual(files().count, 6, "\(files())")
    XCTAssertFalse(files().contains { $0.hasPrefix(".") }, "\(files())")
  }

  func testSavingWhereNoDirectoryCanBeMadeThrowsInsteadOfCrashing() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/reader", contents: Data()))
    XCTAssertThrowsError(try store.save(position, for: key))
    XCTAssertNil(store.load(for: key))
  }

  func testStateDirectoryFollowsXDG() {
    XCTAssertEqual(
      PositionStore.standard(environment: { ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"][$0] })?
        .directory,
      "/x/state/reader")
    XCTAssertEqual(
      PositionStore.standard(environment: { ["HOME": "/home/u"][$0] })?.directory,
      "/home/u/.local/state/reader")
    XCTAssertEqual(
      PositionStore.standard(environment: { ["XDG_STATE_HOME": "relative", "HOME": "/home/u"][$0] })?
        .directory,
      "/home/u/.local/state/reader", "a relative XDG_STATE_HOME is ignored")
    XCTAssertEqual(
      PositionStore.standard(environment: { ["XDG_STATE_HOME": "", "HOME": "/home/u"][$0] })?.directory,
      "/home/u/.local/state/reader")
    XCTAssertNil(PositionStore.standard(environment: { _ in nil }))
  }

  func testContentHashIsFNV1a64() {
    XCTAssertEqual(ContentHash.fnv1a64([UInt8]()), 0xCBF2_9CE4_8422_2325)
    XCTAssertEqual(ContentHash.fnv1a64("a"), 0xAF63_DC4C_8601_EC8C)
    XCTAssertEqual(ContentHash.fnv1a64("foobar"), 0x8594_4171_F739_67E8)
    XCTAssertEqual(ContentHash.hex(0xAB), "00000000000000ab")
  }

  func testDocumentsAreKeyedByAbsolutePathAndContent() throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let file = directory + "/文稿.md"
    try "# 標題\n".write(toFile: file, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: directory + "/link.md", withDestinationPath: file)
    let resolved = try XCTUnwrap(
      realpath(file, nil).map { pointer in
        defer { free(pointer) }
        return String(cString: pointer)
      })
    let direct = try DocumentSource.file(file).load().key
    let viaLink = try DocumentSource.file(directory + "/link.md").load().key
    XCTAssertEqual(direct.path, resolved)
    XCTAssertEqual(viaLink, direct, "a link opens the same remembered document")
    XCTAssertEqual(direct.contentHash, ContentHash.fnv1a64("# 標題\n"))
    try "# 改過的標題\n".write(toFile: file, atomically: false, encoding: .utf8)
    XCTAssertNotEqual(try DocumentSource.file(file).load().key.contentHash, direct.contentHash)
    XCTAssertEqual(try DocumentSource.bundled.load().key.path, "bundled:openai-turmoil.md")
  }
}

/// The search history kept beside the reading positions: one file for every document, capped,
/// merged with what another reader saved, never read from a file that is not ours.
final class SearchHistoryStoreTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-history-\(UUID())").path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private var store: PositionStore { PositionStore(directory: directory + "/reader") }

  func testTheHistoryComesBackMergedAndCappedAndTheShelfSkipsIt() throws {
    XCTAssertEqual(store.loadSearchHistory(), [])
    var first = SearchHistory(entries: store.loadSearchHistory())
    var second = SearchHistory(entries: store.loadSearchHistory())
    first.record(SearchPattern("发布"))
    first.record(SearchPattern("第[0-9]+章", isRegex: true))
    second.record(SearchPattern("董事會"))
    try store.saveSearchHistory(first)
    try store.saveSearchHistory(second)
    XCTAssertEqual(
      store.loadSearchHistory(),
      [SearchPattern("发布"), SearchPattern("第[0-9]+章", isRegex: true), SearchPattern("董事會")],
      "a second reader adds to what the first saved")
    var many = SearchHistory(entries: store.loadSearchHistory())
    for index in 0..<70 { many.record(SearchPattern("詞\(index)")) }
    try store.saveSearchHistory(many)
    let loaded = store.loadSearchHistory()
    XCTAssertEqual(loaded.count, 50)
    XCTAssertEqual(loaded.last, SearchPattern("詞69"))
    XCTAssertEqual(store.remembered().count, 0, "the history file is no document on the shelf")
  }

  func testAHistoryFileThatIsNotOursIsIgnored() throws {
    try FileManager.default.createDirectory(atPath: directory + "/reader", withIntermediateDirectories: true)
    let path = directory + "/reader/" + PositionStore.searchHistoryFileName
    for junk in [
      "not json", "{\"version\":2,\"patterns\":[]}", "{\"version\":1,\"patterns\":[{\"text\":1}]}",
    ] {
      try junk.write(toFile: path, atomically: true, encoding: .utf8)
      XCTAssertEqual(store.loadSearchHistory(), [], junk)
    }
    try Data(repeating: 0x20, count: PositionStore.maximumFileSize + 1).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(store.loadSearchHistory(), [], "an oversized file is not read")
    var history = SearchHistory()
    history.record(SearchPattern("新"))
    try store.saveSearchHistory(history)
    XCTAssertEqual(store.loadSearchHistory(), [SearchPattern("新")], "and is replaced by a good one")
  }
}
