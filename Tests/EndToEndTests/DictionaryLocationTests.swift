import Foundation
import XCTest

/// Where the reader finds its compiled OpenCC 1.4.2 dictionaries, and what it does without them.
final class DictionaryLocationTests: XCTestCase {
  /// 胚胎发育 is 胚胎發育; Debian's 2022 dictionaries write 胚胎髮育.
  private let input = Array("胚胎发育\n".utf8)
  private let compiledAnswer = "胚胎發育\n"
  private let systemAnswer = "胚胎髮育\n"

  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-dictionaries-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  private var builtDictionaries: URL {
    ReaderProcess.executable.deletingLastPathComponent().appendingPathComponent("opencc")
  }

  private func copyReader(to path: String) throws -> URL {
    let copy = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: ReaderProcess.executable, to: copy)
    return copy
  }

  func testTheBuiltReaderUsesTheDictionariesBesideIt() throws {
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: builtDictionaries.appendingPathComponent("s2tw.json").path),
      "make build compiles them into \(builtDictionaries.path)")
    let output = try ReaderProcess.run(["convert", "--to", "traditional"], input: input)
    XCTAssertEqual(output.text, compiledAnswer)
    XCTAssertEqual(output.standardError, "")
  }

  func testAnInstalledReaderUsesPrefixShare() throws {
    let reader = try copyReader(to: "bin/reader")
    let share = folder.appendingPathComponent("share/reader")
    try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: builtDictionaries, to: share.appendingPathComponent("opencc"))
    let output = try ReaderProcess.run(["convert", "--to", "traditional"], input: input, executable: reader)
    XCTAssertEqual(output.text, compiledAnswer)
    XCTAssertEqual(output.standardError, "")
  }

  func testWithoutThemTheSystemDictionariesConvertAndItSaysSoOnce() throws {
    let reader = try copyReader(to: "reader")
    for arguments in [["convert", "--to", "traditional"], ["convert", "--config", "s2t"]] {
      let output = try ReaderProcess.run(arguments, input: input + input, executable: reader)
      XCTAssertEqual(output.status, 0)
      XCTAssertEqual(output.text, systemAnswer + systemAnswer, "\(arguments)")
      XCTAssertEqual(
        output.standardError,
        "reader: OpenCC 1.4.2 dictionaries not found (make build compiles them); using /usr/share/opencc\n")
    }
    let printed = try ReaderProcess.run(["--print", "--script", "simplified"], executable: reader)
    XCTAssertEqual(printed.status, 0)
    XCTAssertEqual(printed.standardError.components(separatedBy: "not found").count, 2, printed.standardError)
  }
}
