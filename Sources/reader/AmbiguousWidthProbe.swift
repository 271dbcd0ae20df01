import Dispatch
import FoundationEssentials
import Glibc
import ReaderCore

/// Asks the terminal how wide it draws an East Asian Ambiguous character: `“` is written at the
/// start of the line, then a cursor position request (`ESC [ 6 n`); the column in the answer
/// (`ESC [ row ; column R`) is 2 after one cell, 3 after two. The line is blanked afterwards.
///
/// Runs before ncurses starts, with the terminal briefly in non-canonical mode so the answer is
/// neither echoed nor held for a newline. A terminal that does not answer within
/// `timeoutMilliseconds` is taken as narrow; an answer that comes later is dropped by
/// `MouseReportScanner` (any CSI sequence ncurses does not know), never read as keys. Keys typed
/// while it waits are read with the answer; they are handed on (`Answer.typedAhead`) for the
/// terminal to give ncurses back, so none is lost.
enum AmbiguousWidthProbe {
  /// What the probe found: the width, if the terminal said, and what was typed meanwhile.
  struct Answer: Equatable {
    var width: AmbiguousWidth?
    var typedAhead: [UInt8] = []
  }

  static let timeoutMilliseconds = 100
  /// The ambiguous character whose width is asked.
  static let character = "\u{201C}"
  /// What is written: carriage return, the ambiguous character, the request.
  static let request = "\r" + character + "\u{1B}[6n"
  /// What blanks the line again.
  static let cleanUp = "\r\u{1B}[K"

  /// A probe on a thread of its own, so that the first document is read meanwhile.
  final class Running: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var answer = Answer(width: nil)

    fileprivate init(_ work: @escaping @Sendable () -> Answer) {
      BackgroundThread.start { [self] in
        answer = work()
        finished.signal()
      }
    }

    /// Waits for the probe (at most its timeout) and returns its answer.
    func wait() -> Answer {
      finished.wait()
      finished.signal()
      return answer
    }
  }

  /// Starts `run` on another thread; `closing` is closed once it is done.
  static func start(input: Int32, output: Int32, closing: Bool) -> Running {
    Running {
      defer { if closing { close(input) } }
      return run(input: input, output: output)
    }
  }

  /// The terminal's width for ambiguous characters (nil when it did not say in time), and the
  /// other bytes read meanwhile.
  static func run(input: Int32, output: Int32, timeoutMilliseconds: Int = timeoutMilliseconds) -> Answer {
    var saved = termios()
    guard tcgetattr(input, &saved) == 0 else { return Answer(width: nil) }
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
    withUnsafeMutableBytes(of: &quiet.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(input, TCSANOW, &quiet) == 0 else { return Answer(width: nil) }
    defer {
      write(output, cleanUp)
      _ = tcsetattr(input, TCSANOW, &saved)
    }
    write(output, request)
    var received: [UInt8] = []
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000
    var buffer = [UInt8](repeating: 0, count: 64)
    while received.count < 256 {
      let now = DispatchTime.now().uptimeNanoseconds
      guard now < deadline else { break }
      var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let wait = Int32(max(1, (deadline - now) / 1_000_000))
      guard poll(&descriptor, 1, wait) > 0 else { break }
      let count = read(input, &buffer, buffer.count)
      guard count > 0 else { break }
      received += buffer[0..<count]
      if let reply = reply(in: received) {
        received.removeSubrange(reply.range)
        return Answer(width: reply.width, typedAhead: received)
      }
    }
    return Answer(width: nil, typedAhead: received)
  }

  /// The width a report tells of the character written at the start of a row: the cursor is
  /// then in column 2 after one cell, 3 after two (nil for any other column).
  static func width(atColumn column: Int) -> AmbiguousWidth? {
    column == 2 ? .narrow : column == 3 ? .wide : nil
  }

  /// The width a cursor position report in `bytes` tells, once a whole one is there.
  static func width(fromReply bytes: [UInt8]) -> AmbiguousWidth? {
    reply(in: bytes)?.width
  }

  /// The first whole `ESC [ row ; column R` in `bytes` (keys typed meanwhile may come before and
  /// after it), where it is and the width its column tells (nil for a column not 2 or 3).
  private static func reply(in bytes: [UInt8]) -> (range: Range<Int>, width: AmbiguousWidth?)? {
    var start = bytes.startIndex
    while let escape = bytes[start...].firstIndex(of: 0x1B) {
      start = escape + 1
      guard escape + 1 < bytes.count, bytes[escape + 1] == UInt8(ascii: "[") else { continue }
      var index = escape + 2
      var fields: [Int] = [0]
      var digits = 0
      while index < bytes.count, digits < 6 {
        let byte = bytes[index]
        if (0x30...0x39).contains(byte) {
          fields[fields.count - 1] = fields[fields.count - 1] * 10 + Int(byte - 0x30)
          digits += 1
        } else if byte == UInt8(ascii: ";"), digits > 0, fields.count == 1 {
          fields.append(0)
          digits = 0
        } else {
          break
        }
        index += 1
      }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "R"), fields.count == 2, digits > 0 else {
        continue
      }
      return (escape..<(index + 1), width(atColumn: fields[1]))
    }
    return nil
  }

  private static func write(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeMutableBytes {
        Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written)
      }
      if count <= 0 { return }
      written += count
    }
  }
}
