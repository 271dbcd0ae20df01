// libFuzzer entry point: bytes → SourceDecoder → parser → layout → frames, checking what a user
// would notice. Compiled into the ReaderCore module by scripts/fuzz; not part of the package.

/// Runs one input through the whole pipeline and stops the process on any broken promise.
enum FuzzTarget {
  static let widths = [1, 9, 80]
  static let sizes = [
    TerminalSize(width: 1, height: 1), TerminalSize(width: 10, height: 2), TerminalSize(width: 61, height: 8),
  ]

  static func run(_ bytes: [UInt8]) {
    let decoded = SourceDecoder.decode(bytes)
    check(!decoded.text.unicodeScalars.contains("\0"), "NUL left in the decoded text")
    check(!decoded.text.unicodeScalars.contains("\r"), "CR left in the decoded text")
    // A zip is read as a book and markup as a book's chapter; otherwise the last byte picks the
    // parser (text files end in an even line feed: Markdown).
    let title = "fuzz\u{1B}]0;t\u{7}.md"
    let format = Format(of: bytes)
    let document: Document
    switch format {
    case .book:
      guard let book = try? EPUBImporter(bytes: bytes), let read = try? readWhole(book, title: title) else {
        return
      }
      document = read
    case .chapter:
      guard let root = MarkupParser.parseHTML(bytes) else { return }
      var converter = XHTMLConverter(chinese: true)
      document = Document(title: title, blocks: converter.blocks(ofChapter: root, path: "c.xhtml"))
    case .plainText: document = PlainTextParser().parse(decoded.text, title: title)
    case .markdown: document = MarkdownParser().parse(decoded.text, title: title)
    }
    for entry in document.outline.entries { checkVisible(entry.title, allowLineFeed: false, "outline title") }
    for width in widths {
      let layout = DocumentLayout(document: document, width: width)
      for block in 0..<layout.blockCount {
        for line in layout.lines(ofBlock: block) {
          check(
            line.width <= width,
            "a line of \(line.width) columns at width \(width): \(line.text.debugDescription)")
          checkVisible(line.text, allowLineFeed: false, "layout line")
        }
      }
    }
    checkVisible(DocumentPrinter.text(of: document, width: 0), allowLineFeed: true, "--print output")
    for size in sizes {
      var state = ReaderState(document: document, size: size)
      checkFrame(FrameRenderer.render(state))
      for action: Action in [
        .key(.end), .key(.tab), .resize(TerminalSize(width: size.width + 13, height: 3)), .key(.pageUp),
        .resize(size), .key(.up),
      ] {
        state = Reducer.reduce(state, action)
        checkState(state)
        checkFrame(FrameRenderer.render(state))
      }
    }
    runKeyScript(bytes, on: document)
    if format == .markdown { checkChunkedParse(decoded.text, against: document) }
  }

  /// How an input is read: a zip (`PK` first) as an EPUB, text starting with markup as an
  /// XHTML chapter, anything else as Markdown or plain text.
  enum Format {
    case book, chapter, markdown, plainText

    init(of bytes: [UInt8]) {
      if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        self = .book
      } else if bytes.starts(with: Array("<?xml".utf8)) || bytes.starts(with: Array("<html".utf8)) {
        self = .chapter
      } else {
        self = bytes.last.map { $0 & 1 == 1 } ?? false ? .plainText : .markdown
      }
    }
  }

  /// A book read as the viewer reads it (the first chapters, the package, the rest), which must
  /// be the document the whole import makes.
  static func readWhole(_ book: EPUBImporter, title: String) throws -> Document {
    var growing = book
    var document = growing.firstDocument(fallbackTitle: title)
    growing.readRest(into: &document)
    while growing.appendNextChapter(to: &document) {}
    var whole = book
    let expected = try whole.document(fallbackTitle: title)
    check(
      Array(document.blocks) == Array(expected.blocks),
      "a book grown chapter by chapter differs from its whole import")
    return expected
  }

  /// Every key the keymap knows, for the key script.
  static let keys: [Key] = Keymap.bindings.flatMap(\.keys).filter { $0 != .control("z") }

  /// The input's last bytes, read as keys, resizes and mouse presses (a press on a link selects
  /// it, a second one follows it), drive the reducer: the fuzzer finds key sequences as well as
  /// documents.
  static func runKeyScript(_ bytes: [UInt8], on document: Document) {
    var state = ReaderState(document: document, size: TerminalSize(width: 50, height: 9))
    for byte in bytes.suffix(24) {
      if byte >= 0xF0 {
        state = Reducer.reduce(
          state, .resize(TerminalSize(width: Int(byte & 0x0F) * 9 + 1, height: Int(byte & 0x07) + 1)))
      } else if byte >= 0xE0 {
        let press = MouseEvent(.press, column: Int(byte & 0x0F) * 4, row: Int(byte & 0x07))
        state = Reducer.reduce(state, .mouse(press))
      } else {
        state = Reducer.reduce(state, .key(keys[Int(byte) % keys.count]))
      }
      checkState(state)
      checkFrame(FrameRenderer.render(state))
    }
  }

  /// The chunked parser (small chunks, so cuts fall everywhere) gives the same blocks as one
  /// parse of the whole text, as it promises, unless link or footnote definitions are in play.
  static func checkChunkedParse(_ text: String, against document: Document) {
    var parser = ChunkedParser(bytes: Array(text.utf8), firstChunkSize: 61, chunkSize: 127)
    var blocks: [Block] = []
    while let more = parser.parseNextChunk() { blocks += more }
    if !parser.hasDocumentWideDefinitions {
      check(blocks == Array(document.blocks), "chunked parse differs from the whole parse")
    }
  }

  static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
  }

  static func checkVisible(_ text: String, allowLineFeed: Bool, _ what: String) {
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 0x0A && allowLineFeed { continue }
      let forbidden =
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value)
      check(!forbidden, "control U+\(String(value, radix: 16)) in \(what): \(text.debugDescription)")
    }
  }

  static func checkState(_ state: ReaderState) {
    let layout = state.bodyLayout
    let outline = state.document.outline
    check(outline.isEmpty ? state.selection == 0 : (0..<outline.count).contains(state.selection), "selection")
    if layout.blockCount == 0 {
      check(state.anchor == .top, "anchor in an empty document")
    } else {
      check((0..<layout.blockCount).contains(state.anchor.block), "anchor block \(state.anchor)")
      check((0..<layout.lines(ofBlock: state.anchor.block).count).contains(state.anchor.line), "anchor line")
    }
  }

  static func checkFrame(_ frame: Frame) {
    check(frame.rows.count == frame.height, "frame height")
    for row in frame.rows {
      check(row.reduce(0) { $0 + $1.width } == frame.width, "a row that is not the frame's width")
      for cell in row where cell.width > 0 {
        check(
          DisplayWidth.of(cell.text) == cell.width,
          "cell \(cell.text.debugDescription) is not \(cell.width) wide")
        checkVisible(cell.text, allowLineFeed: false, "cell")
      }
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data else { return 0 }
  FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
