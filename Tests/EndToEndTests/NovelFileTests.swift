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
}
