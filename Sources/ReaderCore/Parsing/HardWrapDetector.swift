/// Tells whether a plain text is hard-wrapped, and at what width.
///
/// A hard-wrapped text has most of its lines ending near one width (a paragraph's last line is
/// the exception); a text with one paragraph per line, a poem or a list does not. The width is
/// the 80th percentile of the line widths; the text is hard-wrapped when at least
/// `sharePercent` of its lines lie within `tolerance(width)` columns below it, almost none go
/// past it, and it is at least `minimumWidth` columns. Only the first `sampleLines` lines that
/// are not blank or headings are measured.
public enum HardWrapDetector {
  static let sampleLines = 2000
  static let minimumLines = 6
  static let minimumWidth = 20
  static let sharePercent = 50

  /// How far below the wrap width a line may end and still be a full line.
  static func tolerance(_ width: Int) -> Int { max(4, width / 6) }

  /// The wrap width of `lines` but the `excluded` ones (by index), or nil when they are not
  /// hard-wrapped.
  ///
  /// An array and a test, not a generic sequence: a lazy filtered sequence's type is made at run
  /// time, with a scan of every protocol conformance in the executable, on the first screen's path.
  public static func wrapWidth(of lines: [Substring], excluding excluded: (Int) -> Bool = { _ in false })
    -> Int?
  {
    var widths: [Int] = []
    for index in lines.indices where !excluded(index) && !PlainTextLine.isBlank(lines[index]) {
      widths.append(DisplayWidth.of(String(lines[index]), ambiguous: .narrow))
      if widths.count == sampleLines { break }
    }
    guard widths.count >= minimumLines else { return nil }
    let sorted = widths.sorted()
    let width = sorted[sorted.count * 8 / 10]
    guard width >= minimumWidth else { return nil }
    let full = widths.filter { $0 <= width && $0 >= width - tolerance(width) }.count
    let over = widths.filter { $0 > width + tolerance(width) }.count
    return full * 100 >= widths.count * sharePercent && over * 20 <= widths.count ? width : nil
  }
}
