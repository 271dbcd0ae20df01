import XCTest

@testable import ReaderCore

/// Checks that hold for every frame and every piece of output, whatever the document.
enum FrameInvariants {
  /// Whether a scalar must never reach the terminal: C0 (but line feed), DEL, C1, bidi controls.
  static func isForbidden(_ scalar: Unicode.Scalar, allowLineFeed: Bool) -> Bool {
    let value = scalar.value
    if value == 0x0A { return !allowLineFeed }
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
  }

  /// The forbidden scalars in `text`, as hex, for a readable failure.
  static func forbidden(in text: String, allowLineFeed: Bool) -> [String] {
    var clean = true
    for scalar in text.unicodeScalars where isForbidden(scalar, allowLineFeed: allowLineFeed) {
      clean = false
      break
    }
    if clean { return [] }
    return text.unicodeScalars.filter { isForbidden($0, allowLineFeed: allowLineFeed) }.map {
      "U+" + String($0.value, radix: 16, uppercase: true)
    }
  }

  /// Problems with a frame: a row whose cells do not add up to the width, a cell that ncurses
  /// would draw wider or narrower than the frame counts it, a stray half of a wide character,
  /// or a control character in a cell. Empty when the frame is sound. Without `checkingCells`
  /// only the rows' widths are checked, which is much cheaper.
  static func problems(in frame: Frame, checkingCells: Bool = true) -> [String] {
    var problems: [String] = []
    if frame.rows.count != frame.height { problems.append("\(frame.rows.count) rows, not \(frame.height)") }
    for y in 0..<frame.rows.count {
      let row = frame.rows[y]
      if row.count != frame.width { problems.append("row \(y) has \(row.count) cells") }
      var total = 0
      for x in 0..<row.count {
        let cell = row[x]
        total += cell.width
        if !checkingCells { continue }
        // One scalar is the common case: checked without building arrays (this runs for every
        // cell of every frame in the property test).
        let scalars = cell.text.unicodeScalars
        if cell.width > 0, let scalar = scalars.first,
          scalars.index(after: scalars.startIndex) == scalars.endIndex,
          !isForbidden(scalar, allowLineFeed: false), DisplayWidth.of(scalar) == cell.width
        {
          continue
        }
        if cell.width == 0 {
          if x == 0 || row[x - 1].width != 2 { problems.append("row \(y) column \(x): stray continuation") }
        } else if DisplayWidth.of(cell.text) != cell.width {
          problems.append(
            "row \(y) column \(x): \(cell.text.debugDescription) drawn \(DisplayWidth.of(cell.text)) wide")
        }
        let bad = forbidden(in: cell.text, allowLineFeed: false)
        if !bad.isEmpty { problems.append("row \(y) column \(x): \(bad)") }
      }
      if total != frame.width { problems.append("row \(y) is \(total) columns wide, not \(frame.width)") }
    }
    return problems
  }

  static func assertSound(
    _ frame: Frame, _ context: @autoclosure () -> String = "", file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let problems = problems(in: frame)
    if !problems.isEmpty {
      XCTFail("\(context()): \(problems.prefix(5).joined(separator: "; "))\n\(frame)", file: file, line: line)
    }
  }
}
