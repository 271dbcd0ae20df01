import Foundation
import XCTest

@testable import ReaderCore

final class OpenCCLibraryTests: XCTestCase {
  func testTheSharedLibraryUsesTheCompiledDictionariesBesideTheExecutable() throws {
    let converter = try OpenCCLibrary.shared.converter(named: "s2tw")
    XCTAssertTrue(OpenCCLibrary.shared.isCompiled(converter), "\(converter.path): run make build")
    XCTAssertEqual(
      converter.path,
      OpenCCLibrary.compiledDataDirectories().first.map { $0 + "/s2tw.json" })
    XCTAssertNil(OpenCCLibrary.shared.fallbackNotice(for: "s2tw"))
    XCTAssertEqual(try converter.convert("胚胎发育"), "胚胎發育", "1.4.2; Debian's 2022 data gives 胚胎髮育")
  }

  func testInstalledAndBuiltLocationsComeBeforeTheSystemOnes() {
    XCTAssertEqual(
      OpenCCLibrary.compiledDataDirectories(executable: "/opt/reader/bin/reader"),
      [
        "/opt/reader/bin/opencc", "/opt/reader/share/reader/opencc", "/usr/local/share/reader/opencc",
        "/usr/share/reader/opencc",
      ])
    XCTAssertEqual(
      OpenCCLibrary.compiledDataDirectories(executable: "/usr/local/bin/reader"),
      ["/usr/local/bin/opencc", "/usr/local/share/reader/opencc", "/usr/share/reader/opencc"])
    XCTAssertEqual(
      Array(OpenCCLibrary.standardDataDirectories.suffix(3)), OpenCCLibrary.systemDataDirectories)
  }

  func testTheSystemDictionariesSayTheyAreAFallback() throws {
    let library = OpenCCLibrary(dataDirectories: OpenCCLibrary.systemDataDirectories)
    XCTAssertEqual(
      library.fallbackNotice(for: "s2tw"),
      "OpenCC 1.4.2 dictionaries not found (make build compiles them); using /usr/share/opencc")
    XCTAssertNil(OpenCCLibrary(dataDirectories: ["/nonexistent"]).fallbackNotice(for: "s2tw"))
  }

  func testConvertsWithDebianDataAndOpensEachConfigurationOnce() throws {
    let library = OpenCCLibrary(dataDirectories: OpenCCLibrary.systemDataDirectories)
    let converter = try library.converter(named: "s2tw")
    XCTAssertEqual(try converter.convert("鼠标里面的硅二极管坏了"), "鼠標裡面的硅二極管壞了")
    XCTAssertEqual(converter.path, "/usr/share/opencc/s2tw.json")
    XCTAssertTrue(try library.converter(named: "s2tw.json") === converter)
  }

  func testCompatibilityIdeographsAreNormalisedSoPhrasesStillMatch() throws {
    let converter = try OpenCCLibrary.shared.converter(named: "s2tw")
    // U+F9E9 is a compatibility form of 里; 万余里 is a phrase (萬餘里), 里 alone becomes 裡.
    XCTAssertEqual(try converter.convert("万余\u{F9E9}"), "萬餘里")
    XCTAssertEqual(try converter.convert("万余里"), "萬餘里")
    XCTAssertEqual(
      OpenCCConverter.normalizingCompatibilityIdeographs("A\u{F9E9}\u{2F800}\u{FA10}e\u{301}"),
      "A里丽塚e\u{301}", "only the ideographs change; every other character stays as it is")
  }

  func testTextAfterNULIsConvertedAndTheNULKept() throws {
    let converter = try OpenCCLibrary.shared.converter(named: "s2t")
    XCTAssertEqual(try converter.convert("汉字\u{0}汉字\u{0}\u{0}发"), "漢字\u{0}漢字\u{0}\u{0}發")
    XCTAssertEqual(try converter.convert("\u{0}"), "\u{0}")
    XCTAssertEqual(try converter.convert(""), "")
  }

  func testOutputLongerThanInputIsReturnedWhole() throws {
    let converter = try OpenCCLibrary.shared.converter(named: "s2twp")
    XCTAssertEqual(
      try converter.convert(String(repeating: "闪存", count: 2000)), String(repeating: "快閃記憶體", count: 2000))
  }

  func testMissingDataIsAnErrorThatNamesWhereItLooked() throws {
    let empty = try Self.temporaryDirectory()
    let library = OpenCCLibrary(dataDirectories: [empty, empty + "/nowhere"])
    XCTAssertThrowsError(try library.converter(named: "s2tw")) { error in
      XCTAssertEqual(
        error as? ConversionError, .dataMissing(config: "s2tw", searched: [empty, empty + "/nowhere"]))
      XCTAssertEqual(
        (error as? ConversionError)?.message,
        "OpenCC data missing: no s2tw.json in \(empty), \(empty)/nowhere")
    }
  }

  func testMessagesStayOnOneLineWithoutControlCharacters() {
    let error = ConversionError.dataMissing(config: "s2t", searched: ["/a\u{1B}[31m\nb"])
    XCTAssertEqual(error.message, "OpenCC data missing: no s2t.json in /a\u{241B}[31m b")
    XCTAssertEqual(ConversionError.invalidConfigName("a\nb").message, "not an OpenCC configuration name: a b")
  }

  func testBrokenConfigurationsFailToOpenWithoutCrashing() throws {
    let directory = try Self.temporaryDirectory()
    try "{ not json".write(toFile: directory + "/broken.json", atomically: true, encoding: .utf8)
    let missingDictionary = """
      {"name": "x", "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "Nothing.ocd2"}},
       "conversion_chain": [{"dict": {"type": "ocd2", "file": "Nothing.ocd2"}}]}
      """
    try missingDictionary.write(toFile: directory + "/nodict.json", atomically: true, encoding: .utf8)
    let library = OpenCCLibrary(dataDirectories: [directory])
    for name in ["broken", "nodict"] {
      XCTAssertThrowsError(try library.converter(named: name)) { error in
        guard case .openFailed(let path, let reason)? = error as? ConversionError else {
          return XCTFail("\(name): expected openFailed, got \(error)")
        }
        XCTAssertEqual(path, directory + "/\(name).json")
        XCTAssertFalse(reason.isEmpty)
        XCTAssertFalse((error as! ConversionError).message.contains("\n"))
      }
    }
  }

  func testNamesThatCouldReachOtherFilesAreRefused() {
    for name in ["../s2t", "/usr/share/opencc/s2t", "", "s2t json", "a\nb"] {
      XCTAssertThrowsError(try OpenCCLibrary.shared.converter(named: name)) { error in
        XCTAssertEqual(error as? ConversionError, .invalidConfigName(name))
      }
    }
  }

  func testEnvironmentListReplacesTheStandardDirectories() {
    XCTAssertEqual(OpenCCLibrary.directories(fromVariable: "/a:/b::/c"), ["/a", "/b", "/c"])
    XCTAssertNil(OpenCCLibrary.directories(fromVariable: ""))
    XCTAssertNil(OpenCCLibrary.directories(fromVariable: nil))
  }

  func testOneHandleUsedFromManyThreadsGivesTheSameResults() throws {
    let converter = try OpenCCLibrary.shared.converter(named: "tw2s")
    let text = String(repeating: "滑鼠裡面的矽二極體壞了，導致游標解析度降低。", count: 50)
    let expected = try converter.convert(text)
    let results = ResultBox(count: 16)
    DispatchQueue.concurrentPerform(iterations: 16) { index in
      results.set(index, (try? converter.convert(text)) ?? "failed")
    }
    XCTAssertEqual(results.values, Array(repeating: expected, count: 16))
  }

  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "reader-opencc-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

/// Collects results written from several threads.
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [String]

  init(count: Int) { storage = Array(repeating: "", count: count) }

  func set(_ index: Int, _ value: String) {
    lock.lock()
    storage[index] = value
    lock.unlock()
  }

  var values: [String] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
