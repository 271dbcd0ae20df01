import XCTest

@testable import ReaderCore

/// The scalar-level line questions the plain-text parser asks give the answers the line's
/// Characters give, on lines built from the pieces that join or split graphemes.
final class PlainTextLineTests: XCTestCase {
  /// Spaces, ideographic space, tab and CR; letters and ideographs; and scalars that join the
  /// one before them (combining acute, ZWJ, variation selector, Hangul vowel, regional indicator).
  static let pieces: [String] = [
    " ", " ", "\u{3000}", "\t", "\r", "a", "中", "國", "，", "é", "\u{301}", "\u{200D}", "\u{FE0F}",
    "\u{1100}", "\u{1161}", "🇹", "🇼", "👩", "\u{00A0}", "\u{2028}", "1", "第",
  ]

  static func randomLines(count: Int, seed: UInt64) -> [Substring] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...6, using: &generator)
      let line = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
      // A slice from inside a longer string, as the parser's lines are.
      return ("x\n" + line + "\ny").dropFirst(2).dropLast(2)
    }
  }

  func testBlankAndFirstVisibleAgreeWithCharacters() {
    for line in Self.randomLines(count: 20_000, seed: 13) {
      let expected = line.first(where: { !$0.isWhitespace })?.unicodeScalars.first
      XCTAssertEqual(PlainTextLine.firstVisibleScalar(line), expected, "\(line.unicodeScalars.map(\.value))")
      XCTAssertEqual(
        PlainTextLine.isBlank(line), line.allSatisfy(\.isWhitespace), "\(line.unicodeScalars.map(\.value))")
    }
  }

  func testIndentAgreesWithCharacters() {
    for line in Self.randomLines(count: 20_000, seed: 31) {
      for prefix in ["  ", "\u{3000}", " "] {
        XCTAssertEqual(
          PlainTextLine.hasPrefix(line, prefix), line.hasPrefix(prefix),
          "\(prefix.unicodeScalars.map(\.value)) in \(line.unicodeScalars.map(\.value))")
      }
    }
  }

  func testASpaceWithACombiningMarkIsNotAnIndent() {
    // " \u{301}" is one Character, an accented space: the line's second Character is not a
    // space, so it does not start with the two-space indent; a Character is whitespace by its
    // first scalar, so a line of accented spaces is blank as it always was.
    XCTAssertFalse(PlainTextLine.hasPrefix("  \u{301}第一章", "  "))
    XCTAssertTrue(PlainTextLine.hasPrefix("  第一章", "  "))
    XCTAssertTrue(PlainTextLine.hasPrefix("\u{3000}第一章", "\u{3000}"))
    XCTAssertFalse(PlainTextLine.hasPrefix("\u{3000}\u{301}第一章", "\u{3000}"))
    XCTAssertTrue(PlainTextLine.isBlank(" \u{3000}\t"))
    XCTAssertTrue(PlainTextLine.isBlank(" \u{301}"))
    XCTAssertFalse(PlainTextLine.isBlank(" \u{3000}。"))
  }

  func testLinesSplitAtEveryLineFeedButTheOneOfACarriageReturn() {
    var generator = SeededGenerator(seed: 7)
    let pieces = ["\n", "\r", "\r\n", "a", "中", "\u{301}", "\n\n"]
    for _ in 0..<2_000 {
      let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      // "\r\n" is one Character, so a split by Character keeps it whole as the parser does.
      let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
      XCTAssertEqual(PlainTextParser.lines(of: text), expected, "\(text.unicodeScalars.map(\.value))")
    }
  }

  /// The shortcut for the scalars that start most lines answers as the property table does, for
  /// every scalar.
  func testTheWhitespaceShortcutAgreesWithThePropertyForEveryScalar() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if PlainTextLine.isWhitespace(scalar) != scalar.properties.isWhitespace {
        XCTFail("U+\(String(value, radix: 16, uppercase: true))")
      }
    }
  }
}
