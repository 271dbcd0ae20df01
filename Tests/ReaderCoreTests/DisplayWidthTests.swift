import CNcurses
import Glibc
import XCTest

@testable import ReaderCore

final class DisplayWidthTests: XCTestCase {
  func testWidthsOfTheCharactersThatDecideTheLayout() {
    XCTAssertEqual(DisplayWidth.of("中"), 2)
    XCTAssertEqual(DisplayWidth.of("，"), 2)
    XCTAssertEqual(DisplayWidth.of("\u{20000}"), 2)
    XCTAssertEqual(DisplayWidth.of("한"), 2)
    XCTAssertEqual(DisplayWidth.of("😀"), 2)
    XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2)
    XCTAssertEqual(DisplayWidth.of("“"), 1)
    XCTAssertEqual(DisplayWidth.of("…"), 1)
    XCTAssertEqual(DisplayWidth.of("\u{200B}" as Unicode.Scalar), 0)
    XCTAssertEqual(DisplayWidth.of("\u{0301}" as Unicode.Scalar), 0)
    XCTAssertEqual(DisplayWidth.of("\u{1B}" as Unicode.Scalar), -1)
    XCTAssertEqual(DisplayWidth.of("👍🏻"), 4)
    XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 6)
    XCTAssertEqual(DisplayWidth.of("🇹🇼"), 2)
  }

  /// The generated table must agree with the glibc that ncurses uses on this machine.
  func testTableMatchesGlibcWcwidthForEveryScalar() throws {
    let previous = String(cString: setlocale(LC_CTYPE, nil))
    defer { setlocale(LC_CTYPE, previous) }
    guard setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil else {
      return XCTFail("no C.UTF-8 locale on this machine")
    }
    var mismatches: [String] = []
    for value in UInt32(1)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected = Int(wcwidth(wchar_t(bitPattern: value)))
      if DisplayWidth.of(scalar) != expected && mismatches.count < 10 {
        mismatches.append(String(value, radix: 16))
      }
    }
    XCTAssertEqual(mismatches, [], "scalars where the table and glibc disagree")
    // The ambiguous characters the wide mode widens are all ones glibc draws in one column.
    var ambiguous = 0
    for value in UInt32(1)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value), DisplayWidth.isAmbiguous(scalar) else { continue }
      ambiguous += 1
      if wcwidth(wchar_t(bitPattern: value)) != 1 && mismatches.count < 10 {
        mismatches.append(String(value, radix: 16))
      }
    }
    XCTAssertEqual(mismatches, [], "ambiguous scalars that glibc does not measure as 1")
    XCTAssertGreaterThan(ambiguous, 800, "“ ” … ° ① and the rest of Unicode's list")
  }

  /// The shortcut for CJK punctuation and fullwidth forms gives what the tables give, whatever the
  /// ambiguous width: none of those scalars is ambiguous or combining.
  func testThePunctuationShortcutAgreesWithTheTablesInBothAmbiguousWidths() {
    var covered = 0
    for value in UInt32(0x2000)...0xFFFF where DisplayWidth.isWideCJKPunctuation(value) {
      covered += 1
      XCTAssertEqual(DisplayWidth.tableWidth(value, wideAmbiguous: false), 2, String(value, radix: 16))
      XCTAssertEqual(DisplayWidth.tableWidth(value, wideAmbiguous: true), 2, String(value, radix: 16))
    }
    XCTAssertEqual(covered, 0x2A + 0x60, "U+3000-3029 and U+FF01-FF60")
    XCTAssertEqual(DisplayWidth.of("「測試」，完。", ambiguous: .wide), 14)
  }

  /// A string measured a byte at a time is as wide as the sum of its scalars, in both
  /// ambiguous widths: ASCII controls, accents, CJK, emoji, ambiguous punctuation, every length
  /// of UTF-8.
  func testAStringIsAsWideAsItsScalars() {
    var generator = SeededGenerator(seed: 21)
    let pieces = [
      "a", " ", "~", "\u{7F}", "\u{1B}", "\t", "\n", "é", "e\u{301}", "中", "一", "鿿", "\u{3000}", "。", "“",
      "°", "①", "한", "ｱ", "👩\u{200D}💻", "\u{200B}", "\u{AD}", "\u{E000}", "𠀀", "\u{FFFD}", "\u{85}",
    ]
    for _ in 0..<2_000 {
      let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      for ambiguous in [AmbiguousWidth.narrow, .wide] {
        let sum = text.unicodeScalars.reduce(0) { $0 + max(0, DisplayWidth.of($1, ambiguous: ambiguous)) }
        XCTAssertEqual(
          DisplayWidth.of(text, ambiguous: ambiguous), sum, "\(text.debugDescription) \(ambiguous)")
      }
    }
  }
}
