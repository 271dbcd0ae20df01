import ReaderCore

/// Takes mouse reports out of what `get_wch` returns, so that no part of one is read as keys.
///
/// Other terminal reports go the same way: an `ESC [` sequence that ncurses knows as no key (a
/// cursor position report that came after `AmbiguousWidthProbe` stopped waiting, focus events)
/// comes as `ESC` and the rest as characters, and is dropped whole rather than typed as `[`
/// (previous heading), digits and a letter. The `ESC` that starts one is held back for
/// `escapeMilliseconds` to see whether `[` follows at once; the Escape key alone comes after it.
///
/// ncurses is told that `ESC [ <` (SGR) and `ESC [ M` (X10) are two key codes of their own; the
/// rest of a report then comes as plain characters, which the scanner collects until the report
/// ends. A report can arrive split (a slow link, a terminal under load): while one is open the
/// terminal waits only `reportMilliseconds` for the rest, and when that runs out the part read
/// is dropped and, for `tailMilliseconds`, so are the digits, `;` and final `M` / `m` that may still
/// come. A report whose `ESC` ncurses already gave away as the Escape key (it came alone, after
/// the escape delay) is still caught by its `[ <`: a `[` is held back for one follow-up wait to
/// see whether `<` comes with it.
struct MouseReportScanner {
  /// One unit of input as `get_wch` returns it, or that it returned nothing in time.
  enum Raw: Equatable {
    case character(UInt32)
    case functionKey(Int32)
    case timeout
  }

  /// What the scanner passes on.
  enum Scanned: Equatable {
    case mouse(MouseEvent)
    /// A cursor position report (`ESC [ row ; column R`), the answer to a request the reader made.
    case cursorReport(row: Int, column: Int)
    /// Input that is not part of a report, for `KeyDecoder`.
    case raw(Raw)
  }

  private enum State: Equatable {
    case idle
    /// After `ESC [ <`: the parameters so far.
    case sgr(String)
    /// After `ESC [ M`: the values so far.
    case x10([UInt32])
    /// A `[` arrived alone; `<` next makes it a report that lost its `ESC`.
    case bracket
    /// A report broke off: what may still come of it is dropped until the next wait runs out.
    case discardingTail
    /// An `ESC` came as a character: `[` next starts a sequence ncurses did not know.
    case escape
    /// After `ESC [`: the parameter and intermediate bytes so far.
    case sequence(String)
  }

  /// The key code ncurses returns for `ESC [ <` (above every key code of its own).
  let sgrIntroducer: Int32
  /// The key code ncurses returns for `ESC [ M`.
  let x10Introducer: Int32
  private var state = State.idle

  /// How long to wait for the rest of a report that has started.
  static let reportMilliseconds: Int32 = 60
  /// How long the tail of a broken report is dropped after the last part of it came.
  static let tailMilliseconds: Int32 = 300
  /// How long an `ESC` waits for the `[` of a sequence; ncurses has already waited its escape
  /// delay for a sequence it knows, so the rest of one it does not know is there at once.
  static let escapeMilliseconds: Int32 = 10
  /// The longest unknown sequence dropped whole; a longer one is dropped as a broken report.
  private static let longestSequence = 32
  /// The longest parameter string of an SGR report (three five-digit numbers and two `;`).
  private static let longestParameters = 17

  init(sgrIntroducer: Int32, x10Introducer: Int32) {
    self.sgrIntroducer = sgrIntroducer
    self.x10Introducer = x10Introducer
  }

  /// How long the next read should wait, when a report (or a `[` that may begin one) is open
  /// and the rest should come at once; nil when nothing is open.
  var followUpMilliseconds: Int32? {
    switch state {
    case .idle: return nil
    case .discardingTail: return Self.tailMilliseconds
    case .escape: return Self.escapeMilliseconds
    default: return Self.reportMilliseconds
    }
  }

  /// Takes one unit of input and returns what it completes: nothing while a report is being
  /// read, a mouse event when one ends, or input that belongs to no report.
  mutating func feed(_ raw: Raw) -> [Scanned] {
    switch state {
    case .idle:
      return idle(raw)
    case .bracket:
      state = .idle
      if raw == .character(UInt32(("<" as Unicode.Scalar).value)) {
        state = .sgr("")
        return []
      }
      // A wait that ran out only means the `[` was typed: no tick for it.
      if raw == .timeout { return [.raw(.character(UInt32(("[" as Unicode.Scalar).value)))] }
      return [.raw(.character(UInt32(("[" as Unicode.Scalar).value)))] + idle(raw)
    case .sgr(let parameters):
      return sgr(parameters, raw)
    case .x10(let values):
      switch raw {
      case .character(let value):
        let values = values + [value]
        guard values.count == 3 else {
          state = .x10(values)
          return []
        }
        state = .idle
        return MouseDecoder.decodeX10(values).map { [.mouse($0)] } ?? []
      case .timeout:
        state = .idle
        return []
      case .functionKey:
        state = .idle
        return idle(raw)
      }
    case .escape:
      state = .idle
      if raw == .character(0x5B) {
        state = .sequence("")
        return []
      }
      if raw == .timeout { return [.raw(.character(0x1B))] }
      return [.raw(.character(0x1B))] + idle(raw)
    case .sequence(let bytes):
      return sequence(bytes, raw)
    case .discardingTail:
      switch raw {
      case .timeout:
        state = .idle
        return []
      case .character(let value) where Self.isParameter(value):
        return []
      case .character(let value) where Self.isFinal(value):
        state = .idle
        return []
      default:
        state = .idle
        return idle(raw)
      }
    }
  }

  private mutating func idle(_ raw: Raw) -> [Scanned] {
    switch raw {
    case .functionKey(sgrIntroducer):
      state = .sgr("")
      return []
    case .functionKey(x10Introducer):
      state = .x10([])
      return []
    case .character(UInt32(("[" as Unicode.Scalar).value)):
      state = .bracket
      return []
    case .character(0x1B):
      state = .escape
      return []
    default:
      return [.raw(raw)]
    }
  }

  /// Within `ESC [`: parameter bytes (0x30-0x3F) and intermediate bytes (0x20-0x2F) until a final
  /// byte (0x40-0x7E). An SGR mouse report that came this way (`<` first) is still a report, and
  /// so is a cursor position report; anything else is dropped whole.
  private mutating func sequence(_ bytes: String, _ raw: Raw) -> [Scanned] {
    switch raw {
    case .character(let value) where (0x20...0x3F).contains(value):
      guard bytes.utf8.count < Self.longestSequence else {
        state = .discardingTail
        return []
      }
      state = .sequence(bytes + String(UnicodeScalar(UInt8(value))))
      return []
    case .character(let value) where (0x40...0x7E).contains(value):
      state = .idle
      if bytes.hasPrefix("<"), Self.isFinal(value) {
        let final: Character = value == 0x4D ? "M" : "m"
        return MouseDecoder.decodeSGR(String(bytes.dropFirst()), final: final).map { [.mouse($0)] } ?? []
      }
      if value == 0x52, let report = Self.cursorReport(bytes) { return [report] }
      return []
    case .timeout:
      state = .discardingTail
      return []
    default:
      state = .idle
      return idle(raw)
    }
  }

  private mutating func sgr(_ parameters: String, _ raw: Raw) -> [Scanned] {
    switch raw {
    case .character(let value) where Self.isParameter(value):
      guard parameters.utf8.count < Self.longestParameters else {
        state = .discardingTail
        return []
      }
      state = .sgr(parameters + String(UnicodeScalar(UInt8(value))))
      return []
    case .character(let value) where Self.isFinal(value):
      state = .idle
      let final: Character = value == UInt32(("M" as Unicode.Scalar).value) ? "M" : "m"
      return MouseDecoder.decodeSGR(parameters, final: final).map { [.mouse($0)] } ?? []
    case .timeout:
      state = .discardingTail
      return []
    default:
      // Not part of a report (another report's introducer, a key typed meanwhile): the report
      // so far is dropped and this input is read afresh.
      state = .idle
      return idle(raw)
    }
  }

  /// `row;column` of a cursor position report, each a number of at most five digits.
  private static func cursorReport(_ parameters: String) -> Scanned? {
    let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
    guard fields.count == 2,
      fields.allSatisfy({
        (1...5).contains($0.utf8.count) && $0.utf8.allSatisfy { (0x30...0x39).contains($0) }
      }),
      let row = Int(fields[0]), let column = Int(fields[1])
    else { return nil }
    return .cursorReport(row: row, column: column)
  }

  private static func isParameter(_ value: UInt32) -> Bool {
    (0x30...0x39).contains(value) || value == 0x3B
  }

  private static func isFinal(_ value: UInt32) -> Bool {
    value == 0x4D || value == 0x6D
  }
}
