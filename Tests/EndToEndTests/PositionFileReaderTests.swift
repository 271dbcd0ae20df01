import Foundation
import ReaderCore
import XCTest

@testable import reader

/// The state file read before the first screen without JSONDecoder: every file the store writes
/// is read that way, and whatever a file holds, what is read is what JSONDecoder reads.
final class PositionFileReaderTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-files-\(UUID())").path
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Characters a path or a title may hold that JSON writes escaped or as they are.
  private static let pieces: [String] = [
    "a", "Z", "/", "\\", "\"", " ", "\t", "\n", "\u{1}", "\u{1F}", "\u{7F}", ".md", "書", "文稿",
    "é", "e\u{301}", "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{2028}", "%", "{", "}", ":", ",",
  ]

  private func text(_ random: inout SystemRandomNumberGenerator, upTo count: Int) -> String {
    (0..<Int.random(in: 0...count, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
      .joined()
  }

  private func randomPosition(_ random: inout SystemRandomNumberGenerator) -> ReadingPosition {
    let number = { (random: inout SystemRandomNumberGenerator) in
      [0, 1, 9, 10, 4_096, Int.max, Int.random(in: 0...1_000_000, using: &random)].randomElement(
        using: &random)!
    }
    var marks: [Character: TextPosition] = [:]
    for letter in "abcXYZ" where Bool.random(using: &random) {
      marks[letter] = TextPosition(
        block: number(&random), key: LineKey(leaf: number(&random), offset: number(&random)))
    }
    var position = ReadingPosition(
      position: TextPosition(
        block: number(&random), key: LineKey(leaf: number(&random), offset: number(&random))),
      script: DisplayScript.allCases.randomElement(using: &random)!,
      outlineVisible: Bool.random(using: &random),
      marks: marks)
    if Bool.random(using: &random) { position.script = text(&random, upTo: 4) }
    return position
  }

  /// What `PositionStore.save` wrote for a random document, with its key.
  private func savedFile(_ random: inout SystemRandomNumberGenerator) throws -> (DocumentKey, [UInt8]) {
    let key = DocumentKey(path: "/" + text(&random, upTo: 12), contentHash: random.next())
    let store = PositionStore(directory: directory)
    try store.save(
      randomPosition(&random), for: key,
      title: Bool.random(using: &random) ? text(&random, upTo: 8) : nil,
      progress: Bool.random(using: &random) ? Int.random(in: 0...100, using: &random) : nil,
      lastRead: Bool.random(using: &random)
        ? [0, 1e-7, 1_765_000_000.123_456, 1e300, Double.random(in: 0...2e9, using: &random)]
          .randomElement(using: &random)! : nil)
    let bytes = try XCTUnwrap(PositionStore.readSmallFile(store.path(for: key)))
    return (key, bytes)
  }

  func testEveryFileTheStoreWritesIsReadWithoutJSONDecoderAsJSONDecoderReadsIt() throws {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<400 {
      let (key, bytes) = try savedFile(&random)
      let file = String(decoding: bytes, as: UTF8.self)
      let quick = PositionFileReader.read(bytes)
      XCTAssertNotNil(quick, "a file as the store writes it is read without JSONDecoder: \(file)")
      XCTAssertEqual(quick, PositionStore.decodedPlace(in: bytes), file)
      XCTAssertEqual(quick?.path, key.path, file)
      XCTAssertNotNil(PositionStore(directory: directory).load(for: key), file)
    }
  }

  /// The same fields written another way (indented, in another order, escaped otherwise).
  func testTheSameFileWrittenOtherwiseIsReadAlike() throws {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<100 {
      let (_, bytes) = try savedFile(&random)
      let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
      for options: JSONSerialization.WritingOptions in [[], [.prettyPrinted], [.withoutEscapingSlashes]] {
        let written = [UInt8](try JSONSerialization.data(withJSONObject: object, options: options))
        let file = String(decoding: written, as: UTF8.self)
        XCTAssertNotNil(PositionFileReader.read(written), file)
        XCTAssertEqual(PositionFileReader.read(written), PositionStore.decodedPlace(in: written), file)
      }
    }
  }

  /// A damaged or hand-edited file: what the store reads from it is what JSONDecoder reads,
  /// whether the quick reader took it or left it to JSONDecoder.
  func testADamagedFileIsReadAsJSONDecoderReadsIt() throws {
    var random = SystemRandomNumberGenerator()
    let bytesToPut = Array("{}[]\",:\\-.0123456789eEtrufalsn \t\nu\u{1}".utf8) + [0xC3, 0xFF, 0xED, 0xA0]
    var quicklyRead = 0
    for _ in 0..<3_000 {
      var (_, bytes) = try savedFile(&random)
      for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: bytes[at] = bytesToPut.randomElement(using: &random)!
        case 1: bytes.remove(at: at)
        case 2: bytes.insert(bytesToPut.randomElement(using: &random)!, at: at)
        default: bytes.removeLast(bytes.count - at)
        }
      }
      let file = String(decoding: bytes, as: UTF8.self)
      let decoded = PositionStore.decodedPlace(in: bytes)
      XCTAssertEqual(PositionStore.place(in: bytes), decoded, file)
      if let quick = PositionFileReader.read(bytes) {
        quicklyRead += 1
        XCTAssertEqual(quick, decoded, file)
      }
    }
    XCTAssertGreaterThan(quicklyRead, 0, "some changes leave a file the quick reader takes")
  }

  func testWhatTheQuickReaderLeavesToJSONDecoder() throws {
    let position = #""position":{"block":3,"leaf":4,"offset":5,"outlineVisible":true,"script":"original"}"#
    let head = #"{"contentHash":"00ff","path":"\/a.md","#
    let good = head + position + #","version":1}"#
    XCTAssertNotNil(PositionFileReader.read(Array(good.utf8)))
    for lastRead in ["0", "-0.0", "1765000000.5", "1e-07", "1.5E+300"] {
      let with = good.replacing(#""version":1"#, with: #""lastRead":"# + lastRead + #","version":1"#)
      XCTAssertNotNil(PositionFileReader.read(Array(with.utf8)), with)
      XCTAssertEqual(
        PositionFileReader.read(Array(with.utf8)), PositionStore.decodedPlace(in: Array(with.utf8)), with)
    }
    let others = [
      head + position + #","version":1,"version":1}"#,  // a repeated key
      head + position + #","version":1,"shelf":true}"#,  // a key it does not know
      head + position.replacing(#""block":3"#, with: #""block":3.0"#) + #","version":1}"#,
      head + position.replacing(#""block":3"#, with: #""block":-3"#) + #","version":1}"#,
      head + position.replacing(#""block":3"#, with: #""block":03"#) + #","version":1}"#,
      head + position + #","version":1} x"#,  // text after the object
      "\u{FEFF}" + good,  // a byte-order mark
      good.replacing(#"\/a.md"#, with: #"\ud800.md"#),  // half a surrogate pair
      good.replacing(#""script":"original"}"#, with: #""script":"original","marks":{"a":{"block":1}}}"#),
      good.replacing(#""version":1"#, with: #""version":99999999999999999999"#),
      good.replacing(#""version":1"#, with: #""lastRead":1e-607,"version":1"#),  // underflows to zero
      good.replacing(#""version":1"#, with: #""lastRead":1e-310,"version":1"#),  // a subnormal
      good.replacing(#""version":1"#, with: #""lastRead":1e400,"version":1"#),  // overflows
    ]
    for other in others {
      XCTAssertNil(PositionFileReader.read(Array(other.utf8)), other)
      XCTAssertEqual(
        PositionStore.place(in: Array(other.utf8)), PositionStore.decodedPlace(in: Array(other.utf8)), other)
    }
    // A damaged mark loses the marks, never the place, as JSONDecoder reads it.
    let damagedMark = good.replacing(
      #""script":"original"}"#, with: #""script":"original","marks":{"a":{"block":1}}}"#)
    XCTAssertEqual(PositionStore.place(in: Array(damagedMark.utf8))?.position.block, 3)
  }
}
