/// Parses a long plain text so that its first screen shows before the whole has been read, the
/// chapters growing behind it, and ends with exactly the blocks `PlainTextParser.parse` gives.
///
/// First `firstChunk(of:isWhole:reflow:)` parses only the start of the text (cut after a line
/// feed) with a plan made from that start alone, and keeps the paragraphs it completed. Then,
/// off the key path, `init(text:reflow:after:)` plans the whole text: when the whole agrees with
/// the start on its lines (same text, same chapter lines, same wrap width, which is what almost
/// every book does) parsing goes on where the first chunk stopped; otherwise `restartsFromTop`
/// is true and the chunks start again from the first line, to replace what was shown.
///
/// ```swift
/// let first = ChunkedPlainTextParser.firstChunk(of: start, isWhole: false, reflow: true)  // paint
/// var parser = ChunkedPlainTextParser(text: whole, reflow: true, after: first)  // background
/// var blocks = parser.restartsFromTop ? [] : first.blocks
/// while let more = parser.parseNextChunk() { blocks += more }
/// ```
public struct ChunkedPlainTextParser: Sendable {
  /// The blocks of the start of a text, and what is needed to go on from them.
  public struct FirstChunk: Sendable {
    public var blocks: [Block]
    /// The id the block after them gets.
    public var nextID: Int
    /// How many lines of the text the blocks hold.
    var lineCount: Int
    /// The text of those lines, each with its line feed.
    var text: Substring
    var plan: PlainTextPlan
  }

  /// The paragraphs that `start` completes, parsed with a plan made from `start` alone; the
  /// line after the last of them is where the rest goes on. `start` is the text up to and
  /// including a line feed, or all of it when `isWhole` (then every block is there).
  public static func firstChunk(of start: String, isWhole: Bool, reflow: Bool) -> FirstChunk {
    var lines = PlainTextParser.lines(of: start)
    // The empty piece after the final line feed is the start of a line of the rest.
    if !isWhole { lines.removeLast() }
    let plan = PlainTextPlan(lines: lines, reflow: reflow)
    var builder = PlainTextBlockBuilder(plan: plan)
    var blocks: [Block] = []
    var kept = (lines: 0, blocks: 0, nextID: 0, bytes: 0)
    var bytes = 0
    for (index, line) in lines.enumerated() {
      blocks += builder.add(CollectionOfOne(line), from: index)
      bytes += line.utf8.count + 1
      if builder.isBetweenParagraphs { kept = (index + 1, blocks.count, builder.nextID, bytes) }
    }
    if isWhole {
      blocks += builder.finish()
      return FirstChunk(
        blocks: blocks, nextID: builder.nextID, lineCount: lines.count, text: Substring(start), plan: plan)
    }
    let text = start.utf8.prefix(kept.bytes)
    return FirstChunk(
      blocks: Array(blocks.prefix(kept.blocks)), nextID: kept.nextID, lineCount: kept.lines,
      text: Substring(start[text.startIndex..<text.endIndex]), plan: plan)
  }

  /// The text still to parse, one piece per chunk (`linesPerChunk` lines, each with its line
  /// feed), and where each line of the whole starts in its UTF-8: a chunk's piece is let go once
  /// its blocks are made, so that a 100 MB book is not held whole beside the blocks made from it
  /// (and a line is 8 bytes meanwhile rather than a 32-byte `Substring`).
  private var pieces: [String]
  private let lineStarts: [Int]
  /// How many bytes the whole text has.
  private let textSize: Int
  private var builder: PlainTextBlockBuilder
  private var nextLine: Int
  /// The line the first piece starts at; piece `k` starts `k * linesPerChunk` lines after it.
  private let firstPieceLine: Int
  private var finished = false
  /// How many lines each chunk after the first holds.
  public let linesPerChunk: Int
  /// Whether the chunks start from the top again: the whole text is planned differently from
  /// its start (or does not start with the first chunk's text), so the first chunk's blocks are
  /// to be replaced by the chunks', not followed by them.
  public let restartsFromTop: Bool

  /// Plans the whole `text`, of which `first` was parsed from the start.
  public init(text: String, reflow: Bool, after first: FirstChunk, linesPerChunk: Int = 20_000) {
    let bytes = text.utf8
    // The lines as substrings (45 MB for a 100 MB book) are gone before the pieces are made.
    let (starts, plan): ([Int], PlainTextPlan) = {
      let lines = PlainTextParser.lines(of: text)
      return (
        lines.map { bytes.distance(from: bytes.startIndex, to: $0.startIndex) },
        PlainTextPlan(lines: lines, reflow: reflow)
      )
    }()
    lineStarts = starts
    textSize = bytes.count
    self.linesPerChunk = max(1, linesPerChunk)
    let sameStart = bytes.starts(with: first.text.utf8) && first.lineCount <= starts.count
    if sameStart && plan.agrees(with: first.plan, onFirst: first.lineCount) {
      builder = PlainTextBlockBuilder(plan: plan, firstID: first.nextID)
      nextLine = first.lineCount
      restartsFromTop = false
    } else {
      builder = PlainTextBlockBuilder(plan: plan)
      nextLine = 0
      restartsFromTop = true
    }
    firstPieceLine = nextLine
    let perChunk = self.linesPerChunk
    pieces = stride(from: nextLine, to: starts.count, by: perChunk).map { start in
      let end = min(starts.count, start + perChunk)
      let from = bytes.index(bytes.startIndex, offsetBy: starts[start])
      let to = end < starts.count ? bytes.index(bytes.startIndex, offsetBy: starts[end]) : bytes.endIndex
      return String(text[from..<to])
    }
  }

  /// Whether every line has been parsed.
  public var isFinished: Bool { finished }

  /// The share of the lines parsed so far, from 0 to 1.
  public var fractionParsed: Double {
    lineStarts.isEmpty ? 1 : Double(nextLine) / Double(lineStarts.count)
  }

  /// The blocks of the next `linesPerChunk` lines (possibly none), or nil once all are parsed.
  public mutating func parseNextChunk() -> [Block]? {
    guard !finished else { return nil }
    let end = min(lineStarts.count, nextLine + linesPerChunk)
    let pieceIndex = (nextLine - firstPieceLine) / linesPerChunk
    let piece = pieceIndex < pieces.count ? pieces[pieceIndex] : ""
    if pieceIndex < pieces.count { pieces[pieceIndex] = "" }
    let pieceStart = nextLine < lineStarts.count ? lineStarts[nextLine] : textSize
    let starts = lineStarts
    var blocks = builder.add(
      (nextLine..<end).lazy.map { Self.line($0, of: piece, startingAt: pieceStart, lineStarts: starts) },
      from: nextLine)
    nextLine = end
    if end == lineStarts.count {
      blocks += builder.finish()
      finished = true
    }
    return blocks
  }

  /// Line `index` of the text, without its line feed, as `PlainTextParser.lines(of:)` gives it,
  /// from the piece that holds it, which starts at byte `pieceStart` of the whole.
  private static func line(
    _ index: Int, of piece: String, startingAt pieceStart: Int, lineStarts: [Int]
  ) -> Substring {
    let bytes = piece.utf8
    let start = bytes.index(bytes.startIndex, offsetBy: lineStarts[index] - pieceStart)
    let end =
      index + 1 < lineStarts.count
      ? bytes.index(bytes.startIndex, offsetBy: lineStarts[index + 1] - 1 - pieceStart) : bytes.endIndex
    return piece[start..<end]
  }
}
