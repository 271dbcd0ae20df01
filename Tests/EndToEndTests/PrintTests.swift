import Foundation
import XCTest

/// `reader --print` and piped output: the same layout as the screen, as plain text.
final class PrintTests: XCTestCase {
  static let closing = Set("，。、；：？！）」』〉》】…".unicodeScalars)
  static let opening = Set("（「『〈《【".unicodeScalars)

  private func assertPrintedRules(
    _ text: String, width: Int, file: StaticString = #filePath, line: UInt = #line
  ) {
    for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
      XCTAssertLessThanOrEqual(Self.columns(String(row)), width, "too wide: \(row)", file: file, line: line)
      if let first = row.unicodeScalars.first {
        XCTAssertFalse(
          Self.closing.contains(first), "starts with closing punctuation: \(row)", file: file, line: line)
      }
      if let last = row.unicodeScalars.last {
        XCTAssertFalse(
          Self.opening.contains(last), "ends with opening punctuation: \(row)", file: file, line: line)
      }
      XCTAssertFalse(row.contains("\u{1B}"), "escape in output", file: file, line: line)
    }
  }

  /// Columns as a terminal counts them for the characters in these documents.
  static func columns(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      let value = scalar.value
      let wide =
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value)
        || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
        || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
        || (0x20000...0x3FFFD).contains(value)
      return total + (wide ? 2 : 1)
    }
  }

  func testArticleAtWidth37KeepsEveryRule() throws {
    let result = try ReaderProcess.run(["--print", "--width", "37"])
    XCTAssertEqual(result.status, 0)
    let text = String(decoding: result.standardOutput, as: UTF8.self)
    XCTAssertTrue(text.contains("整理說明:"))
    XCTAssertFalse(text.contains("**"), "strong text printed as plain text")
    assertPrintedRules(text, width: 37)
  }

  func testAnotherChineseDocumentAtWidth37() throws {
    let markdown = """
      # 第一章：測試文件

      這是一段很長的中文文字，用來測試換行的規則是否正確（包括括號）、「引號」和《書名號》。另外還有 English words 混在其中，例如 OpenAI、ChatGPT 和 Microsoft。

      > 引用的文字也要遵守同樣的規則，不能讓標點符號出現在行首，也不能讓開括號留在行尾。

      1. 第一項：列表項目的文字很長很長，需要換行才能放得下，並且要有懸掛縮排。
      2. 第二項：「這裡有引號」，還有更多的文字。

      | 欄位 | 說明 |
      |------|------|
      | 名稱 | 很長的中文說明文字放在表格裡面 |
      """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reader-print-\(UUID()).md")
    try markdown.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try ReaderProcess.run(["--print", "--width", "37", url.path])
    XCTAssertEqual(result.status, 0)
    let text = String(decoding: result.standardOutput, as: UTF8.self)
    XCTAssertTrue(text.contains("第一章：測試文件"))
    XCTAssertTrue(text.contains("│ 引用的文字"))
    XCTAssertTrue(text.contains("1. 第一項"))
    assertPrintedRules(text, width: 37)
  }

  func testPipedOutputIsThePrintout() throws {
    let piped = try ReaderProcess.run([])
    let printed = try ReaderProcess.run(["--print"])
    XCTAssertEqual(piped.status, 0)
    XCTAssertEqual(piped.standardOutput, printed.standardOutput)
    XCTAssertGreaterThan(printed.standardOutput.count, 10_000)
  }

  func testALargeFilePrintedWhileItIsParsedIsTheWholeParsesPrintout() throws {
    // Past a megabyte `--print` lays chunks out while the next is parsed; a link definition
    // anywhere (this one unused, so it prints nothing) sends the file to the whole parse instead.
    let article = String(
      decoding: try Data(
        contentsOf: TestFixtures.repository.appendingPathComponent("Assets/openai-turmoil.md")),
      as: UTF8.self)
    let large = (0..<100).map { "## 第 \($0) 份\n\n見 [官網](https://openai.com/\($0 % 3))。\n\n" + article }
      .joined(separator: "\n\n")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-print-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let streamed = directory.appendingPathComponent("large.md")
    let whole = directory.appendingPathComponent("large-with-definition.md")
    try large.write(to: streamed, atomically: true, encoding: .utf8)
    try (large + "\n\n[unused]: https://example.com\n").write(to: whole, atomically: true, encoding: .utf8)
    XCTAssertGreaterThan(large.utf8.count, 1 << 20)
    let printed = try ReaderProcess.run(["--print", "--width", "60", streamed.path])
    let expected = try ReaderProcess.run(["--print", "--width", "60", whole.path])
    XCTAssertEqual(printed.status, 0)
    XCTAssertTrue(printed.text.contains("第 99 份"))
    XCTAssertTrue(
      printed.text.hasSuffix(
        "References:\n[1] https://openai.com/0\n[2] https://openai.com/1\n[3] https://openai.com/2\n"))
    XCTAssertEqual(printed.text, expected.text)
  }

  /// A printout that cannot be written (a full disk) is an error, not a success with half a file.
  func testOutputThatCannotBeWrittenEndsWithOneLineAndStatus74() throws {
    for arguments in [["--print"], ["--outline"], ["convert", "--to", "simplified"]] {
      let process = Process()
      process.executableURL = ReaderProcess.executable
      process.arguments = arguments
      let input = Pipe()
      let errors = Pipe()
      process.standardInput = input
      process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
      process.standardError = errors
      try process.run()
      try input.fileHandleForWriting.write(contentsOf: Data("# 標題\n\n漢字的段落。\n".utf8))
      try input.fileHandleForWriting.close()
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 74, "\(arguments): \(message)")
      XCTAssertEqual(message, "reader: cannot write the output: No space left on device\n", "\(arguments)")
    }
  }

  /// The argument parser's help and version go through C's buffered output, which only `exit`
  /// flushes: that they could not be written is an error too, not status 0 and nothing shown.
  func testHelpAndVersionThatCannotBeWrittenEndWithOneLineAndStatus74() throws {
    for arguments in [["--help"], ["--version"], ["convert", "--help"]] {
      let process = Process()
      process.executableURL = ReaderProcess.executable
      process.arguments = arguments
      let errors = Pipe()
      process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
      process.standardError = errors
      try process.run()
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 74, "\(arguments): \(message)")
      XCTAssertEqual(message, "reader: cannot write the output: No space left on device\n", "\(arguments)")
    }
    // Written where it can be, the help still ends with status 0.
    let help = try ReaderProcess.run(["--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.text.contains("USAGE: reader"), help.text)
  }

  func testANegativeWidthIsRefusedAsNegativeNotAsMissing() throws {
    for (arguments, option) in [
      (["--print", "--width", "-3"], "--width"), (["--width=-3", "--print"], "--width"),
      (["--measure", "-1"], "--measure"),
    ] {
      let result = try ReaderProcess.run(arguments)
      XCTAssertEqual(result.status, 64, "\(arguments)")
      let message = result.standardError
      XCTAssertTrue(message.hasPrefix("Error: \(option) must be 0 or more\n"), "\(arguments): \(message)")
      XCTAssertEqual(result.text, "", "\(arguments)")
    }
    // A word that is no number is still named as the value it is.
    let word = try ReaderProcess.run(["--width", "--print"])
    XCTAssertEqual(word.status, 64)
    let refusal = word.standardError
    XCTAssertTrue(refusal.contains("'--print' is invalid for '--width <width>'"), refusal)
  }

  func testWidthZeroDoesNotWrap() throws {
    let text = String(
      decoding: try ReaderProcess.run(["--print", "--width", "0"]).standardOutput, as: UTF8.self)
    XCTAssertTrue(text.contains("OpenAI 內部自2023年11月21日開始的一系列動盪仍在持續，尤其圍繞著前 CEO Sam Altman 是否回歸。"))
  }
}

/// `--print` of documents with links, images, footnotes and HTML.
final class PrintLinkTests: XCTestCase {
  func testPrintedNewsletterListsItsLinksUnderReferences() throws {
    let path = TestFixtures.directory.appendingPathComponent("markdown/weekly-newsletter.md").path
    let result = try ReaderProcess.run(["--print", "--width", "60", path])
    XCTAssertEqual(result.status, 0)
    XCTAssertTrue(result.text.contains("本雜誌開源[1]，歡"), result.text)
    XCTAssertTrue(result.text.contains("\n[圖: 台北 101 跨年煙火]\n"), result.text)
    XCTAssertTrue(
      result.text.hasSuffix("[13] https://example.org/blog/osc52\n[14] archive/issue-141.md#markdown-的歷史\n"))
    XCTAssertTrue(result.text.contains("與上期回顧。"), "a link to a heading of the issue itself has no number")
    XCTAssertFalse(result.text.contains("]("), "no Markdown link syntax is left")
  }
}
