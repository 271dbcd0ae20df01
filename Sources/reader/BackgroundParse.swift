import CTerminalGuard
import Dispatch
import FoundationEssentials
import ReaderCore

/// Parses the rest of a large document on a background thread, after the first screen was shown.
///
/// The thread keeps its own growing `Document` and publishes a copy after each chunk; the run
/// loop takes the newest copy when it next wakes (a key or a tick) and hands it to the reducer.
/// Only appending happens, so what is on screen never moves. A parse made obsolete (the file was
/// read again) is cancelled: it publishes nothing more and its thread stops at the next chunk.
final class BackgroundParse: @unchecked Sendable {
  private let lock = Lock()
  private var latest: (document: Document, loading: Double?)?
  private var isCancelled = false
  /// Whether a document published since the last `take` replaces the one shown rather than
  /// growing it (stays set until taken, though later copies grow the replacement).
  private var replacing = false
  private(set) var isFinished = false
  /// The rest of the parse, until `begin` starts it on a thread of its own.
  private var work: (@Sendable () -> Void)?
  private var key: DocumentKey?
  /// Whether the thread makes the key of the remembered place (`documentKey`).
  private(set) var findsKey = false

  /// Parses the first chunk now and prepares a thread for the rest (`begin` starts it, once the
  /// first screen is drawn, so the two do not compete for the processor); returns the first document.
  static func start(bytes: [UInt8], title: String) -> (Document, BackgroundParse?) {
    var parser = ChunkedParser(bytes: bytes)
    let first = parser.parseNextChunk(previewingPast: previewPast)
    let document = Document(title: title, blocks: first?.blocks ?? [])
    guard !parser.isFinished else { return (document, nil) }
    let feed = BackgroundParse()
    let isPreview = first?.isPreview ?? false
    let shown = isPreview ? Document(title: title, blocks: []) : document
    feed.prepare { [parser] in feed.publishRest(of: parser, after: shown, replacing: isPreview) }
    return (document, feed)
  }

  /// A first chunk that would run longer than this (one long block) is shown from a preview of
  /// its start, replaced once it is parsed: see `ChunkedParser.parseNextChunk(previewingPast:)`.
  static let previewPast = 128 << 10

  /// How many top-level blocks of a book are imported before the first screen: the first
  /// chapters, enough to fill it (a cover page alone would not).
  static let firstBookBlocks = 64

  /// Like `start(bytes:title:)` for a book: the first chapters now, and on the thread the rest
  /// of its package and its table of contents (the outline grows from there), then the other
  /// chapters, published at most every `bookPublishInterval` so that a book of many short
  /// chapters does not copy its growing document once per chapter. With `key`, the key of the
  /// remembered place is made there too (`documentKey`), not before the first screen.
  static func start(
    importing book: EPUBImporter, fallbackTitle: String, key: (@Sendable () -> DocumentKey?)? = nil
  ) throws(EPUBError) -> (Document, BackgroundParse?) {
    var importer = book
    let document = importer.firstDocument(fallbackTitle: fallbackTitle, minimumBlocks: firstBookBlocks)
    if importer.foundNothing { throw .nothingReadable }
    guard !importer.isFinished else { return (document, nil) }
    let feed = BackgroundParse()
    feed.findsKey = key != nil
    feed.prepare { [importer, document] in
      if let made = key?() { feed.setKey(made) }
      var importer = importer
      var document = document
      let declared = document.declaresOutline
      importer.readRest(into: &document)
      // A table of contents that lists nothing gives the headings' outline: shown in place of the old.
      var replaces = document.declaresOutline != declared || importer.startedAgain
      // The outline read with the rest is shown with the next chapter, not a publication later.
      var published = Date.distantPast
      while importer.appendNextChapter(to: &document) {
        guard !importer.isFinished, Date().timeIntervalSince(published) >= bookPublishInterval else {
          continue
        }
        document.notice = importer.notice
        guard feed.publish(document, loading: importer.fractionImported, replaces: replaces) else { return }
        replaces = false
        published = Date()
      }
      document.notice = importer.notice
      feed.publish(document, loading: nil, replaces: replaces)
    }
    return (document, feed)
  }

  /// Seconds between two publications of a growing book.
  static let bookPublishInterval = 0.05

  /// How many bytes of a file in another encoding are decoded before the first screen.
  static let firstDecodedSize = 192 << 10

  /// Like `start(bytes:title:)` for Markdown in another encoding: only the first
  /// `firstDecodedSize` bytes are decoded before the first screen, the rest on the thread, so a
  /// GB18030 file paints as soon as a UTF-8 one. Nil when the first chunk's blocks run to the end
  /// of that decoded part (no safe place to continue from): the caller then decodes it all.
  ///
  /// With `rest`, `bytes` are only the start of the file (`DocumentSource.readStart`): the thread
  /// reads the whole from it and learns the key of the remembered place (`documentKey`); a file
  /// that no longer starts with `bytes` is parsed again whole and replaces what was shown.
  static func start(
    decoding bytes: [UInt8], from start: Int, with decoder: IconvDecoder, title: String, name: String,
    force: Bool, rest: (file: OpenFile, origin: DocumentSource, options: ImportOptions)? = nil
  ) throws -> (Document, BackgroundParse?)? {
    let firstEnd = min(bytes.count, start + firstDecodedSize)
    let isWhole = firstEnd == bytes.count && rest == nil
    // A start that is all decoded before the first screen leaves nothing to go on from.
    if firstEnd == bytes.count && rest != nil { return nil }
    let first = bytes[start..<firstEnd].withUnsafeBytes { decoder.decode($0, isLast: isWhole) }
    if BinaryDetector.looksBinary(Array(first.prefix(BinaryDetector.sampleSize))) && !force {
      throw ReaderError.binaryFile(path: name)
    }
    var parser = ChunkedParser(bytes: first)
    var document = Document(title: title, blocks: parser.parseNextChunk() ?? [])
    document.encodingLabel = decoder.encoding.name
    if isWhole {
      document.notice = Self.notice(invalidBytes: decoder.invalidBytes)
      return (document, nil)
    }
    guard !parser.isFinished else { return nil }
    let feed = BackgroundParse()
    let resumeAt = parser.parsedBytes
    let source = ByteBox(bytes)
    feed.prepare { [parser, document] in
      if let rest {
        if let key = try? rest.origin.key(of: rest.file) { feed.setKey(key) }
        guard let whole = try? rest.file.readAll() else {
          feed.publish(document, loading: nil)
          return
        }
        guard whole.starts(with: source.bytes) else {
          feed.publishReparsed(whole, from: rest.origin, rest.options, name: name, otherwise: document)
          return
        }
        source.bytes = whole
      }
      var document = document
      var remaining = Array(first[resumeAt...])
      remaining += source.bytes[firstEnd...].withUnsafeBytes { decoder.decode($0, isLast: true) }
      // The decoded text holds it all now; the bytes need not stay beside it.
      source.bytes = []
      document.notice = Self.notice(invalidBytes: decoder.invalidBytes)
      feed.publishRest(
        of: ChunkedParser(bytes: remaining, firstID: parser.nextID, firstChunkSize: 1 << 20), after: document)
    }
    return (document, feed)
  }

  /// How many bytes of a plain text are decoded and parsed before the first screen.
  static let firstPlainTextSize = 16 << 10

  /// Like `start(bytes:title:)` for plain text (`ChunkedPlainTextParser`): the first
  /// `firstPlainTextSize` bytes, cut after a line feed, are decoded and parsed now; the thread
  /// decodes the whole, as `DocumentSource.parse` does, and goes on (or starts again, when the
  /// whole reads its start differently). Nil when the encoding cannot be cut at a line feed byte
  /// (UTF-16, UTF-32): the caller parses it whole.
  ///
  /// With `rest`, `bytes` are only the start of the file: the thread reads the whole from it,
  /// and the key of the remembered place (`documentKey`) is known once it has.
  static func start(
    plainText bytes: [UInt8], encoding: SourceEncoding, options: ImportOptions, title: String, name: String,
    rest: (file: OpenFile, origin: DocumentSource)? = nil
  ) throws -> (Document, BackgroundParse?)? {
    guard encoding.isUTF8 || !encoding.name.hasPrefix("UTF-") else { return nil }
    var firstEnd = bytes.count
    if bytes.count > firstPlainTextSize {
      // After the last line feed of the first part, or the first one after it (a long line).
      let lastFeed =
        bytes[..<firstPlainTextSize].lastIndex(of: 0x0A) ?? bytes[firstPlainTextSize...].firstIndex(of: 0x0A)
      firstEnd = lastFeed.map { $0 + 1 } ?? bytes.count
    }
    let isWhole = firstEnd == bytes.count && rest == nil
    // A start without a line feed to cut after: the caller reads it all.
    if firstEnd == bytes.count && rest != nil { return nil }
    let decoded = SourceDecoder.decode(Array(bytes[..<firstEnd]), encoding: encoding)
    if decoded.looksBinary && !options.force { throw ReaderError.binaryFile(path: name) }
    let first = ChunkedPlainTextParser.firstChunk(of: decoded.text, isWhole: isWhole, reflow: options.reflow)
    var document = Document(title: title, blocks: first.blocks)
    document.encodingLabel = decoded.encodingLabel
    document.notice = decoded.notice
    if isWhole { return (document, nil) }
    let feed = BackgroundParse()
    let source = ByteBox(bytes)
    feed.prepare { [document, first] in
      if let rest {
        if let key = try? rest.origin.key(of: rest.file) { feed.setKey(key) }
        source.bytes = (try? rest.file.readAll()) ?? source.bytes
      }
      // The eager path's decoding, so the end is the document a whole parse gives. The decoded
      // text is gone once the parser has cut it into the pieces it lets go of as it parses.
      let (made, notice, encodingLabel) = {
        let whole = SourceDecoder.decode(source.bytes, encoding: options.encoding)
        // The text holds it all now; the bytes need not stay (a 100 MB book would be held twice).
        source.bytes = []
        let parser = ChunkedPlainTextParser(text: whole.text, reflow: options.reflow, after: first)
        return (parser, whole.notice, whole.encodingLabel)
      }()
      var parser = made
      var document = document
      if parser.restartsFromTop { document = Document(title: title, blocks: []) }
      document.notice = notice
      document.encodingLabel = encodingLabel
      var replaces = parser.restartsFromTop
      while let blocks = parser.parseNextChunk() {
        document.append(blocks)
        let loading = parser.isFinished ? nil : parser.fractionParsed
        guard feed.publish(document, loading: loading, replaces: replaces) else { return }
        replaces = false
      }
    }
    return (document, feed)
  }

  /// Like `start(bytes:title:)` for a large UTF-8 Markdown file of which only `start` has been
  /// read (`DocumentSource.readStart`): the first chunk is parsed from it, and the thread learns
  /// the key of the remembered place (`documentKey`) and goes on where the first chunk stopped,
  /// reading `file` a chunk's window at a time, so a 100 MB file is never held whole beside its
  /// blocks (a file changed meanwhile is read again by the reload that follows). A file that no
  /// longer starts with `start` (written between the two reads) is parsed again whole and
  /// replaces what was shown. Nil when the first chunk runs to the end of `start` (one block
  /// longer than it): the caller reads the file whole.
  static func start(
    markdownStart start: [UInt8], markLength: Int, file: OpenFile, origin: DocumentSource,
    options: ImportOptions, name: String
  ) -> (Document, BackgroundParse)? {
    var parser = ChunkedParser(bytes: Array(start[markLength...]))
    let first = parser.parseNextChunk(previewingPast: previewPast)
    let document = Document(title: origin.title, blocks: first?.blocks ?? [])
    guard !parser.isFinished else { return nil }
    let feed = BackgroundParse()
    let (resumeAt, nextID) = (parser.parsedBytes, parser.nextID)
    let isPreview = first?.isPreview ?? false
    let shown = isPreview ? Document(title: origin.title, blocks: []) : document
    feed.prepare { [document] in
      guard let size = try? file.size(), let key = try? origin.key(of: file),
        let head = try? file.read(at: 0, count: start.count)
      else {
        feed.publish(document, loading: nil)
        return
      }
      feed.setKey(key)
      guard head == start else {
        feed.publishReparsed(try? file.readAll(), from: origin, options, name: name, otherwise: document)
        return
      }
      let parser = ChunkedParser(
        size: size - markLength, reader: { (try? file.read(at: markLength + $0, count: $1)) ?? [] },
        firstID: nextID, resumingAt: resumeAt)
      feed.publishRest(of: parser, after: shown, replacing: isPreview)
    }
    return (document, feed)
  }

  /// The key the document's place is remembered under, once the thread has read the whole file
  /// (for documents opened from their start, see `start(markdownStart:...)`).
  var documentKey: DocumentKey? {
    lock.lock()
    defer { lock.unlock() }
    return key
  }

  /// Publishes `whole`, the file read again, parsed whole in place of what was shown (the file
  /// changed between the first read and this one); `shown` stays when it cannot be read or parsed.
  private func publishReparsed(
    _ whole: [UInt8]?, from origin: DocumentSource, _ options: ImportOptions, name: String,
    otherwise shown: Document
  ) {
    let parsed = whole.flatMap { try? origin.parse($0, options, name: name) } ?? shown
    publish(parsed, loading: nil, replaces: true)
  }

  private func setKey(_ key: DocumentKey) {
    lock.lock()
    self.key = key
    lock.unlock()
  }

  /// Bytes a background thread may let go of before it ends.
  private final class ByteBox: @unchecked Sendable {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
  }

  private static func notice(invalidBytes: Int) -> Message? {
    DecodedSource(text: "", encoding: .utf8, invalidBytes: invalidBytes, nulCharacters: 0, looksBinary: false)
      .notice
  }

  private func prepare(_ work: @escaping @Sendable () -> Void) {
    self.work = work
  }

  /// Starts parsing the rest; calling it again does nothing.
  func begin() {
    if let work {
      reader_heap_keep_large_allocations_mapped()
      BackgroundThread.start(work)
    }
    work = nil
  }

  /// Appends the rest of a Markdown parse to `document` a chunk at a time, publishing each step
  /// and then the finished document; the three Markdown starts share it.
  /// With `replacing`, the first document published replaces the one shown (a preview).
  private func publishRest(of parser: ChunkedParser, after document: Document, replacing: Bool = false) {
    var parser = parser
    var document = document
    var replaces = replacing
    while let blocks = parser.parseNextChunk() {
      document.append(blocks)
      let loading = parser.isFinished ? nil : parser.fractionParsed
      guard publish(document, loading: loading, replaces: replaces) else { return }
      replaces = false
    }
    publish(document, loading: nil, replaces: replaces)
  }

  /// Hands `document` to the run loop; false once the parse is cancelled (the thread then stops).
  @discardableResult
  private func publish(_ document: Document, loading: Double?, replaces: Bool = false) -> Bool {
    // What the chunk freed between the blocks kept goes back to the system (see `HeapTuning.h`).
    reader_heap_return_free_pages()
    lock.lock()
    defer { lock.unlock() }
    guard !isCancelled else { return false }
    latest = (document, loading)
    replacing = replacing || replaces
    return true
  }

  /// Stops the parse for good: nothing it made is taken any more. The copy not yet taken may be
  /// the only holder of a large document, so it is freed off the key path.
  func cancel() {
    lock.lock()
    isCancelled = true
    let dropped = latest
    latest = nil
    work = nil
    lock.unlock()
    DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.2) {
      withExtendedLifetime(dropped) {}
    }
  }

  /// Whether the newest document not yet taken holds top-level block `block` or is the whole:
  /// looked at without taking it.
  func hasPublished(block: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard let latest, !isCancelled else { return false }
    return latest.loading == nil || latest.document.blocks.count > block
  }

  /// The newest document not yet taken, if any.
  func take() -> Action? {
    guard let taken = takeDocument() else { return nil }
    if taken.replaces { return .documentReplaced(taken.document, loading: taken.loading) }
    return .documentGrew(taken.document, loading: taken.loading)
  }

  /// The newest document not yet taken, how far loading is (nil: whole), and whether it replaces
  /// the one shown rather than growing it.
  func takeDocument() -> (document: Document, loading: Double?, replaces: Bool)? {
    lock.lock()
    defer { lock.unlock() }
    guard let latest, !isCancelled else { return nil }
    self.latest = nil
    if latest.loading == nil { isFinished = true }
    defer { replacing = false }
    return (latest.document, latest.loading, replacing)
  }
}
