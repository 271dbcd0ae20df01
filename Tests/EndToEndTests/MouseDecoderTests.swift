import ReaderCore
import XCTest

@testable import reader

/// Mouse reports as terminals send them (SGR `b;x;y` and X10 bytes) and what the reader makes of them.
final class MouseDecoderTests: XCTestCase {
  func testWheelScrollsAtThePointer() {
    XCTAssertEqual(MouseDecoder.decodeSGR("64;71;5", final: "M"), MouseEvent(.wheelUp, column: 70, row: 4))
    XCTAssertEqual(MouseDecoder.decodeSGR("65;4;16", final: "M"), MouseEvent(.wheelDown, column: 3, row: 15))
    XCTAssertEqual(
      MouseDecoder.decodeSGR("69;4;16", final: "M"), MouseEvent(.wheelDown, column: 3, row: 15),
      "Shift does not stop the wheel")
    XCTAssertNil(MouseDecoder.decodeSGR("66;4;16", final: "M"), "a horizontal wheel does nothing")
    XCTAssertNil(MouseDecoder.decodeSGR("65;4;16", final: "m"), "a wheel release is not a second turn")
  }

  func testColumnsPastTheOldLimitOf223() {
    XCTAssertEqual(MouseDecoder.decodeSGR("0;241;10", final: "M"), MouseEvent(.press, column: 240, row: 9))
    XCTAssertEqual(
      MouseDecoder.decodeSGR("65;1000;300", final: "M"), MouseEvent(.wheelDown, column: 999, row: 299))
  }

  func testTheLeftButtonPressesOnceAClick() {
    XCTAssertEqual(MouseDecoder.decodeSGR("0;13;1", final: "M"), MouseEvent(.press, column: 12, row: 0))
    XCTAssertEqual(
      MouseDecoder.decodeSGR("16;13;1", final: "M"), MouseEvent(.press, column: 12, row: 0), "Ctrl+click")
    XCTAssertNil(MouseDecoder.decodeSGR("0;13;1", final: "m"), "a release is not a click")
    XCTAssertNil(MouseDecoder.decodeSGR("32;13;1", final: "M"), "a drag is not a click")
  }

  func testOtherButtonsAndNonsenseAreIgnored() {
    for parameters in [
      "2;5;5", "1;5;5", "128;5;5", "0;0;5", "0;5;0", "0;5", "0;5;5;5", "", ";;", "0;;5", "0;123456;5",
      "-1;5;5",
    ] {
      XCTAssertNil(MouseDecoder.decodeSGR(parameters, final: "M"), parameters)
    }
    XCTAssertNil(MouseDecoder.decodeSGR("0;5;5", final: "x"))
  }

  func testX10ReportsFromATerminalWithoutSGR() {
    XCTAssertEqual(MouseDecoder.decodeX10([32, 33 + 12, 33]), MouseEvent(.press, column: 12, row: 0))
    XCTAssertEqual(MouseDecoder.decodeX10([96 + 1, 33, 33 + 4]), MouseEvent(.wheelDown, column: 0, row: 4))
    XCTAssertNil(MouseDecoder.decodeX10([32 + 3, 40, 40]), "the X10 release")
    XCTAssertNil(MouseDecoder.decodeX10([32, 20, 40]), "no column 0")
    XCTAssertNil(MouseDecoder.decodeX10([32, 40]))
  }
}
