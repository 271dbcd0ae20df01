/// How a hard-wrapped plain text was cut into lines: at a number of columns or after a number
/// of characters, and whether a cut may fall inside a word.
///
/// Chinese novels are mostly cut by a tool that counts (so many characters a line, or so many
/// bytes of GBK, which are columns) and never looks for a space, nor removes one: a full line
/// there joins the next with nothing between them (`Sam Altm` / `an`, `因此` / `Sam`), a space at
/// the cut stays one space. A text of words (English wrapped by `fmt`) is cut at spaces the
/// wrapper removed, and its lines join with a space between words (`InlineCollector.softBreak`).
public struct HardWrap: Sendable, Equatable {
  /// What the wrapper counted.
  public enum Measure: Sendable, Equatable {
    /// Display columns (a wide character two), as a wrap by width or by GBK bytes makes.
    case columns
    /// Unicode scalars, as a wrap by characters (`text[i..<i + 36]`) makes.
    case characters
  }

  /// The longest line the wrapper makes, in `measure`.
  public var width: Int
  public var measure: Measure
  /// Whether the wrapper cut without regard to words (and removed nothing): the text is mostly CJK.
  public var cutsInsideWords: Bool

  public init(width: Int, measure: Measure, cutsInsideWords: Bool) {
    self.width = width
    self.measure = measure
    self.cutsInsideWords = cutsInsideWords
  }

  /// The length of `line` in what the wrapper counted.
  public func length(of line: String) -> Int {
    switch measure {
    case .columns: DisplayWidth.of(line, ambiguous: .narrow)
    // Not `unicodeScalars.count`, which decodes every scalar of every line.
    case .characters: UTF8Bytes.scalarCount(of: line)
    }
  }

  /// Whether a line of `length` ends a paragraph: it stops well short of the wrap width.
  public func endsParagraph(length: Int) -> Bool {
    length < width - HardWrapDetector.tolerance(width)
  }

  /// Whether a line of `length` was cut for its length: it reached the width (in columns, or
  /// one column short, where the next character was wide and did not fit).
  public func isFull(length: Int) -> Bool {
    length >= width - (measure == .columns ? 1 : 0)
  }
}
