import CCmarkGFM

/// Parses Markdown a chunk at a time, so the first screen can be shown before the rest is parsed.
///
/// Call `parseNextChunk()` until it returns nil: the first call parses about `firstChunkSize`
/// bytes (enough for the first screen, quickly), later calls about `chunkSize` bytes each (made for
/// a background task). Block ids continue from chunk to chunk, and cmark's tree is freed after
/// each chunk, so memory holds the source bytes and the blocks, never a whole-document tree. A
/// parser made with `init(size:reader:...)` does not hold the source either: it reads the window
/// of each chunk when it parses it (a 100 MB file is then never in memory whole).
/// cmark allocates each chunk's tree in its arena (see `CmarkArena`), which is one per process: two
/// chunked parsers running at once take turns, chunk by chunk.
///
/// The blocks equal those of parsing the whole text at once (`MarkdownParser.parse`), except when
/// the document uses link reference definitions or footnotes, which Markdown resolves across the
/// whole document: then `hasDocumentWideDefinitions` becomes true (once the chunk holding one has
/// been parsed), a reference whose definition lies in another chunk shows as plain text, and
/// footnotes gather at the end of their chunk rather than of the document. A caller that needs
/// those can parse the whole text once more in the background.
///
/// ```swift
/// var parser = ChunkedParser(bytes: bytes)
/// var document = Document(title: name, blocks: parser.parseNextChunk() ?? [])  // then paint
/// // On a background task, with the parser moved there (it is Sendable):
/// while let blocks = parser.parseNextChunk() { document.append(blocks) }  // hand over each chunk
/// ```
///
/// How a cut is kept exact: `ChunkSplitter` proposes a line to cut before; the chunk is parsed with
/// that one line added, and cmark's source positions tell where the last top-level block starts.
/// Every block before it was closed by then, so the parser was in its initial state at that line:
/// the chunk ends there, and the next chunk starts there. The proposed line is almost always that
/// start; when it is not (say, a fence inside a list item fooled the scan), the cut moves back to
/// where cmark says, and the bytes between are parsed again with the next chunk.
public struct ChunkedParser: Sendable {
  /// Reads `count` bytes of the source from `offset` (fewer where it ends).
  public typealias Reader = @Sendable (_ offset: Int, _ count: Int) -> [UInt8]

  /// The whole source, UTF-8 (invalid sequences are shown as U+FFFD); empty with a `reader`.
  private let bytes: [UInt8]
  /// Where a source not held in memory is read from, a window at a time.
  private let reader: Reader?
  /// The source's length in bytes. A source read in windows that turns out shorter (a file cut
  /// while it was parsed) ends where the reads stopped.
  public private(set) var size: Int
  public let firstChunkSize: Int
  public let chunkSize: Int
  /// How many bytes from the start have been parsed into blocks.
  public private(set) var parsedBytes = 0
  /// The id the next block will get.
  public private(set) var nextID: Int
  /// How many top-level blocks have been returned so far.
  public private(set) var blockCount = 0
  /// How many chunks have been returned so far.
  public private(set) var chunkCount = 0
  /// Whether a link reference or footnote definition was seen (see the type's discussion).
  public private(set) var hasDocumentWideDefinitions = false

  /// `resumingAt`: the offset where an earlier parser of the same bytes stopped (its
  /// `parsedBytes`, with `firstID` its `nextID`), so this one goes on from there; front matter
  /// is only looked for at the start.
  public init(
    bytes: [UInt8], firstID: Int = 0, firstChunkSize: Int = 16 << 10, chunkSize: Int = 1 << 20,
    resumingAt offset: Int = 0
  ) {
    self.bytes = bytes
    reader = nil
    size = bytes.count
    self.nextID = firstID
    self.parsedBytes = min(max(0, offset), bytes.count)
    self.firstChunkSize = max(1, firstChunkSize)
    self.chunkSize = max(1, chunkSize)
    chinese = bytes.withUnsafeBytes { ImagePlaceholder.isChinese(source: $0) }
  }

  /// A parser of `size` bytes that `reader` gives: each chunk reads only its window (about twice
  /// the chunk, more when a block runs past it), and the blocks are those of the bytes in memory.
  public init(
    size: Int, reader: @escaping Reader, firstID: Int = 0, firstChunkSize: Int = 16 << 10,
    chunkSize: Int = 1 << 20, resumingAt offset: Int = 0
  ) {
    bytes = []
    self.reader = reader
    self.size = max(0, size)
    self.nextID = firstID
    self.parsedBytes = min(max(0, offset), self.size)
    self.firstChunkSize = max(1, firstChunkSize)
    self.chunkSize = max(1, chunkSize)
    chinese = reader(0, 4096).withUnsafeBytes { ImagePlaceholder.isChinese(source: $0) }
  }

  /// Whether image placeholders say 圖 (decided on the whole source's start, as a whole parse does).
  private let chinese: Bool

  /// Whether every byte has been parsed.
  public var isFinished: Bool { parsedBytes >= size }

  /// The share of the source parsed so far, from 0 to 1.
  public var fractionParsed: Double {
    size == 0 ? 1 : Double(parsedBytes) / Double(size)
  }

  /// The top-level blocks of the next chunk, or nil once the whole source has been parsed.
  ///
  /// A chunk can hold no block (only blank lines or definitions); the next call goes on.
  public mutating func parseNextChunk() -> [Block]? {
    parseNextChunk(previewingPast: nil)?.blocks
  }

  /// Like `parseNextChunk()`, but when the chunk would run more than `limit` bytes (one top-level
  /// block longer than that: a list of items nested thousands deep, a paragraph on one line), the
  /// blocks of about the chunk's size of it parsed alone, `isPreview`, and the parser does not move
  /// on: a first screen that need not wait for the whole block, which the chunk's blocks replace.
  public mutating func parseNextChunk(previewingPast limit: Int?) -> (blocks: [Block], isPreview: Bool)? {
    guard !isFinished else { return nil }
    let before = self
    var front: [Block] = []
    if chunkCount == 0 && parsedBytes == 0,
      let found = frontMatterWindow().withUnsafeBytes({ FrontMatterReader.read($0) })
    {
      // Front matter is taken off before cmark, as a whole parse does; the next line is a cut.
      front = [Block(id: nextID, kind: .frontMatter(found.frontMatter))]
      nextID += 1
      parsedBytes = found.end
      if isFinished {
        blockCount += 1
        chunkCount += 1
        return (front, false)
      }
    }
    let start = parsedBytes
    let firstSize = chunkCount == 0 ? firstChunkSize : chunkSize
    var target = firstSize
    var span = 2 * target
    var sawDefinition = false
    var found: Parsed?
    var preview: [Block]?
    while found == nil && preview == nil {
      let (held, base) = window(from: start, count: span)
      // A read that stops short of the size asked for found the end of the source.
      if reader != nil && held.count < min(span, size - start) { size = base + held.count }
      let reachesEnd = base + held.count >= size
      let attempt = held.withUnsafeBytes { all -> Attempt in
        let from = start - base
        let cut = ChunkSplitter(targetSize: target).cut(in: all, from: from, notBefore: from + target)
        if let limit, cut.offset - from > limit {
          return .preview(previewBlocks(all, from: from, size: firstSize))
        }
        // A window that ends before the source must hold the whole line at the cut and a byte
        // after it: a line cut short could read as another (or its CR lose the LF after it).
        let holdsCutLine =
          cut.offset < all.count && ChunkSplitter.lineBounds(in: all, from: cut.offset).next < all.count
        if !reachesEnd && !holdsCutLine { return .widerWindow }
        sawDefinition = sawDefinition || cut.sawDefinition
        guard var parsed = parse(all, from: from, cut: cut) else { return .largerChunk }
        parsed.end += base
        return .parsed(parsed)
      }
      switch attempt {
      case .parsed(let parsed): found = parsed
      case .preview(let blocks): preview = blocks
      case .widerWindow: span *= 2
      // One block runs past the proposed cut (a long list, say): parse a window twice as large.
      case .largerChunk:
        target *= 2
        span = max(span, 2 * target)
      }
    }
    guard let result = found else {
      self = before
      return (front + (preview ?? []), true)
    }
    parsedBytes = result.end
    nextID = result.nextID
    blockCount += front.count + result.blocks.count
    chunkCount += 1
    if sawDefinition || result.sawFootnote { hasDocumentWideDefinitions = true }
    return (front + result.blocks, false)
  }

  /// The blocks of about `size` bytes from `start` parsed alone, to the end of a line when one
  /// ends soon after (else at a character), with ids from `nextID`.
  private func previewBlocks(_ all: UnsafeRawBufferPointer, from start: Int, size: Int) -> [Block] {
    var end = min(all.count, ChunkSplitter.lineBounds(in: all, from: min(all.count, start + size)).next)
    if end - start > 2 * size {
      end = start + size
      while end > start && all[end] & 0xC0 == 0x80 { end -= 1 }
    }
    let window = UnsafeRawBufferPointer(rebasing: all[start..<end])
    return MarkdownParser().withTree(utf8: window, inArena: true) { root in
      var converter = NodeConverter(nextID: nextID, chinese: chinese)
      return converter.blocks(under: root)
    } ?? []
  }

  /// What one try at a chunk came to: its blocks, a preview of a block too long to wait for, or the
  /// need of a wider window or a larger chunk.
  private enum Attempt {
    case parsed(Parsed)
    case preview([Block])
    case widerWindow
    case largerChunk
  }

  /// The bytes from `start` on, `count` of them or fewer at the end, and the offset of their first
  /// byte in the source: the whole source from 0 when it is in memory.
  private func window(from start: Int, count: Int) -> (bytes: [UInt8], base: Int) {
    guard let reader else { return (bytes, 0) }
    return (reader(start, max(0, min(count, size - start))), start)
  }

  /// The start of the source, long enough to hold any front matter it opens with: the first
  /// chunk's window, or, read from a file whose first line may open front matter, as far as
  /// front matter may go.
  private func frontMatterWindow() -> [UInt8] {
    // At least the byte order mark and the three bytes an opening line starts with.
    let head = window(from: 0, count: max(2 * firstChunkSize, 8)).bytes
    guard reader != nil else { return head }
    var line = head[...]
    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
    guard line.starts(with: Array("---".utf8)) || line.starts(with: Array("+++".utf8)) else { return head }
    return window(from: 0, count: 2 * FrontMatterReader.maximumSize).bytes
  }

  /// What one window parse gives: the blocks, where the chunk ends, and the next id.
  private struct Parsed {
    var blocks: [Block]
    var end: Int
    var nextID: Int
    var sawFootnote: Bool
  }

  /// Parses `start..<cut` plus the line at the cut; nil when no top-level block starts after the
  /// first one in that window (the window is too small to hold a cut).
  private func parse(_ all: UnsafeRawBufferPointer, from start: Int, cut: ChunkSplitter.Cut) -> Parsed? {
    let atEnd = cut.offset >= all.count
    let windowEnd = atEnd ? all.count : ChunkSplitter.lineBounds(in: all, from: cut.offset).next
    let window = UnsafeRawBufferPointer(rebasing: all[start..<windowEnd])
    let firstID = nextID
    return MarkdownParser().withTree(utf8: window, inArena: true) { root -> Parsed? in
      var nodes: [(node: OpaquePointer, line: Int, isFootnote: Bool)] = []
      var child = cmark_node_first_child(root)
      while let node = child {
        let isFootnote = String(cString: cmark_node_get_type_string(node)) == "footnote_definition"
        nodes.append((node, Int(cmark_node_get_start_line(node)), isFootnote))
        child = cmark_node_next(node)
      }
      let sawFootnote = nodes.contains { $0.isFootnote }
      var endLine = Int.max
      var end = all.count
      if !atEnd {
        // cmark moves footnote definitions to the end of the document, so they do not mark a cut.
        var boundary: (line: Int, offset: Int)?
        for line in nodes.filter({ !$0.isFootnote }).map(\.line).dropFirst().reversed() {
          boundary = Self.chunkStart(all, window, start, line: line, cut)
          if boundary != nil { break }
        }
        guard let boundary else { return nil }
        endLine = boundary.line
        end = boundary.offset
      }
      var converter = NodeConverter(nextID: firstID, chinese: chinese)
      var blocks: [Block] = []
      for entry in nodes where entry.line < endLine {
        if let block = converter.block(from: entry.node) { blocks.append(block) }
      }
      return Parsed(blocks: blocks, end: end, nextID: converter.nextID, sawFootnote: sawFootnote)
    } ?? (atEnd ? Parsed(blocks: [], end: all.count, nextID: firstID, sawFootnote: false) : nil)
  }

  /// The byte offset of `line` in the window if a chunk may start there: not before the window's
  /// second line and not at a byte order mark (cmark would drop it at the start of a chunk).
  private static func chunkStart(
    _ all: UnsafeRawBufferPointer, _ window: UnsafeRawBufferPointer, _ start: Int, line: Int,
    _ cut: ChunkSplitter.Cut
  ) -> (line: Int, offset: Int)? {
    guard line > 1 else { return nil }
    let offset = line == cut.line ? cut.offset : start + lineStart(line, in: window)
    guard offset < all.count else { return nil }
    if offset + 3 <= all.count && all[offset] == 0xEF && all[offset + 1] == 0xBB && all[offset + 2] == 0xBF {
      return nil
    }
    return (line, offset)
  }

  /// The offset of 1-based line `line` in `window`, counting line ends as cmark does.
  private static func lineStart(_ line: Int, in window: UnsafeRawBufferPointer) -> Int {
    var position = 0
    var current = 1
    while current < line && position < window.count {
      position = ChunkSplitter.lineBounds(in: window, from: position).next
      current += 1
    }
    return position
  }
}
