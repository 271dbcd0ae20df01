import ReaderCore
import XCTest

@testable import reader

/// Mouse reports in the input, whole, split or broken, never reach the key decoder as keys.
final class MouseReportScannerTests: XCTestCase {
  private let sgr: Int32 = 600
  private let x10: Int32 = 601

  /// Feeds `text` one scalar at a time after `introducer`, as `get_wch` returns it.
  private func scan(
    _ scanner: inout MouseReportScanner, _ text: String, after introducer: Int32? = nil
  ) -> [MouseReportScanner.Scanned] {
    var scanned: [MouseReportScanner.Scanned] = []
    if let introducer { scanned += scanner.feed(.functionKey(introducer)) }
    for scalar in text.unicodeScalars { scanned += scanner.feed(.character(scalar.value)) }
    return scanned
  }

  private func keys(_ text: String) -> [MouseReportScanner.Scanned] {
    text.unicodeScalars.map { .raw(.character($0.value)) }
  }

  func testAWholeReportIsOneEventAndNoKeys() {
    var scanner = MouseReportScanner(sgrIntroducer: sgr, x10Introducer: x10)
    XCTAssertEqual(scan(&scanner, "0;241;10M", after: sgr), [.mouse(MouseEvent(.press, column: 240, row: 9))])
    XCTAssertEqual(scan(&scanner, "0;241;10m", after: sgr), [], "the release does nothing")
    XCTAssertNil(scanner.followUpMilliseconds, "nothing is left open")
    XCTAssertEqual(scan(&scanner, "jq"), keys("jq"), "keys after it are keys")
  }

  func testAReportSplitAfterItsIntroducerDropsTheLateTail() {
    var scanner = MouseReportScanner(sgrIntroducer: sgr, x10Introducer: x10)
    XCTAssertEqual(scan(&scanner, "0;24", after: sgr), [])
    XCTAssertEqual(scanner.followUpMilliseconds, MouseReportScanner.reportMilliseconds)
    XCTAssertEqual(scanner.feed(.timeout), [], "a wait that ran out mid-report is no tick")
    XCTAssertEqual(scanner.followUpMilliseconds, MouseReportScanner.tailMilliseconds)
    XCTAssertEqual(scan(&scanner, "0;5m"), [], "the tail that came late is not typed (m is a key)")
    XCTAssertEqual(scan(&scanner, "m"), keys("m"), "after its end, m is a key again")
  }

  func testTheTailIsDroppedOnlyUntilTheNextWaitRunsOut() {
    var scanner = MouseReportScanner(sgrIntroducer: sgr, x10Introducer: x10)
    _ = scan(&scanner, "0;2", after: sgr)
    _ = scanner.feed(.timeout)
    XCTAssertEqual(scan(&scanner, "4"), [])
    XCTAssertEqual(scanner.feed(.timeout), [])
    XCTAssertNil(scanner.followUpMilliseconds)
    XCTAssertEqual(scan(&scanner, "5m"), keys("5m"))
  }

  func testAReportThatLostItsEscapeIsStillAReport() {
    var scanner = MouseReportScanner(sgrIntroducer: sgr, x10Introducer: x10)
    XCTAssertEqual(scan(&scanner, "[<65;60;10M"), [.mouse(MouseEvent(.wheelDown, column: 59, row: 9))])
    XCTAssertEqual(scan(&scanner, "[j"), keys("[j"), "a [ typed before another key is that key")
    XCTAssertEqual(scan(&scanner, "["), [])
    XCTAssertEqual(scanner.feed(.timeout), keys("["), "a [ alone is the key once the wait runs out")
  }

  func testABrokenReportGivesWayToWhatFollows() {
    var scanner = MouseReportScanner(sgrIntroducer: sgr, x10Introducer: x10)
    XCTAssertEqual(
      scan(&scanner, "0;2", after: sgr) + scan(&scanner, "65;60;10M", after: sgr),
      [.mouse(MouseEvent(.wheelDown, column: 59, row: 9))], "a second report's introducer starts afresh")
    XCTAssertEqual(
      scan(&scanner, "0;2", after: sgr) + scan(&scanner, "q"), keys("q"), "q is no part of a report")
    XCTAssertEqual(
      scan(&scanner, "0;2", after: sgr) + scanner.feed(.functionKey(410)), [.raw(.functionKey(410))],
      "nor is a resize")
    XCTAssertEqual(scan(&scanner, String(repeating: "1", count: 40), after: sgr) + scan(&scanner, "M"), [])
    XCTAssertEqual(scan(&scanner, "q"), keys("q"), "an overlong report is dropped whole")
  }

  func testX10ReportsAreThreeValues() {
    var scanner = MouseReportScanner(sgrIntroducer: sgr, x10Introducer: x10)
    XCTAssertEqual(
      scan(&scanner, "\u{20}\u{2D}\u{21}", after: x10), [.mouse(MouseEvent(.press, column: 12, row: 0))])
    XCTAssertEqual(
      scan(&scanner, "\u{20}\u{2D}", after: x10) + scanner.feed(.timeout) + scan(&scanner, "j"), keys("j"))
  }

  func testQuietInputIsATick() {
    var scanner = MouseReportScanner(sgrIntroducer: sgr, x10Introducer: x10)
    XCTAssertEqual(scanner.feed(.timeout), [.raw(.timeout)])
  }
}

/// Sequences ncurses knows as no key come as ESC and characters; the scanner drops them whole.
final class UnknownSequenceScannerTests: XCTestCase {
  private func scan(_ text: String) -> [MouseReportScanner.Scanned] {
    var scanner = MouseReportScanner(sgrIntroducer: 600, x10Introducer: 601)
    var scanned: [MouseReportScanner.Scanned] = []
    for scalar in text.unicodeScalars { scanned += scanner.feed(.character(scalar.value)) }
    // The wait for what may follow runs out.
    if scanner.followUpMilliseconds != nil { scanned += scanner.feed(.timeout) }
    return scanned
  }

  func testACursorPositionReportIsPassedOnAndNeverTyped() {
    XCTAssertEqual(
      scan("\u{1B}[24;3R"), [.cursorReport(row: 24, column: 3)],
      "not Escape, [ (previous heading), digits and R")
    XCTAssertEqual(
      scan("\u{1B}[24;3Rj"), [.cursorReport(row: 24, column: 3), .raw(.character(0x6A))],
      "the key after it is a key")
    for malformed in ["\u{1B}[24R", "\u{1B}[;3R", "\u{1B}[24;3;1R", "\u{1B}[1234567;3R", "\u{1B}[2?4;3R"] {
      XCTAssertEqual(scan(malformed), [], "dropped whole: \(malformed.debugDescription)")
    }
  }

  func testOtherUnknownSequencesAreDroppedAndSGRStillCounts() {
    XCTAssertEqual(scan("\u{1B}[I\u{1B}[O"), [], "focus in and out")
    XCTAssertEqual(scan("\u{1B}[<0;5;3M"), [.mouse(MouseEvent(.press, column: 4, row: 2))])
  }

  func testTheEscapeKeyAloneIsStillTheEscapeKey() {
    XCTAssertEqual(scan("\u{1B}"), [.raw(.character(0x1B))])
    XCTAssertEqual(
      scan("\u{1B}j"), [.raw(.character(0x1B)), .raw(.character(0x6A))], "Alt-j: Escape, then j")
  }
}
