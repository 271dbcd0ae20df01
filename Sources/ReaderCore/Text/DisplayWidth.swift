import Synchronization

/// Column widths of Unicode scalars, exactly as ncurses draws them (glibc `wcwidth`), with the
/// East Asian Ambiguous characters one or two columns wide as the terminal draws them.
public enum DisplayWidth {
  private static let wideAmbiguous = Atomic<Bool>(false)

  /// How wide the ambiguous characters are for everything that measures text on the screen:
  /// layout, frames, the status line, and (through the reader's `wcwidth`) ncurses. Chosen once
  /// at start-up, before anything is laid out, so that every width measured agrees; a layout made
  /// under one setting is not valid under the other. Parsing measures with `.narrow` explicitly,
  /// so a document reads the same whatever the terminal (and can be read while it is asked).
  public static var ambiguous: AmbiguousWidth {
    get { wideAmbiguous.load(ordering: .relaxed) ? .wide : .narrow }
    set { wideAmbiguous.store(newValue == .wide, ordering: .relaxed) }
  }

  /// The columns one scalar takes: 0, 1 or 2, or -1 for a scalar the terminal cannot draw.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    if value >= 0x4E00 && value <= 0x9FFF { return 2 }
    return other(value, wideAmbiguous: wideAmbiguous.load(ordering: .relaxed))
  }

  /// The columns one scalar takes with the ambiguous characters `ambiguous` wide.
  public static func of(_ scalar: Unicode.Scalar, ambiguous: AmbiguousWidth) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    return other(value, wideAmbiguous: ambiguous == .wide)
  }

  /// Whether the scalar is East Asian Ambiguous (and one column wide where that is narrow).
  public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
    contains(WidthTable.ambiguous, scalar.value)
  }

  private static func other(_ value: UInt32, wideAmbiguous: Bool) -> Int {
    // CJK punctuation and the fullwidth forms, most of the rest of a Chinese text, are wide
    // whatever the terminal: no search of the tables (`tableWidth` agrees, see the tests).
    if isWideCJKPunctuation(value) { return 2 }
    return tableWidth(value, wideAmbiguous: wideAmbiguous)
  }

  /// U+3000-3029 (ideographic space, 、。〈〉《》「」『』【】〔〕…) and U+FF01-FF60 (！（），：；？ and
  /// the fullwidth letters): East Asian Wide or Fullwidth, none of them combining.
  static func isWideCJKPunctuation(_ value: UInt32) -> Bool {
    (0x3000...0x3029).contains(value) || (0xFF01...0xFF60).contains(value)
  }

  /// The width the tables give a scalar.
  static func tableWidth(_ value: UInt32, wideAmbiguous: Bool) -> Int {
    if value >= 0x4E00 && value <= 0x9FFF { return 2 }
    if contains(WidthTable.zero, value) { return value == 0 ? -1 : 0 }
    if contains(WidthTable.double, value) { return 2 }
    if contains(WidthTable.control, value) { return -1 }
    if wideAmbiguous && contains(WidthTable.ambiguous, value) { return 2 }
    return 1
  }

  /// The columns a string takes with the ambiguous characters `ambiguous` wide.
  public static func of(_ text: String, ambiguous: AmbiguousWidth) -> Int {
    // Read a byte at a time: a plain text's every line is measured while it is parsed, and the
    // scalar view's decoding was most of that.
    UTF8Bytes.withBytes(of: text) { bytes in
      var total = 0
      var at = 0
      while at < bytes.count {
        let byte = bytes[at]
        if byte >= 0x20 && byte < 0x7F {
          total += 1
          at += 1
          continue
        }
        total += max(0, of(UTF8Bytes.scalar(in: bytes, at: &at), ambiguous: ambiguous))
      }
      return total
    }
  }

  /// The columns a string takes once made drawable (see `VisibleText`).
  public static func of(_ text: String) -> Int {
    var total = 0
    for scalar in text.unicodeScalars {
      total += max(0, of(scalar))
    }
    return total
  }

  private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = ranges[mid]
      if value < range.lowerBound {
        high = mid - 1
      } else if value > range.upperBound {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
