import XCTest

@testable import ReaderCore

/// The same chapters of 《紅樓夢》 saved as other programs save them read back as the same text.
final class EncodingDetectionTests: XCTestCase {
  private let novel = NovelFixtures.hongloumeng

  func testTheFixtureIsTheNovel() {
    XCTAssertTrue(novel.contains("第一回　甄士隱夢幻識通靈"))
    XCTAssertGreaterThan(novel.count, 800)
  }

  func testLegacyAndUnicodeEncodingsAreDetectedAndDecodedToTheSameText() {
    let cases: [(String, [UInt8], SourceEncoding)] = [
      ("GB18030", NovelFixtures.encode(novel, as: "GB18030"), .gb18030),
      ("GBK", NovelFixtures.encode(novel, as: "GBK"), .gb18030),
      ("BIG5", NovelFixtures.encode(novel, as: "BIG5"), .big5),
      ("UTF-16LE with BOM", [0xFF, 0xFE] + NovelFixtures.encode(novel, as: "UTF-16LE"), .utf16LittleEndian),
      ("UTF-16BE with BOM", [0xFE, 0xFF] + NovelFixtures.encode(novel, as: "UTF-16BE"), .utf16BigEndian),
      ("UTF-16LE", NovelFixtures.encode(novel, as: "UTF-16LE"), .utf16LittleEndian),
      ("UTF-16BE", NovelFixtures.encode(novel, as: "UTF-16BE"), .utf16BigEndian),
      (
        "UTF-32LE with BOM", [0xFF, 0xFE, 0, 0] + NovelFixtures.encode(novel, as: "UTF-32LE"),
        .utf32LittleEndian
      ),
      ("UTF-32BE", NovelFixtures.encode(novel, as: "UTF-32BE"), .utf32BigEndian),
    ]
    for (name, bytes, expected) in cases {
      XCTAssertFalse(bytes.isEmpty, name)
      let decoded = SourceDecoder.decode(bytes)
      XCTAssertEqual(decoded.encoding, expected, name)
      XCTAssertEqual(decoded.text, novel, name)
      XCTAssertEqual(decoded.invalidBytes, 0, name)
      XCTAssertFalse(decoded.looksBinary, name)
      XCTAssertEqual(decoded.encodingLabel, expected.name, name)
    }
  }

  /// What decoding as UTF-8 would damage, counted as String's repairing decoder counts it: the
  /// bytes not in a valid scalar (a U+FFFD written in the file is text, not damage).
  private func repairedBytes(_ bytes: [UInt8]) -> Int {
    let text = String(decoding: bytes, as: UTF8.self)
    let kept = text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 0 : UTF8.width($1)) }
    let marks = bytes.indices.dropLast(2).filter {
      bytes[$0] == 0xEF && bytes[$0 + 1] == 0xBF && bytes[$0 + 2] == 0xBD
    }
    return bytes.count - kept - 3 * marks.count
  }

  func testTheDamageCountIsWhatDecodingAsUTF8WouldReplace() {
    var generator = SeededGenerator(seed: 2026)
    var samples: [[UInt8]] = ["GB18030", "BIG5", "UTF-16LE"].map { NovelFixtures.encode(novel, as: $0) }
    samples.append(
      Array(novel.utf8) + [0xE4, 0xB8, 0x41, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xC0, 0xAF])
    samples.append(Array("替換字元 \u{FFFD} 留著".utf8) + [0xFF])
    for _ in 0..<40 {
      samples.append(
        (0..<Int.random(in: 1...600, using: &generator)).map { _ in
          UInt8.random(in: 0...255, using: &generator)
        })
    }
    for bytes in samples {
      let high = bytes.filter { $0 >= 0x80 }.count
      let counted = bytes.withUnsafeBytes { EncodingDetector.utf8Damage($0, isWhole: true) }
      XCTAssertEqual(counted.invalid, repairedBytes(bytes), "\(bytes.prefix(24))")
      XCTAssertEqual(counted.high, high)
    }
    XCTAssertGreaterThan(
      samples[0].withUnsafeBytes { EncodingDetector.utf8Damage($0, isWhole: true) }.invalid, 100)
  }

  func testHongKongTextInBig5FallsBackToHKSCS() {
    let cantonese = novel + "　　佢哋講緊今日食啲乜嘢，我哋去飲茶啦。\n"
    let bytes = NovelFixtures.encode(cantonese, as: "BIG5-HKSCS")
    XCTAssertTrue(NovelFixtures.encode(cantonese, as: "BIG5").isEmpty, "plain Big5 cannot hold 佢哋")
    let decoded = SourceDecoder.decode(bytes)
    XCTAssertEqual(decoded.encoding, .big5HKSCS)
    XCTAssertEqual(decoded.text, cantonese)
  }

  func testValidUTF8IsNeverReadAsAnythingElse() {
    // Latin-1-looking and GBK-looking UTF-8: the detector is not asked.
    for text in [novel, String(repeating: "Ã©tÃ© Â« naÃ¯ve Â» ", count: 200), "é" + novel] {
      let decoded = SourceDecoder.decode(Array(text.utf8))
      XCTAssertEqual(decoded.encoding, .utf8)
      XCTAssertEqual(decoded.text, text)
      XCTAssertNil(decoded.encodingLabel)
    }
  }

  /// A large file is told from its start: Chinese UTF-8 from its first 16 KiB, but a legacy file
  /// whose first 16 KiB are English (a licence, a long ASCII preface) only from the whole sample.
  func testLargeFilesAreToldFromTheirStart() {
    let long = String(repeating: novel, count: 120)
    let utf8 = Array(long.utf8)
    XCTAssertGreaterThan(utf8.count, CharsetDetector.sampleSize)
    XCTAssertEqual(utf8.withUnsafeBytes { EncodingDetector.detect($0) }.encoding, .utf8)
    let preface = Array(
      String(repeating: "This edition is in the public domain in most countries.\n", count: 1300).utf8)
    XCTAssertGreaterThan(preface.count, EncodingDetector.plainSampleSize)
    for (name, expected) in [("GB18030", SourceEncoding.gb18030), ("BIG5", .big5)] {
      let legacy = preface + NovelFixtures.encode(String(long.prefix(60_000)), as: name)
      XCTAssertEqual(legacy.withUnsafeBytes { EncodingDetector.detect($0) }.encoding, expected, name)
      XCTAssertEqual(SourceDecoder.decode(legacy).text.suffix(200), long.prefix(60_000).suffix(200), name)
    }
    // Valid UTF-8 with a little Chinese in its first 16 KiB is read on to the whole sample.
    let sparse = preface + Array(("注：" + novel).utf8) + [0xB0, 0xA1] + Array(long.prefix(30_000).utf8)
    XCTAssertEqual(sparse.withUnsafeBytes { EncodingDetector.detect($0) }.encoding, .utf8)
  }

  func testUTF8WithAFewDamagedBytesStaysUTF8() {
    let bytes = Array(String(novel.prefix(300)).utf8) + [0xFF, 0xFE, 0xC0] + Array("\n結尾。\n".utf8)
    let decoded = SourceDecoder.decode(bytes)
    XCTAssertEqual(decoded.encoding, .utf8)
    XCTAssertEqual(decoded.invalidBytes, 3)
  }

  func testInvalidBytesInGB18030AreReplacedAndCounted() {
    var bytes = NovelFixtures.encode(novel, as: "GB18030")
    // Two runs of bytes GB18030 never has: one U+FFFD for each run, every byte counted.
    bytes.insert(contentsOf: [0xFF, 0xFF], at: 200)
    bytes.append(0xFF)
    let decoded = SourceDecoder.decode(bytes)
    XCTAssertEqual(decoded.encoding, .gb18030)
    XCTAssertEqual(decoded.invalidBytes, 3)
    XCTAssertEqual(decoded.text.filter { $0 == "\u{FFFD}" }.count, 2)
    XCTAssertEqual(decoded.notice?.text(in: .english), "3 invalid bytes replaced")
    XCTAssertEqual(decoded.text.replacingOccurrences(of: "\u{FFFD}", with: ""), novel)
  }

  func testAGivenEncodingReplacesDetection() {
    let bytes = NovelFixtures.encode(novel, as: "BIG5")
    let forced = SourceDecoder.decode(bytes, encoding: SourceEncoding(name: "gbk"))
    XCTAssertEqual(forced.encoding.name, "GBK")
    XCTAssertNotEqual(forced.text, novel, "Big5 bytes read as GBK are not the novel")
    XCTAssertEqual(SourceDecoder.decode(bytes, encoding: .big5).text, novel)
    XCTAssertFalse(IconvDecoder.knows("no-such-encoding"))
    XCTAssertTrue(IconvDecoder.knows("gb18030"))
  }

  func testLatin1IsReportedByTheDetector() {
    let french = String(
      repeating: "L'été dernier, à Besançon, nous avons mangé une crème brûlée près du lycée. ", count: 20)
    let decoded = SourceDecoder.decode(NovelFixtures.encode(french, as: "ISO-8859-1"))
    XCTAssertEqual(decoded.text, french)
    XCTAssertNotNil(decoded.encodingLabel)
  }

  func testIconvDecodingInTinyChunksEqualsDecodingAtOnce() throws {
    let bytes = NovelFixtures.encode(novel, as: "GB18030") + [0x81]
    let whole = try XCTUnwrap(IconvDecoder(from: .gb18030))
    let expected = bytes.withUnsafeBytes { whole.decode($0, isLast: true) }
    for size in [1, 3, 7] {
      let decoder = try XCTUnwrap(IconvDecoder(from: .gb18030))
      var output: [UInt8] = []
      for start in stride(from: 0, to: bytes.count, by: size) {
        let end = min(bytes.count, start + size)
        output += bytes[start..<end].withUnsafeBytes { decoder.decode($0, isLast: end == bytes.count) }
      }
      XCTAssertEqual(output, expected, "chunks of \(size)")
      XCTAssertEqual(decoder.invalidBytes, 1, "the unfinished sequence at the end")
    }
  }

  func testStreamDecoderPassesUTF8ThroughAndDecodesBig5() {
    var utf8 = StreamDecoder()
    let damaged = Array("純文字\n".utf8) + [0xFF]
    XCTAssertEqual(utf8.feed(damaged[...]) + utf8.finish(), damaged, "UTF-8 passes through, bad bytes too")
    var big5 = StreamDecoder()
    let bytes = NovelFixtures.encode(novel, as: "BIG5")
    var output: [UInt8] = []
    for start in stride(from: 0, to: bytes.count, by: 100) {
      output += big5.feed(bytes[start..<min(bytes.count, start + 100)])
    }
    output += big5.finish()
    XCTAssertEqual(String(decoding: output, as: UTF8.self), novel)
    XCTAssertEqual(big5.encoding, .big5)
  }
}
