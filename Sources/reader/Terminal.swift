import CNcurses
import CTerminalGuard
import FoundationEssentials
import Glibc
import ReaderCore

/// The ncursesw terminal: starts and ends curses, draws frames and reads input events.
final class Terminal {
  private var screen: OpaquePointer?
  private var ttyInput: UnsafeMutablePointer<FILE>?
  /// The theme in use: `mono` wherever the terminal has no colour or `NO_COLOR` is set.
  private(set) var theme: Theme
  private var depth: ColourDepth = .none
  /// The colour pairs made so far, by foreground and background number (-1: the terminal's own),
  /// one above the other in a key (an array key would be allocated at each cell run drawn, and its
  /// type's Hashable conformance looked up at run time before the first screen).
  private var pairs: [Int: Int32] = [:]

  /// Starts curses on the controlling terminal; keys come from `/dev/tty` when stdin is the document.
  /// `typedAhead`: bytes read from the keyboard before curses started (`AmbiguousWidthProbe`),
  /// given back to ncurses to be read as the keys they are.
  ///
  /// `widthMemory` keeps the width the ambiguous characters are measured with for this terminal's
  /// next run, once the first screen is out; with `checkingWidth` that width was remembered from
  /// before, and the terminal is asked after the first screen whether it still holds.
  init(
    keysFromTTY: Bool, theme: Theme.Name = .dark, typedAhead: [UInt8] = [],
    widthMemory: AmbiguousWidthMemory? = nil, checkingWidth: Bool = false
  ) throws {
    self.theme = Theme.named(theme)
    self.widthMemory = widthMemory
    widthCheck = widthMemory == nil ? .none : checkingWidth ? .askAfterFirstScreen : .keepAfterFirstScreen
    let term = StandardStream.environment("TERM") ?? ""
    if term.isEmpty || term == "dumb" {
      throw ReaderError.noTerminal(
        "TERM is \(term.isEmpty ? "not set" : "'dumb'"): the viewer needs a terminal that can move the cursor "
          + "(use --print for plain text)")
    }
    Terminal.ensureUTF8Locale()
    Self.measureAmbiguous(DisplayWidth.ambiguous)
    if keysFromTTY {
      guard let tty = fopen("/dev/tty", "r") else { throw ReaderError.noTerminal("cannot open /dev/tty") }
      ttyInput = tty
      guard let screen = newterm(nil, Terminal.output, tty) else {
        throw ReaderError.noTerminal("cannot start the terminal (TERM=\(Terminal.termName))")
      }
      self.screen = screen
      set_term(screen)
    } else {
      guard let screen = newterm(nil, Terminal.output, fdopen(STDIN_FILENO, "r")) else {
        throw ReaderError.noTerminal("cannot start the terminal (TERM=\(Terminal.termName))")
      }
      self.screen = screen
    }
    // From here on any exit or signal ends curses first (the resume below enters the alternate screen).
    reader_guard_begin()
    // Until curses has been ended once, ncurses (6.4) writes out what it has at every cursor move:
    // each screen went out as one write per row, 40 writes for a 40-row frame (each a packet over
    // ssh, a wake-up of the terminal, a chance to show half a frame). Ended and resumed at once,
    // as after Ctrl-Z, it writes a whole screen at a time. Resumed before colours start, so the
    // resume does not reset the terminal's palette (OSC 104).
    endwin()
    refresh()
    // The first screen is painted on a cleared screen from scratch, as it was before: curses' diff
    // against the blank screen moves the cursor twice as often (and each move is costed).
    reader_repaint_all_next()
    // ncurses looks at the keyboard every few rows of a refresh (a system call each) and, when a key
    // is waiting, writes the screen out half made: the reader's screens go out whole.
    typeahead(-1)
    depth = ColourDepth.detect(colours: Int(reader_start_colours()), environment: StandardStream.environment)
    if depth == .none { self.theme = .mono }
    raw()
    noecho()
    nonl()
    keypad(reader_stdscr(), true)
    reader_set_escdelay(25)
    wtimeout(reader_stdscr(), Terminal.tickMilliseconds)
    curs_set(0)
    // The reader reads mouse reports itself, in the SGR encoding whatever terminfo says: ncurses
    // uses SGR only where terminfo names it (xterm, not tmux or screen), and the older encoding
    // cannot report a column past 223. Its own `kmous` binding is replaced by the two codes.
    for (sequence, code) in [("\u{1B}[<", reader_key_sgr_mouse()), ("\u{1B}[M", reader_key_x10_mouse())] {
      define_key(sequence, 0)
      define_key(sequence, code)
    }
    reader_guard_mouse(1)
    // ungetch pushes in front of what is queued: the last byte first.
    for byte in typedAhead.reversed() { ungetch(Int32(byte)) }
    // After Ctrl-Z and fg the arrow keys can arrive as raw CSI sequences.
    define_key("\u{1B}[A", KEY_UP)
    define_key("\u{1B}[B", KEY_DOWN)
    define_key("\u{1B}[C", KEY_RIGHT)
    define_key("\u{1B}[D", KEY_LEFT)
    // Home and End reach us in several dialects (tmux and screen send the VT220 ones whatever
    // TERM says); without these, End would arrive as Esc [ 4 ~ and act as three other keys.
    for (sequence, key) in [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
      ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
      ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
    ] {
      define_key(sequence, key)
    }
  }

  private static var output: UnsafeMutablePointer<FILE>? { fdopen(STDOUT_FILENO, "w") }

  /// How long `nextEvent` waits for a key before it reports a tick.
  static let tickMilliseconds: Int32 = 250
  /// The tick while background work the screen waits for is running (a search's first match).
  static let quickTickMilliseconds: Int32 = 15
  private var quickTicks = false
  private var reports = MouseReportScanner(
    sgrIntroducer: reader_key_sgr_mouse(), x10Introducer: reader_key_x10_mouse())
  /// What the scanner passed on beyond the event `nextEvent` returned.
  private var pending: [MouseReportScanner.Scanned] = []
  private let widthMemory: AmbiguousWidthMemory?
  /// What becomes of the ambiguous width once the first screen is out, and where the question
  /// asked after it stands.
  private enum WidthCheck {
    case none
    /// The width the first screen was measured with is kept for the next run.
    case keepAfterFirstScreen
    /// The width was the one kept: the terminal is asked whether it still holds.
    case askAfterFirstScreen
    case asked
  }
  private var widthCheck: WidthCheck

  /// Makes everything measure the ambiguous characters `width` wide: the frames, and ncurses,
  /// which must count them as the frames do, or every row with one shifts.
  static func measureAmbiguous(_ width: AmbiguousWidth) {
    DisplayWidth.ambiguous = width
    if width == .wide {
      reader_wide_ambiguous { scalar in Unicode.Scalar(scalar).map(DisplayWidth.isAmbiguous) == true ? 1 : 0 }
    } else {
      reader_wide_ambiguous(nil)
    }
  }

  /// Ticks every `quickTickMilliseconds` while `quick`, so a result made in the background is
  /// drawn as soon as it is there rather than at the next quarter second.
  func tickQuickly(_ quick: Bool) {
    guard quick != quickTicks else { return }
    quickTicks = quick
    wtimeout(reader_stdscr(), tick)
  }

  private var tick: Int32 { quickTicks ? Terminal.quickTickMilliseconds : Terminal.tickMilliseconds }

  static var termName: String {
    StandardStream.environment("TERM") ?? "unset"
  }

  /// ncursesw draws CJK as blanks without a UTF-8 LC_CTYPE; fall back to C.UTF-8. Only the
  /// character type is taken from the environment: nothing else the reader does depends on the
  /// locale (the shelf's dates are numeric), and LC_ALL read a dozen files before the first screen.
  static func ensureUTF8Locale() {
    setlocale(LC_CTYPE, "")
    if reader_utf8_locale() != 0 { return }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
      if reader_utf8_locale() != 0 { return }
    }
  }

  var size: TerminalSize {
    TerminalSize(width: Int(reader_cols()), height: Int(reader_lines()))
  }

  /// Copies a frame to the screen. Rows where a wide character now starts or ends at another
  /// column than in `previous` are repainted whole: a terminal that has half of an old wide
  /// character overwritten blanks the other half, and curses' diff would not know.
  func draw(_ frame: Frame, previous: Frame? = nil, repaintAll: Bool = false) {
    erase()
    if repaintAll { reader_repaint_all_next() }
    if let previous, previous.width == frame.width, previous.height == frame.height {
      for y in 0..<frame.height where !Self.sameCellBoundaries(frame.rows[y], previous.rows[y]) {
        wredrawln(reader_stdscr(), Int32(y), 1)
      }
    }
    var buffer: [wchar_t] = []
    for (y, row) in frame.rows.enumerated() {
      var x = 0
      while x < row.count {
        // A run starts at a character, never at the right half of a wide one, and the right half
        // belongs to its character's run whatever its own style says.
        if row[x].width == 0 {
          x += 1
          continue
        }
        let style = row[x].style
        let start = x
        while x < row.count && (row[x].width == 0 || row[x].style == style) { x += 1 }
        // erase() left blanks that look like spaces of this style: the run's trailing spaces
        // need not be drawn (a screen's blank rows and padding are most of its cells, and each
        // drawn cell costs curses as much as a character).
        let appearance = theme.appearance(for: style)
        var end = x
        if !Self.showsOnBlank(style, appearance) {
          while end > start && row[end - 1].width == 1 && row[end - 1].text == " " { end -= 1 }
        }
        if end == start { continue }
        let (attributes, pair) = attributes(of: appearance)
        buffer.removeAll(keepingCapacity: true)
        for cell in row[start..<end] {
          for scalar in cell.text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
          // curses has no strikethrough attribute: a combining long stroke overlay draws it,
          // where dim would make struck text look like decoration.
          if style.contains(.strikethrough) && cell.width > 0 { buffer.append(0x336) }
        }
        _ = reader_draw_wide_pair(Int32(y), Int32(start), buffer, Int32(buffer.count), attributes, pair)
      }
    }
    refresh()
    if widthCheck == .keepAfterFirstScreen || widthCheck == .askAfterFirstScreen { afterFirstScreen() }
  }

  /// Keeps the width the first screen was measured with for the next run, or, when that width
  /// was the one kept, asks the terminal whether it still holds.
  private func afterFirstScreen() {
    guard widthCheck == .askAfterFirstScreen else {
      widthCheck = .none
      widthMemory?.remember(DisplayWidth.ambiguous)
      return
    }
    // The answer to a request on the first row could read as a key (xterm's Shift-F3 is
    // `ESC [ 1 ; 2 R`): a terminal of one row is not asked.
    let row = Int(reader_lines())
    guard row > 1 else {
      widthCheck = .none
      return
    }
    widthCheck = .asked
    // The probe character goes at the start of the last row, the cursor goes back where curses
    // left it (curses moves it from there), and the row is painted again in the same burst: the
    // request is answered before the repaint is drawn, so the character is never seen.
    StandardStream.write(
      "\u{1B}[\(row);1H" + AmbiguousWidthProbe.character + "\u{1B}[6n"
        + "\u{1B}[\(reader_physical_row() + 1);\(reader_physical_column() + 1)H")
    wredrawln(reader_stdscr(), Int32(row - 1), 1)
    refresh()
  }

  private static func sameCellBoundaries(_ row: [Cell], _ other: [Cell]) -> Bool {
    guard row.count == other.count else { return false }
    for index in row.indices where row[index].width != other[index].width { return false }
    return true
  }

  /// Whether a space of this style, which looks like `appearance`, differs from an erased cell: a
  /// background, reverse video, an underline or a strike shows on a space; colour, bold, dim and
  /// italic do not.
  private static func showsOnBlank(_ style: TextStyle, _ appearance: Appearance) -> Bool {
    if style.contains(.strikethrough) { return true }
    return appearance.background != nil || appearance.attributes.contains(.reverse)
      || appearance.attributes.contains(.underline)
  }

  /// The curses attributes and colour pair for a cell style's appearance in the theme.
  private func attributes(of appearance: Appearance) -> (attr_t, Int32) {
    var attributes = reader_attr_normal()
    let wanted = appearance.attributes
    if wanted.contains(.bold) { attributes |= reader_attr_bold() }
    if wanted.contains(.reverse) { attributes |= reader_attr_reverse() }
    if wanted.contains(.underline) { attributes |= reader_attr_underline() }
    if wanted.contains(.dim) { attributes |= reader_attr_dim() }
    if wanted.contains(.italic) { attributes |= reader_attr_italic() }
    let foreground = appearance.foreground.flatMap(depth.number) ?? -1
    let background = appearance.background.flatMap(depth.number) ?? -1
    return (attributes, pair(foreground, background))
  }

  /// The colour pair for two colour numbers, made on first use; 0 (the terminal's own colours)
  /// when there is no colour or the terminal has no pair left.
  private func pair(_ foreground: Int, _ background: Int) -> Int32 {
    if foreground < 0 && background < 0 { return 0 }
    let key = (foreground + 1) << 32 | (background + 1)
    if let pair = pairs[key] { return pair }
    let next = Int32(pairs.count + 1)
    guard next < reader_colour_pairs(),
      reader_init_pair(next, Int32(foreground), Int32(background)) == reader_ok()
    else { return 0 }
    pairs[key] = next
    return next
  }

  /// Waits for the next key, mouse event or resize, or a tick when none came within the tick.
  func nextEvent() -> InputEvent {
    while true {
      while !pending.isEmpty {
        if let event = event(for: pending.removeFirst()) { return event }
      }
      let waitsForReport = reports.followUpMilliseconds
      if let waitsForReport { wtimeout(reader_stdscr(), waitsForReport) }
      var character: wint_t = 0
      let result = get_wch(&character)
      if waitsForReport != nil { wtimeout(reader_stdscr(), tick) }
      if reader_guard_take_resumed() != 0 { return .resumed }
      let raw: MouseReportScanner.Raw =
        result == reader_err()
        ? .timeout
        : result == reader_key_code_yes()
          ? .functionKey(Int32(bitPattern: character)) : .character(UInt32(character))
      pending += reports.feed(raw)
    }
  }

  private func event(for scanned: MouseReportScanner.Scanned) -> InputEvent? {
    switch scanned {
    case .mouse(let mouse): return .mouse(mouse)
    case .cursorReport(_, let column):
      // Only the answer to the question asked after the first screen counts; any other report
      // (one that came after the start-up probe gave up) is dropped.
      guard widthCheck == .asked else { return nil }
      widthCheck = .none
      guard let width = AmbiguousWidthProbe.width(atColumn: column) else { return nil }
      widthMemory?.remember(width)
      guard width != DisplayWidth.ambiguous else { return nil }
      Self.measureAmbiguous(width)
      return .ambiguousWidth(width)
    case .raw(.timeout): return .tick
    case .raw(.functionKey(let code)): return KeyDecoder.decode(code: code, isFunctionKey: true)
    case .raw(.character(let value)):
      return KeyDecoder.decode(code: Int32(bitPattern: value), isFunctionKey: false)
    }
  }

  /// Asks the terminal to put `text` on the system clipboard with OSC 52 (`ESC ] 52 ; c ; base64
  /// BEL`), which works over ssh, and in tmux with `set-clipboard on`. The payload is base64, so
  /// nothing in `text` can act on the terminal; the core has already removed control characters.
  func copyToClipboard(_ text: String) {
    let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    refresh()
    StandardStream.write(sequence)
  }

  /// Ctrl-Z: the terminal given back to the shell and the reader stopped until `fg`
  /// (`reader_guard_suspend`); the next event is then `.resumed`.
  func suspend() {
    reader_guard_suspend()
  }

  func shutdown() {
    reader_guard_end()
    // A report the terminal sent before it saw the mouse turned off would reach the shell as
    // typing; what came and was not read yet is dropped.
    tcflush(ttyInput.map { fileno($0) } ?? STDIN_FILENO, TCIFLUSH)
    if let screen {
      delscreen(screen)
      self.screen = nil
    }
    if let ttyInput {
      fclose(ttyInput)
      self.ttyInput = nil
    }
  }
}
