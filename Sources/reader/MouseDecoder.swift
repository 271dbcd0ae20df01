import CNcurses
import ReaderCore

/// Turns an ncurses mouse report (`getmouse`'s MEVENT) into the core's `MouseEvent`.
///
/// Buttons 4 and 5 are the wheel (ncurses mouse version 2). The left button counts once per
/// click: its press, or a click or double click that ncurses put together from a press and a
/// release; a release alone does nothing, so a press followed by its release is not two clicks.
/// Everything else (middle and right buttons, bare movement) is ignored. The terminal keeps
/// Shift+drag for its own text selection and never reports it.
enum MouseDecoder {
  static func decode(_ event: MEVENT) -> MouseEvent? {
    decode(x: Int(event.x), y: Int(event.y), buttons: event.bstate)
  }

  static func decode(x: Int, y: Int, buttons: mmask_t) -> MouseEvent? {
    guard x >= 0, y >= 0 else { return nil }
    if buttons & reader_mouse_wheel_up() != 0 { return MouseEvent(.wheelUp, column: x, row: y) }
    let wheelDown = reader_mouse_wheel_down()
    if wheelDown != 0 && buttons & wheelDown != 0 { return MouseEvent(.wheelDown, column: x, row: y) }
    let leftClick =
      reader_mouse_button1_pressed() | reader_mouse_button1_clicked() | reader_mouse_button1_double_clicked()
      | reader_mouse_button1_triple_clicked()
    if buttons & leftClick != 0 { return MouseEvent(.press, column: x, row: y) }
    return nil
  }

  /// The events to ask ncurses for with `mousemask`: no releases, no movement, so nothing is
  /// reported that `decode` would drop. With `mouseinterval(0)` a press arrives at once
  /// instead of after ncurses waits to see whether it becomes a click.
  static var wantedEvents: mmask_t {
    reader_mouse_button1_pressed() | reader_mouse_wheel_up() | reader_mouse_wheel_down()
  }
}
