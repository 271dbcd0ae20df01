#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads plain text: chapter lines become headings, blank lines separate paragraphs, and tabs
/// expand to the next multiple of 8 columns of their line.
///
/// Chapter lines are those `ChapterDetector` confirms (`第一回　…`, `第二卷`, `楔子`, `Chapter 3`).
/// When `reflow` is on and `HardWrapDetector` finds the text hard-wrapped, a paragraph's lines
/// are joined (as they stood before the cut in a mostly CJK text, see `HardWrap`; otherwise no
/// space between CJK characters, one between words) so the reader wraps them to its pane, and
/// a paragraph also ends before an indented line (U+3000 or spaces) and after a line that stops
/// well short of the wrap width; the indent is kept at the paragraph's start only. Otherwise
/// line ends inside a paragraph are kept as they are.
///
/// What the whole text decides (which lines are chapters, the wrap width) is the `PlainTextPlan`;
/// the lines then become blocks one after another (`PlainTextBlockBuilder`), which is what lets
/// `ChunkedPlainTextParser` show the first screen before the rest is read.
public struct PlainTextParser: Sendable {
  public var reflow: Bool

  public init(reflow: Bool = true) {
    self.reflow = reflow
  }

  public func parse(_ text: String, title: String) -> Document {
    let lines = Self.lines(of: text)
    var builder = PlainTextBlockBuilder(plan: PlainTextPlan(lines: lines, reflow: reflow))
    var blocks = builder.add(lines, from: 0)
    blocks += builder.finish()
    return Document(title: title, blocks: blocks)
  }

  /// The lines of `text`, split at every `\n` (an empty last line after a final one included).
  ///
  /// Split on the UTF-8 bytes, which gives the same lines as splitting the characters (a line
  /// feed is a grapheme of its own, except after a carriage return) without walking every
  /// grapheme of a long book.
  public static func lines(of text: String) -> [Substring] {
    var lines: [Substring] = []
    // Room for exactly the lines there are: a doubling array of a 100 MB book's 1.4 million
    // lines would keep up to twice the 45 MB they take.
    lines.reserveCapacity(lineFeedCount(in: text) + 1)
    let bytes = text.utf8
    var start = bytes.startIndex
    forEachLineFeed(in: text) { offset, afterReturn in
      guard !afterReturn else { return }
      let feed = bytes.index(bytes.startIndex, offsetBy: offset)
      lines.append(text[start..<feed])
      start = bytes.index(after: feed)
    }
    lines.append(text[start..<bytes.endIndex])
    return lines
  }

  /// How many line feeds `text` holds.
  private static func lineFeedCount(in text: String) -> Int {
    var count = 0
    forEachLineFeed(in: text) { _, _ in count += 1 }
    return count
  }

  /// Calls `body` with the UTF-8 offset of every line feed of `text`, found with `memchr`, and
  /// whether a carriage return stands before it.
  private static func forEachLineFeed(in text: String, _ body: (Int, Bool) -> Void) {
    var text = text
    text.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return }
      var position = 0
      while position < buffer.count, let found = memchr(base + position, 0x0A, buffer.count - position) {
        let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        body(offset, offset > 0 && buffer[offset - 1] == 0x0D)
        position = offset + 1
      }
    }
  }
}
