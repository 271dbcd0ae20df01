import XCTest

final class ConvertCommandTests: XCTestCase {
  func testToTraditionalConvertsOnlySimplifiedSentences() throws {
    let input = "董事會在周五宣布了決定。这是简体，头发很干。\nLatin 2023\n台灣的軟件\n"
    let output = try ReaderProcess.run(["convert", "--to", "traditional"], input: Array(input.utf8))
    XCTAssertEqual(output.status, 0, output.standardError)
    XCTAssertEqual(output.text, "董事會在周五宣布了決定。這是簡體，頭髮很乾。\nLatin 2023\n台灣的軟件\n")
    let localised = try ReaderProcess.run(
      ["convert", "--to", "traditional", "--vocabulary"], input: Array("我们的软件\n".utf8))
    XCTAssertEqual(localised.text, "我們的軟體\n")
    let quoted = try ReaderProcess.run(
      ["convert", "--to", "traditional", "--vocabulary"], input: Array("他说：“这个‘软件’不错。”\n".utf8))
    XCTAssertEqual(quoted.text, "他說：「這個『軟體』不錯。」\n")
    let mainland = try ReaderProcess.run(
      ["convert", "--to", "simplified", "--vocabulary"], input: Array("他說：「這個軟體不錯。」\n".utf8))
    XCTAssertEqual(mainland.text, "他说：“这个软件不错。”\n")
  }

  func testToTraditionalFollowsTheSpellingOfTheWholeInput() throws {
    let alone = try ReaderProcess.run(
      ["convert", "--to", "traditional"], input: Array("他被解雇了，这让员工很吃惊。\n".utf8))
    XCTAssertEqual(alone.text, "他被解僱了，這讓員工很吃驚。\n")
    let withAuthor = try ReaderProcess.run(
      ["convert", "--to", "traditional"], input: Array("他被解雇了，这让员工很吃惊。\n董事會在會議上解雇了他。".utf8))
    XCTAssertEqual(withAuthor.text, "他被解雇了，這讓員工很吃驚。\n董事會在會議上解雇了他。")
  }

  func testToSimplifiedConvertsOnlyTraditionalSentences() throws {
    let input = "隨著台灣\n这样可以么？他抬头看了看。為什麼這麼晚？\n"
    let output = try ReaderProcess.run(["convert", "--to", "simplified"], input: Array(input.utf8))
    XCTAssertEqual(output.status, 0, output.standardError)
    XCTAssertEqual(output.text, "随着台湾\n这样可以么？他抬头看了看。为什么这么晚？\n")
    let whole = try ReaderProcess.run(["convert", "--config", "tw2s"], input: Array("这样可以么？\n".utf8))
    XCTAssertEqual(whole.text, "这样可以幺？\n", "what tw2s alone does to Simplified text")
  }

  func testBytesThatAreNotUTF8AndNULsPassThrough() throws {
    let input: [UInt8] = Array("头发".utf8) + [0xFF, 0x00] + Array("发\r\n".utf8) + [0xE6] + Array("后".utf8)
    let expected: [UInt8] = Array("頭髮".utf8) + [0xFF, 0x00] + Array("發\r\n".utf8) + [0xE6] + Array("後".utf8)
    for arguments in [["--config", "s2t"], ["--to", "traditional"]] {
      let output = try ReaderProcess.run(["convert"] + arguments, input: input)
      XCTAssertEqual(output.status, 0, output.standardError)
      XCTAssertEqual(output.standardOutput, expected, "\(arguments)")
    }
  }

  func testMissingOpenCCDataIsAOneLineMessage() throws {
    for arguments in [["--to", "traditional"], ["--to", "simplified"], ["--config", "s2t"]] {
      let output = try ReaderProcess.run(
        ["convert"] + arguments, input: Array("这是\n".utf8),
        environment: ["READER_OPENCC_DATA": "/nonexistent"])
      XCTAssertEqual(output.status, 69)
      XCTAssertEqual(output.standardOutput, [])
      XCTAssertTrue(output.standardError.hasPrefix("reader: OpenCC data missing: no "), output.standardError)
      XCTAssertTrue(output.standardError.hasSuffix(".json in /nonexistent\n"), output.standardError)
    }
  }

  func testUsageErrors() throws {
    for arguments in [
      [], ["--to", "simplified", "--config", "t2s"], ["--config", "s2t", "--vocabulary"], ["--to", "x"],
    ] {
      let output = try ReaderProcess.run(["convert"] + arguments)
      XCTAssertEqual(output.status, 64, "\(arguments)")
      XCTAssertTrue(output.standardError.contains("reader convert"), output.standardError)
    }
    let unknown = try ReaderProcess.run(["convert", "--config", "no-such-config"])
    XCTAssertEqual(unknown.status, 69)
    XCTAssertTrue(unknown.standardError.contains("no no-such-config.json in "), unknown.standardError)
    XCTAssertTrue(unknown.standardError.contains("/opencc, /usr/share/opencc"), "compiled, then the system's")
    let path = try ReaderProcess.run(["convert", "--config", "../s2t"])
    XCTAssertEqual(path.status, 64)
  }
}
