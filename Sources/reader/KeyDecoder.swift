import CNcurses
import ReaderCore

/// Turns ncurses key codes into the core's `Key` values (mouse reports are `MouseReportScanner`'s).
enum KeyDecoder {
  static func decode(code: Int32, isFunctionKey: Bool) -> InputEvent? {
    if isFunctionKey {
      switch code {
      case KEY_UP: return .key(.up)
      case KEY_DOWN: return .key(.down)
      case KEY_LEFT: return .key(.left)
      case KEY_RIGHT: return .key(.right)
      case KEY_PPAGE: return .key(.pageUp)
      case KEY_NPAGE: return .key(.pageDown)
      case KEY_HOME, KEY_FIND: return .key(.home)
      case KEY_END, KEY_SELECT: return .key(.end)
      case KEY_ENTER: return .key(.enter)
      case KEY_BTAB: return .key(.backTab)
      case KEY_BACKSPACE: return .key(.backspace)
      case KEY_DC: return .key(.delete)
      case reader_key_resize(): return .resize
      default: return nil
      }
    }
    switch code {
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 0x60))))
    default:
      guard code >= 32, let scalar = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
      return .key(.character(Character(scalar)))
    }
  }
}
