import Foundation
import ReaderAssets
import XCTest

final class PrintScriptTests: XCTestCase {
  func testPrintTraditionalKeepsTheAuthorsTaiwanSpellings() throws {
    let output = try ReaderProcess.run(["--print", "--script", "traditional"])
    XCTAssertEqual(output.status, 0, output.standardError)
    let text = output.text.replacingOccurrences(of: "\n", with: "")
    for expected in ["從外界看來，ChatGPT 是史上最成功的產品", "在整個過程中，Altman 持續推動公司前進", "Altman 被解雇的原因", "在上周五宣布"] {
      XCTAssertTrue(text.contains(expected), "missing \(expected)")
    }
    XCTAssertFalse(text.contains("僱"))
    XCTAssertFalse(text.contains("週五"))
  }

  func testPrintSimplified() throws {
    let output = try ReaderProcess.run(["--print", "--width", "0", "--script", "simplified"])
    XCTAssertEqual(output.status, 0, output.standardError)
    for expected in ["这场动荡最显著的特点", "随着用户不断增加", "大家好，这里是最佳拍档"] {
      XCTAssertTrue(output.text.contains(expected), "missing \(expected)")
    }
    XCTAssertFalse(output.text.contains("隨著"))
  }

  func testASimplifiedNewsletterPrintsAsWrittenInSimplified() throws {
    let path = TestFixtures.directory.appendingPathComponent("documents/simplified-newsletter.md").path
    let original = try ReaderProcess.run(["--print", "--width", "0", path])
    let simplified = try ReaderProcess.run(["--print", "--width", "0", "--script", "simplified", path])
    XCTAssertEqual(simplified.status, 0, simplified.standardError)
    for word in ["什么", "这么", "抬头"] {
      let count = original.text.components(separatedBy: word).count - 1
      XCTAssertGreaterThan(count, 1, word)
      XCTAssertEqual(simplified.text.components(separatedBy: word).count - 1, count, word)
    }
    XCTAssertFalse(simplified.text.contains("幺") || simplified.text.contains("擡"))
    XCTAssertTrue(simplified.text.contains("我在台北的二手书店里找到一本三十年前的旧书"), "the Traditional letter is converted")
    let outline = try ReaderProcess.run(["--outline", "--script", "simplified", path])
    XCTAssertEqual(outline.text, try ReaderProcess.run(["--outline", path]).text)
    XCTAssertTrue(outline.text.contains("这么多书，先读什么？"))
  }

  func testPrintOriginalIsTheDefaultAndFilesAndStandardInputStillWork() throws {
    let original = try ReaderProcess.run(["--print", "--width", "0"])
    XCTAssertEqual(
      try ReaderProcess.run(["--print", "--width", "0", "--script", "original"]).text, original.text)
    XCTAssertTrue(original.text.contains("大家好，這裡是最佳拍檔"))
    let standardInput = try ReaderProcess.run(
      ["-", "--script", "traditional"], input: Array("# 标题\n\n软件\n".utf8))
    XCTAssertEqual(standardInput.status, 0, standardInput.standardError)
    XCTAssertEqual(standardInput.text, "標題\n\n軟件\n")
    let file = NSTemporaryDirectory() + "reader-print-\(UUID().uuidString).md"
    try "隨著台灣\n".write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let fromFile = try ReaderProcess.run([file, "--print", "--script", "simplified"])
    XCTAssertEqual(fromFile.text, "随着台湾\n")
  }

  func testPrintWithoutOpenCCDataFailsWithAOneLineMessage() throws {
    let output = try ReaderProcess.run(
      ["--print", "--script", "simplified"], environment: ["READER_OPENCC_DATA": "/nonexistent"])
    XCTAssertEqual(output.status, 69)
    XCTAssertEqual(output.standardError, "reader: OpenCC data missing: no tw2s.json in /nonexistent\n")
    let original = try ReaderProcess.run(["--print"], environment: ["READER_OPENCC_DATA": "/nonexistent"])
    XCTAssertEqual(original.status, 0)
  }
}
