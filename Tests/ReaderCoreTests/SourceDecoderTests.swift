import XCTest

@testable import ReaderCore

final class SourceDecoderTests: XCTestCase {
  private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  private func utf16(_ text: String, bigEndian: Bool, mark: Bool = true) -> [UInt8] {
    var result: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
    for unit in text.utf16 {
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      result += bigEndian ? [high, low] : [low, high]
    }
    return result
  }

  func testValidUTF8IsTheTextItselfWithNoNotice() {
    let text = "# 標題\n\n大家好，這裡是 👨‍👩‍👧 e\u{301}\n"
    let decoded = SourceDecoder.decode(bytes(text))
    XCTAssertEqual(decoded.text, text)
    XCTAssertEqual(decoded.encoding, .utf8)
    XCTAssertEqual(decoded.invalidBytes, 0)
    XCTAssertNil(decoded.notice)
    XCTAssertFalse(decoded.looksBinary)
    XCTAssertFalse(decoded.isEmpty)
  }

  func testInvalidBytesBecomeOneReplacementPerMaximalSubpartAndAreCounted() {
    // 0xFF alone, a truncated 中 (E4 B8), and an encoded surrogate (ED A0 80: three bad bytes).
    let input: [UInt8] = [0x61, 0xFF, 0x62, 0xE4, 0xB8, 0x63, 0xED, 0xA0, 0x80, 0x64]
    let decoded = SourceDecoder.decode(input)
    XCTAssertEqual(decoded.text, "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}d")
    XCTAssertEqual(decoded.invalidBytes, 6)
    XCTAssertEqual(decoded.notice?.text(in: .english), "6 invalid bytes replaced")
    XCTAssertEqual(SourceDecoder.decode([0x41, 0xC0]).notice?.text(in: .english), "1 invalid byte replaced")
  }

  /// Invalid bytes counted the slow, obvious way: walk the bytes with Unicode Table 3-7.
  private func referenceInvalidCount(_ bytes: [UInt8]) -> Int {
    var invalid = 0
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      var trailing = 0
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0x00...0x7F:
        index += 1
        continue
      case 0xC2...0xDF: trailing = 1
      case 0xE0: (trailing, low) = (2, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
      case 0xED: (trailing, high) = (2, 0x9F)
      case 0xF0: (trailing, low) = (3, 0x90)
      case 0xF1...0xF3: trailing = 3
      case 0xF4: (trailing, high) = (3, 0x8F)
      default:
        invalid += 1
        index += 1
        continue
      }
      var length = 1
      while length <= trailing && index + length < bytes.count && (low...high).contains(bytes[index + length])
      {
        length += 1
        (low, high) = (0x80, 0xBF)
      }
      if length <= trailing { invalid += length }
      index += length
    }
    return invalid
  }

  func testRandomBytesDecodeLikeTheStandardLibraryAndEveryBadByteIsCounted() {
    var random = SeededGenerator(seed: 6)
    // No NUL or CR, which the decoder changes; lead and continuation bytes are frequent.
    let alphabet: [UInt8] = (1...255).filter { $0 != 0x0D }
    for _ in 0..<2000 {
      // A leading "a", so that no input starts with a byte order mark.
      let input =
        [0x61]
        + (0..<Int.random(in: 0...64, using: &random)).map { _ in
          Bool.random(using: &random)
            ? alphabet.randomElement(using: &random)!
            : [0x80, 0xBF, 0xBD, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4].randomElement(using: &random)!
        }
      let decoded = SourceDecoder.decode(input)
      XCTAssertEqual(decoded.text, String(decoding: input, as: UTF8.self), "\(input)")
      XCTAssertEqual(decoded.invalidBytes, referenceInvalidCount(input), "\(input)")
    }
  }

  func testUTF8ByteOrderMarkIsDropped() {
    let decoded = SourceDecoder.decode([0xEF, 0xBB, 0xBF] + bytes("# 標題\n"))
    XCTAssertEqual(decoded.text, "# 標題\n")
    XCTAssertEqual(MarkdownParser().parse(decoded.text, title: "t").outline.entries.map(\.title), ["標題"])
  }

  func testUTF16WithAByteOrderMarkIsDecodedInBothByteOrders() {
    let text = "# 第一章 Chapter\n\n大家好 😀 🇹🇼 plain ASCII text that is half zero bytes in UTF-16\n"
    for bigEndian in [false, true] {
      let decoded = SourceDecoder.decode(utf16(text, bigEndian: bigEndian))
      XCTAssertEqual(decoded.text, text)
      XCTAssertEqual(decoded.encoding, bigEndian ? .utf16BigEndian : .utf16LittleEndian)
      XCTAssertEqual(decoded.invalidBytes, 0)
      XCTAssertFalse(decoded.looksBinary, "valid UTF-16 with a BOM is text")
    }
  }

  func testUTF16LoneSurrogatesAndAnOddLastByteAreReplacedAndCounted() {
    // A genuine U+FFFD in the file is text, not an error; a lone high surrogate is one.
    var input =
      utf16("a\u{FFFD}", bigEndian: false) + [0x00, 0xD8] + utf16("b", bigEndian: false, mark: false)
    input.append(0x41)
    let decoded = SourceDecoder.decode(input)
    XCTAssertEqual(decoded.text, "a\u{FFFD}\u{FFFD}b\u{FFFD}")
    XCTAssertEqual(decoded.invalidBytes, 3)
    let big =
      utf16("x", bigEndian: true) + [0xDC, 0x00, 0xDC, 0x01] + utf16("y", bigEndian: true, mark: false)
    XCTAssertEqual(SourceDecoder.decode(big).text, "x\u{FFFD}\u{FFFD}y")
    XCTAssertEqual(SourceDecoder.decode(big).notice?.text(in: .english), "4 invalid bytes replaced")
  }

  func testCRLFAndLoneCRAreLineEnds() {
    let input = bytes("one\r\ntwo\rthree\n\r\nfour\r\r") + [0xFF, 0x0D, 0x0A] + bytes("five")
    XCTAssertEqual(SourceDecoder.decode(input).text, "one\ntwo\nthree\n\nfour\n\n\u{FFFD}\nfive")
    let text = "一\r\n二\r三"
    XCTAssertEqual(SourceDecoder.decode(utf16(text, bigEndian: true)).text, "一\n二\n三")
    let document = PlainTextParser().parse(SourceDecoder.decode(bytes("a\r\nb\r\n\r\nc")).text, title: "t")
    XCTAssertEqual(document.blocks.count, 2, "a blank CRLF line separates paragraphs")
  }

  func testNULBecomesAReplacementCharacterAndIsNoted() {
    let decoded = SourceDecoder.decode(bytes("# Title\n\nfoo") + [0] + bytes("bar") + [0] + bytes("\n"))
    XCTAssertEqual(decoded.text, "# Title\n\nfoo\u{FFFD}bar\u{FFFD}\n")
    XCTAssertEqual(decoded.nulCharacters, 2)
    XCTAssertEqual(decoded.notice?.text(in: .english), "2 NUL characters replaced")
    XCTAssertFalse(decoded.looksBinary, "two stray NULs in a short text file do not make it binary")
    XCTAssertFalse(SourceDecoder.decode([0x41, 0, 0x42]).looksBinary)
    let utf16NUL = SourceDecoder.decode(utf16("a\u{0}b", bigEndian: false))
    XCTAssertEqual(utf16NUL.text, "a\u{FFFD}b")
    XCTAssertEqual(utf16NUL.nulCharacters, 1)
  }

  func testExecutablesImagesAndRandomDataLookBinary() {
    var elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
    elf += Array(repeating: 0, count: 56) + bytes("GCC: (Debian) /lib64/ld-linux-x86-64.so.2")
    XCTAssertTrue(SourceDecoder.decode(elf).looksBinary)
    let png: [UInt8] = [
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
    ]
    var random = SeededGenerator(seed: 42)
    let compressed = png + (0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }
    XCTAssertTrue(SourceDecoder.decode(compressed).looksBinary)
    let table: [UInt8] = (0..<300).map { UInt8($0 % 4) }
    XCTAssertTrue(SourceDecoder.decode(table).looksBinary, "a short file of small integers")
  }

  func testUTF16WithoutAByteOrderMarkIsTextNotBinary() {
    let text = "plain ASCII without a byte order mark, 還有中文。\n"
    for bigEndian in [false, true] {
      let decoded = SourceDecoder.decode(utf16(text, bigEndian: bigEndian, mark: false))
      XCTAssertEqual(decoded.text, text)
      XCTAssertFalse(decoded.looksBinary)
    }
  }

  func testTextNeverLooksBinaryWhateverItsScriptOrHostileContent() {
    let cjk = String(repeating: "大家好，這裡是最佳拍檔。「引號」😀\n", count: 400)
    XCTAssertFalse(SourceDecoder.decode(bytes(cjk)).looksBinary)
    let big5ish: [UInt8] = (0..<8192).map { UInt8(0x81 + $0 % 0x7E) }
    XCTAssertFalse(SourceDecoder.decode(big5ish).looksBinary, "another encoding is replaced, not refused")
    let escapes = "# Title \u{1B}]0;pwned\u{7}\n\nColoured \u{1B}[31mred\u{1B}[0m text\tand a tab.\u{C}\n"
    XCTAssertFalse(SourceDecoder.decode(bytes(escapes)).looksBinary)
    // The sample is only the first 8 KB: controls after it do not count.
    let lateControls = bytes(String(repeating: "text ", count: 2000)) + Array(repeating: 1, count: 5000)
    XCTAssertFalse(SourceDecoder.decode(lateControls).looksBinary)
  }

  func testEmptyFilesAndByteOrderMarksAloneAreEmpty() {
    for input: [UInt8] in [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], bytes("\n \r\n\t")] {
      let decoded = SourceDecoder.decode(input)
      XCTAssertTrue(decoded.isEmpty, "\(input)")
      XCTAssertFalse(decoded.looksBinary)
      XCTAssertTrue(MarkdownParser().parse(decoded.text, title: "t").isEmpty)
    }
  }

  func testAnEmptyDocumentShowsEmptyDocumentInTheBody() {
    let document = MarkdownParser().parse(SourceDecoder.decode([]).text, title: "empty.md")
    let state = ReaderState(document: document, size: TerminalSize(width: 50, height: 6))
    let frame = FrameRenderer.render(state)
    let body = state.geometry.body
    let cells = frame.rows[0][body.x..<body.x + body.width]
    XCTAssertEqual(
      cells.map(\.text).joined(),
      Document.emptyMessage.padding(toLength: body.width, withPad: " ", startingAt: 0))
    XCTAssertTrue(frame.text(ofRow: 5).hasPrefix(" empty.md"))
    for height in 1...3 {
      for width in 1...12 {
        let small = FrameRenderer.render(
          ReaderState(document: document, size: TerminalSize(width: width, height: height)))
        XCTAssertEqual(small.rows.count, height)
      }
    }
  }

  func testTheNoticeStaysOnTheStatusLineUntilAKeyIsPressed() {
    var document = MarkdownParser().parse("# Title\n\nText \u{FFFD}\n", title: "bad.md")
    document.notice = SourceDecoder.decode([0x41, 0xFF, 0xFF, 0xFF]).notice
    var state = ReaderState(document: document, size: TerminalSize(width: 80, height: 10))
    state = Reducer.reduce(state, .resize(TerminalSize(width: 70, height: 10)))
    XCTAssertTrue(FrameRenderer.render(state).text(ofRow: 9).contains("3 invalid bytes replaced"))
    state = Reducer.reduce(state, .key(.character("j")))
    XCTAssertFalse(FrameRenderer.render(state).text(ofRow: 9).contains("invalid"))
  }
}
