import Foundation
import XCTest

/// Runs the built `reader --factions` and checks what a script would read from it.
final class FactionsCommandTests: XCTestCase {
  private func run(_ arguments: [String]) throws -> (status: Int32, output: Data, error: String) {
    let result = try ReaderProcess.run(arguments)
    return (result.status, Data(result.standardOutput), result.standardError)
  }

  private func temporaryFile(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("reader-factions-\(UUID().uuidString).md")
    try Data(text.utf8).write(to: url)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  func testBundledArticlePrintsBothFactionsWithTheirMentionCounts() throws {
    let result = try run(["--factions"])
    XCTAssertEqual(result.status, 0, result.error)
    XCTAssertEqual(result.error, "")
    let lines = String(decoding: result.output, as: UTF8.self).components(separatedBy: "\n")
    XCTAssertEqual(lines.first, "faction summary in 「Sam Altman 被開除的根源：技術樂觀主義 vs. AI 風險」: 2 factions")
    let sam = try XCTUnwrap(lines.firstIndex(of: "Sam Altman (Sam Altman 派)"), "no Sam Altman faction")
    let ilya = try XCTUnwrap(lines.firstIndex(of: "Ilya Sutskever (Ilya Sutskever 派)"), "no Ilya faction")
    XCTAssertLessThan(sam, ilya)
    XCTAssertEqual(lines[sam + 1], "  summary: 誕生於矽谷的技術樂觀主義，受到快速商業化的推動。")
    XCTAssertEqual(lines[sam + 2], "  mentions: 26")
    XCTAssertEqual(lines[ilya + 1], "  summary: 深感恐懼，認為人工智慧對人類構成生存風險，必須極其謹慎地加以控制。")
    XCTAssertEqual(lines[ilya + 2], "  mentions: 8")
    XCTAssertTrue(lines.contains("    5 in 「Ilya Sutskever 的擔憂：AGI 的風險與對齊團隊」"))
  }

  func testDocumentWithoutFactionsSaysSoAndSucceeds() throws {
    let file = try temporaryFile("# Notes\n\n**Sam Altman:** no suffix here.\n\n- **Plan:** ship\n")
    let result = try run(["--factions", file.path])
    XCTAssertEqual(result.status, 0, result.error)
    XCTAssertEqual(String(decoding: result.output, as: UTF8.self), "no faction summary in this document\n")
    XCTAssertEqual(result.error, "")
  }

  func testHostileLabelNeverReachesTheTerminalAsControlBytes() throws {
    let file = try temporaryFile("- **\u{1B}[2J\u{1B}]0;x\u{07} Evil 派:** \u{9B}31m text\n\nEvil again.\n")
    let result = try run(["--factions", file.path])
    XCTAssertEqual(result.status, 0, result.error)
    let text = String(decoding: result.output, as: UTF8.self)
    XCTAssertTrue(text.contains("  mentions: 2"), text)
    XCTAssertFalse(
      result.output.contains { $0 < 0x20 && $0 != 0x0A }, "a control byte reached standard output")
    XCTAssertFalse(
      text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "a C1 control in output")
  }

  func testMissingFileFailsWithAMessage() throws {
    let missing = FileManager.default.temporaryDirectory
      .appendingPathComponent("reader-factions-missing-\(UUID().uuidString).md")
    let result = try run(["--factions", missing.path])
    XCTAssertEqual(result.status, 66)
    XCTAssertTrue(result.error.contains(missing.lastPathComponent), result.error)
    XCTAssertEqual(result.output.count, 0)
  }
}
