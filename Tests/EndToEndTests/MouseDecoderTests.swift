import CNcurses
import ReaderCore
import XCTest

@testable import reader

/// Mouse reports as ncurses gives them (MEVENT button masks) and what the reader makes of them.
final class MouseDecoderTests: XCTestCase {
  private func event(x: Int32, y: Int32, _ buttons: mmask_t) -> MEVENT {
    MEVENT(id: 0, x: x, y: y, z: 0, bstate: buttons)
  }

  func testWheelScrollsAtThePointer() {
    XCTAssertNotEqual(reader_mouse_wheel_down(), 0, "this ncurses reports button 5 (the wheel down)")
    XCTAssertEqual(
      MouseDecoder.decode(event(x: 70, y: 4, reader_mouse_wheel_up())),
      MouseEvent(.wheelUp, column: 70, row: 4))
    XCTAssertEqual(
      MouseDecoder.decode(event(x: 3, y: 15, reader_mouse_wheel_down())),
      MouseEvent(.wheelDown, column: 3, row: 15))
    XCTAssertEqual(
      MouseDecoder.decode(event(x: 3, y: 15, reader_mouse_wheel_down() | reader_mouse_shift())),
      MouseEvent(.wheelDown, column: 3, row: 15), "a modifier does not stop the wheel")
  }

  func testLeftButtonPressesOnceAClick() {
    for buttons in [
      reader_mouse_button1_pressed(), reader_mouse_button1_clicked(), reader_mouse_button1_double_clicked(),
      reader_mouse_button1_triple_clicked(),
    ] {
      XCTAssertEqual(
        MouseDecoder.decode(event(x: 12, y: 0, buttons)), MouseEvent(.press, column: 12, row: 0),
        "mask \(String(buttons, radix: 16))")
    }
    XCTAssertNil(
      MouseDecoder.decode(event(x: 12, y: 0, reader_mouse_button1_released())), "a release is not a click")
  }

  func testOtherButtonsAndNonsenseAreIgnored() {
    XCTAssertNil(MouseDecoder.decode(event(x: 1, y: 1, reader_mouse_button3_pressed())))
    XCTAssertNil(MouseDecoder.decode(event(x: 1, y: 1, 0)))
    XCTAssertNil(MouseDecoder.decode(event(x: -1, y: 1, reader_mouse_button1_pressed())))
    XCTAssertNil(MouseDecoder.decode(event(x: 1, y: -1, reader_mouse_wheel_up())))
  }

  func testTheMaskAskedForHoldsOnlyWhatIsDecoded() {
    let wanted = MouseDecoder.wantedEvents
    XCTAssertEqual(wanted & reader_mouse_button1_released(), 0, "releases would come as a second event")
    for buttons in [reader_mouse_wheel_up(), reader_mouse_wheel_down(), reader_mouse_button1_pressed()] {
      XCTAssertNotEqual(wanted & buttons, 0)
      XCTAssertNotNil(MouseDecoder.decode(x: 0, y: 0, buttons: buttons))
    }
  }
}
