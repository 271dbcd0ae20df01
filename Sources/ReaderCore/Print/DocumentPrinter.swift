import Dispatch
import Glibc

/// The laid-out document as plain text, for `--print` and for pipes: the screen's layout, no escapes.
///
/// Links are followed by a number in brackets (`Swift 官網[3]`) and the numbered destinations are
/// listed at the end under `References:`, as `w3m -dump` does (see `LinkReferences`).
public enum DocumentPrinter {
  /// Wraps at `width` columns; 0 means no wrapping.
  ///
  /// The blocks are laid out a window at a time, its pieces on as many threads as there are
  /// processors (each block's lines depend on that block alone), and written in order: the
  /// layout is most of the time a large document's printout takes.
  public static func print(_ document: Document, width: Int, into output: (String) -> Void) {
    printInWindows(document, width: width, into: output) { Array($0) }
  }

  /// What `print` writes of `document` with each block made what `convert` makes of it (a display
  /// script), converted a window at a time on all processors before it is laid out and written:
  /// the first lines are out long before the last block is converted. Stops at the first block
  /// `convert` fails on, having written the windows before it.
  public static func print(
    _ document: Document, width: Int,
    converting convert: @escaping @Sendable (Block) throws(ConversionError) -> Block,
    into output: (String) -> Void
  ) throws(ConversionError) {
    try printInWindows(document, width: width, into: output) { blocks throws(ConversionError) in
      try converted(blocks, convert)
    }
  }

  /// The document's blocks a window at a time: each made what `prepare` makes of it, its links
  /// numbered on from the window before, laid out and written; then the references.
  private static func printInWindows<Failure: Error>(
    _ document: Document, width: Int, into output: (String) -> Void,
    _ prepare: (ArraySlice<Block>) throws(Failure) -> [Block]
  ) throws(Failure) {
    var references = LinkReferences(after: document)
    let layouter = BlockLayouter(width: wrapWidth(width))
    let blocks = document.blocks
    var start = 0
    while start < blocks.count {
      let end = min(blocks.count, start + window)
      let window = references.number(try prepare(ArraySlice(blocks[start..<end])))
      print(window[...], endingDocument: end == blocks.count, layouter: layouter, into: output)
      start = end
    }
    print(references, afterBlocks: !blocks.isEmpty, width: width, into: output)
  }

  /// `blocks` as `convert` makes them, in `pieces` pieces on all processors, in order.
  private static func converted(
    _ blocks: ArraySlice<Block>, _ convert: @escaping @Sendable (Block) throws(ConversionError) -> Block
  ) throws(ConversionError) -> [Block] {
    let ranges = pieceRanges(of: blocks)
    let results = Slots<Result<[Block], ConversionError>>(count: pieces, initial: .success([]))
    defer { results.free() }
    DispatchQueue.concurrentPerform(iterations: pieces) { index in
      results.base[index] = Result { () throws(ConversionError) -> [Block] in
        var piece: [Block] = []
        piece.reserveCapacity(ranges[index].count)
        for position in ranges[index] { piece.append(try convert(blocks[position])) }
        return piece
      }
    }
    var all: [Block] = []
    all.reserveCapacity(blocks.count)
    for index in 0..<pieces { all += try results.base[index].get() }
    return all
  }

  /// What `print` writes of the document `parser` parses, parsed a chunk at a time on a thread
  /// of its own while the chunks before it are laid out (the parse is the other half of the
  /// time). Only for a source `canPrintInChunks` accepts, whose chunks are the whole's blocks.
  public static func print(parsing parser: ChunkedParser, width: Int, into output: (String) -> Void) {
    let handoff = ChunkHandoff(capacity: 2)
    BackgroundThread.start { [parser] in
      var parser = parser
      while let blocks = parser.parseNextChunk() { handoff.put(blocks) }
      handoff.put(nil)
    }
    let layouter = BlockLayouter(width: wrapWidth(width))
    var references = LinkReferences()
    var pending: [Block] = []
    var printed = 0
    var finished = false
    while !finished {
      if let chunk = handoff.take() { pending += references.number(chunk) } else { finished = true }
      var start = 0
      // Until the end, a block is kept back: the blank after a window's last block is written
      // only when another block is known to follow it.
      while pending.count - start > window || (finished && start < pending.count) {
        let end = min(pending.count, start + window)
        print(
          pending[start..<end], endingDocument: finished && end == pending.count, layouter: layouter,
          into: output)
        printed += end - start
        start = end
      }
      pending.removeFirst(start)
    }
    print(references, afterBlocks: printed > 0, width: width, into: output)
  }

  /// Whether Markdown `bytes` print the same parsed a chunk at a time (`print(parsing:)`) as
  /// whole: when they define no link reference and no footnote, which Markdown resolves across
  /// the whole document. Every such definition has `]:` in it (`[label]: /url`, `[^1]: text`).
  public static func canPrintInChunks(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return true }
      var at = 0
      // `]` is rare in prose: memchr skips to each one.
      while at < buffer.count - 1, let found = memchr(base + at, 0x5D, buffer.count - 1 - at) {
        at = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        if buffer[at] == UInt8(ascii: ":") { return false }
      }
      return true
    }
  }

  /// Blocks laid out together, in `pieces` pieces of `piece` blocks, one per task.
  private static let piece = 64
  private static let pieces = 16
  private static var window: Int { piece * pieces }

  /// Writes the lines `forEachLine` gives of `blocks` (the last followed by a blank unless it ends
  /// the document), laid out in pieces on all processors, in order.
  private static func print(
    _ blocks: ArraySlice<Block>, endingDocument: Bool, layouter: BlockLayouter,
    into output: (String) -> Void
  ) {
    let ranges = pieceRanges(of: blocks)
    let texts = Slots(count: pieces, initial: "")
    defer { texts.free() }
    DispatchQueue.concurrentPerform(iterations: pieces) { index in
      var text = ""
      forEachLine(of: blocks, in: ranges[index], endingDocument: endingDocument, layouter: layouter) {
        append($0, to: &text)
      }
      texts.base[index] = text
    }
    for index in 0..<pieces where !texts.base[index].isEmpty { output(texts.base[index]) }
  }

  /// The indices of `blocks` in `pieces` runs of `piece` (the last ones empty in a short window).
  private static func pieceRanges(of blocks: ArraySlice<Block>) -> [Range<Int>] {
    let base = blocks.startIndex
    return (0..<pieces).map { index in
      min(blocks.endIndex, base + index * piece)..<min(blocks.endIndex, base + (index + 1) * piece)
    }
  }

  /// Writes the numbered references, if any, after a blank line when blocks came before.
  private static func print(
    _ references: LinkReferences, afterBlocks: Bool, width: Int, into output: (String) -> Void
  ) {
    forEachReferenceLine(references.references, afterBlocks: afterBlocks, width: width) {
      var text = ""
      append($0, to: &text)
      output(text)
    }
  }

  /// The laid-out lines that `print` writes, one after another, styles and decorations kept:
  /// the document's, then the numbered references.
  public static func forEachLine(of document: Document, width: Int, _ body: (LayoutLine) -> Void) {
    let (blocks, references) = LinkReferences.number(document)
    forEachLine(
      of: blocks[...], in: blocks.indices, endingDocument: true,
      layouter: BlockLayouter(width: wrapWidth(width)),
      body)
    forEachReferenceLine(references.references, afterBlocks: !blocks.isEmpty, width: width, body)
  }

  private static func wrapWidth(_ width: Int) -> Int { width == 0 ? Int.max / 4 : width }

  /// One result per piece of a window, each written by the thread that makes that piece.
  private struct Slots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
    let count: Int

    init(count: Int, initial: Value) {
      self.count = count
      base = .allocate(capacity: count)
      base.initialize(repeating: initial, count: count)
    }

    func free() {
      base.deinitialize(count: count)
      base.deallocate()
    }
  }

  /// The lines of `blocks[range]`, block by block as `DocumentLayout` lays them out: the empty
  /// line of an empty block and the blank after every block but the document's last included
  /// (`blocks` may be a window of the document: its last ends the document if `endingDocument`),
  /// without keeping any block's lines.
  private static func forEachLine(
    of blocks: ArraySlice<Block>, in range: Range<Int>, endingDocument: Bool, layouter: BlockLayouter,
    _ body: (LayoutLine) -> Void
  ) {
    for index in range {
      let block = blocks[index]
      var last: LineKey?
      layouter.forEachLine(of: block) { line in
        body(line)
        last = line.key
      }
      if last == nil {
        last = LineKey(leaf: block.id, offset: 0)
        body(LayoutLine(spans: [], key: last!))
      }
      if index < blocks.endIndex - 1 || !endingDocument, var key = last {
        key.offset = LineKey.separatorOffset
        body(LayoutLine(spans: [], key: key))
      }
    }
  }

  /// The numbered link destinations under `References:`, after a blank line when blocks came before.
  private static func forEachReferenceLine(
    _ references: [(Int, String)], afterBlocks: Bool, width: Int, _ body: (LayoutLine) -> Void
  ) {
    guard !references.isEmpty else { return }
    let key = LineKey(leaf: Int.max, offset: 0)
    if afterBlocks { body(LayoutLine(spans: [], key: key)) }
    body(LayoutLine(spans: [StyledText("References:")], key: key))
    let breaker = LineBreaker(width: wrapWidth(width))
    for (number, destination) in references {
      let marker = "[\(number)] "
      let pad = String(repeating: " ", count: DisplayWidth.of(marker))
      let lines = breaker.wrap(
        [InlineRun(ReadableAddress.text(of: destination))], leaf: 0, firstPrefix: [StyledText(marker)],
        restPrefix: [StyledText(pad)])
      for line in lines { body(line) }
    }
  }

  /// Adds the line's text to `text`, without the spaces it ends with, and a line feed: the spans
  /// go in one after another, never first joined into a string of the line's own.
  private static func append(_ line: LayoutLine, to text: inout String) {
    var last = line.spans.count - 1
    while last >= 0 && line.spans[last].text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") }) { last -= 1 }
    if last >= 0 {
      for index in 0..<last { text += line.spans[index].text }
      text += line.spans[last].text.droppingTrailingSpaces()
    }
    text += "\n"
  }

  /// The whole printout as one string.
  public static func text(of document: Document, width: Int) -> String {
    var result = ""
    print(document, width: width) { result += $0 }
    return result
  }
}
