/// Column widths of Unicode scalars, exactly as ncurses draws them (glibc `wcwidth`).
public enum DisplayWidth {
  /// The columns one scalar takes: 0, 1 or 2, or -1 for a scalar the terminal cannot draw.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    if value >= 0x4E00 && value <= 0x9FFF { return 2 }
    if contains(WidthTable.zero, value) { return value == 0 ? -1 : 0 }
    if contains(WidthTable.double, value) { return 2 }
    if contains(WidthTable.control, value) { return -1 }
    return 1
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
