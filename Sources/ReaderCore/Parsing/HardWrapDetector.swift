/// Tells whether a plain text is hard-wrapped, at what width, and how it was cut (`HardWrap`).
///
/// A hard-wrapped text has most of its lines ending near one width (a paragraph's last line is
/// the exception); a text with one paragraph per line, a poem or a list does not. The width is
/// the 80th percentile of the line widths; the text is hard-wrapped when at least
/// `sharePercent` of its lines lie within `tolerance(width)` below it, almost none go past it,
/// and it is at least `minimumWidth` columns. Only the first `sampleLines` lines that are not
/// blank or headings are measured.
///
/// Lines are measured both in columns and in characters: a text cut every 36 characters has
/// lines of 57 to 72 columns when it holds Latin words (each one column), which would end a
/// paragraph at every line with a few of them, but all of 36 characters. The measure that more
/// lines meet exactly is the wrapper's (columns when they tie, as in a text of CJK alone).
public enum HardWrapDetector {
  static let sampleLines = 2000
  static let minimumLines = 6
  static let minimumWidth = 20
  static let sharePercent = 50

  /// How far below the wrap width a line may end and still be a full line.
  static func tolerance(_ width: Int) -> Int { max(4, width / 6) }

  /// How `lines` but the `excluded` ones (by index) are wrapped, or nil when they are not.
  ///
  /// An array and a test, not a generic sequence: a lazy filtered sequence's type is made at run
  /// time, with a scan of every protocol conformance in the executable, on the first screen's path.
  public static func wrap(of lines: [Substring], excluding excluded: (Int) -> Bool = { _ in false })
    -> HardWrap?
  {
    var columns: [Int] = []
    var characters: [Int] = []
    var wideColumns = 0
    for index in lines.indices where !excluded(index) && !PlainTextLine.isBlank(lines[index]) {
      var width = 0
      var count = 0
      for scalar in lines[index].unicodeScalars {
        let columns = max(0, DisplayWidth.of(scalar, ambiguous: .narrow))
        width += columns
        count += 1
        if columns == 2 { wideColumns += 2 }
      }
      columns.append(width)
      characters.append(count)
      if columns.count == sampleLines { break }
    }
    let byColumns = width(of: columns)
    let cutsInsideWords = wideColumns * 2 >= columns.reduce(0, +)
    // The lines a wrap by columns makes exactly: its width, or one less where a wide character
    // did not fit.
    let exactColumns = byColumns.map { width in columns.filter { $0 == width || $0 == width - 1 }.count } ?? 0
    if let byCharacters = width(of: characters),
      characters.filter({ $0 == byCharacters }).count > exactColumns
    {
      return HardWrap(width: byCharacters, measure: .characters, cutsInsideWords: cutsInsideWords)
    }
    return byColumns.map { HardWrap(width: $0, measure: .columns, cutsInsideWords: cutsInsideWords) }
  }

  /// The wrap width of lines of these `lengths`, or nil when they are not hard-wrapped.
  private static func width(of lengths: [Int]) -> Int? {
    guard lengths.count >= minimumLines else { return nil }
    let sorted = lengths.sorted()
    let width = sorted[sorted.count * 8 / 10]
    guard width >= minimumWidth else { return nil }
    let full = lengths.filter { $0 <= width && $0 >= width - tolerance(width) }.count
    let over = lengths.filter { $0 > width + tolerance(width) }.count
    return full * 100 >= lengths.count * sharePercent && over * 20 <= lengths.count ? width : nil
  }
}
