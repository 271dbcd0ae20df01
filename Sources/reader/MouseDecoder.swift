import ReaderCore

/// Turns the fields of a terminal's mouse report into the core's `MouseEvent`.
///
/// The reader asks for button reports (mode 1000) in the SGR encoding (mode 1006), `ESC [ <
/// b ; x ; y M` for a press and `... m` for a release, which has no limit on the column (the
/// older X10 encoding, `ESC [ M` and three bytes, stops at column 223); X10 is still read from a
/// terminal that ignores 1006. Button codes 64 and 65 are the wheel. The left button counts once
/// per click, on its press; a release does nothing, so a press and its release are not two
/// clicks. Other buttons, horizontal wheels and motion are ignored, and a modifier (Shift, Alt,
/// Ctrl) neither stops a click nor the wheel. The terminal keeps Shift+drag for its own text
/// selection and never reports it.
enum MouseDecoder {
  /// The modifier bits of a button code: Shift, Meta, Ctrl.
  private static let modifiers = 4 | 8 | 16
  /// Set for motion while a button is held; the reader never asks for it.
  private static let motion = 32
  /// Set for wheel buttons (4 to 7: up, down, left, right).
  private static let wheel = 64
  /// Set for buttons 8 to 11, which nothing here uses.
  private static let extraButtons = 128

  /// The event for a report with button code `button` at the 1-based `column` and `row`, or nil
  /// when the reader does nothing with it.
  static func decode(button: Int, column: Int, row: Int, released: Bool) -> MouseEvent? {
    guard column >= 1, row >= 1, button >= 0 else { return nil }
    let code = button & ~modifiers
    if code & (motion | extraButtons) != 0 { return nil }
    if code & wheel != 0 {
      // A wheel has no release worth acting on; some terminals send one anyway.
      guard !released else { return nil }
      switch code & 3 {
      case 0: return MouseEvent(.wheelUp, column: column - 1, row: row - 1)
      case 1: return MouseEvent(.wheelDown, column: column - 1, row: row - 1)
      default: return nil
      }
    }
    guard !released, code == 0 else { return nil }
    return MouseEvent(.press, column: column - 1, row: row - 1)
  }

  /// The parameters of an SGR report, `b;x;y`, as they came before its final `M` or `m`.
  static func decodeSGR(_ parameters: String, final: Character) -> MouseEvent? {
    guard final == "M" || final == "m" else { return nil }
    let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
    guard fields.count == 3 else { return nil }
    var numbers: [Int] = []
    for field in fields {
      // Five digits are more columns than any terminal has; more is not a report.
      guard (1...5).contains(field.count), let number = Int(field) else { return nil }
      numbers.append(number)
    }
    return decode(button: numbers[0], column: numbers[1], row: numbers[2], released: final == "m")
  }

  /// The three values after `ESC [ M` in the X10 encoding, each the field plus 32.
  static func decodeX10(_ values: [UInt32]) -> MouseEvent? {
    guard values.count == 3, values.allSatisfy({ $0 >= 32 && $0 < 0x11_0000 }) else { return nil }
    let button = Int(values[0]) - 32
    // Button code 3 is the X10 release of whichever button.
    let released = button & ~modifiers & 3 == 3 && button & wheel == 0
    return decode(
      button: released ? button & ~3 : button, column: Int(values[1]) - 32, row: Int(values[2]) - 32,
      released: released)
  }
}
