import FoundationEssentials
import Glibc
import ReaderCore

/// Opens documents in the viewer: first screen fast, the rest in the background, each reading
/// position remembered across runs, the file reloaded when it changes on disk; `:n` / `:p` move
/// between the documents given (or a folder's, once one is chosen from it), and `B` (or `--shelf`,
/// or a folder) shows the shelf, or the folder the document was chosen from.
struct ViewerSession {
  /// Markdown or plain text larger than this is parsed a chunk at a time, so the first screen
  /// comes at once.
  static let backgroundParseThreshold = 256 << 10

  /// What the session shows first.
  enum Start {
    case documents([DocumentSource])
    case shelf
    case folder(String)
  }

  let start: Start
  let options: ImportOptions
  let script: DisplayScript?
  let vocabulary: Bool
  let measure: Int
  let theme: Theme.Name
  let language: InterfaceLanguage
  let remember: Bool
  let keysFromTTY: Bool
  let width: Width

  /// How the width of the ambiguous characters is come by before the first screen and kept after it.
  struct Width {
    /// Waits for the terminal's answer about ambiguous widths, which nothing may lay out before,
    /// and returns what was typed while it was awaited.
    var settle: () -> [UInt8] = { [] }
    /// Where the width is kept for this terminal's next run.
    var memory: AmbiguousWidthMemory?
    /// The width was remembered, not asked: the terminal is asked after the first screen.
    var checkAfterFirstScreen = false
  }

  /// A document read and parsed, ready to show.
  private struct Opened {
    var origin: DocumentSource
    var document: Document
    var loading: BackgroundParse?
    /// Nil until the background parse has read the whole file (see `openFromStart`).
    var key: DocumentKey?

    /// The key to remember the place under: known by now, or made from the file read again.
    func finalKey() -> DocumentKey? {
      if let key = key ?? loading?.documentKey { return key }
      return (try? origin.readBytes()).map { origin.key(for: $0) }
    }
  }

  func run() throws {
    let store = remember ? PositionStore.standard() : nil
    var searchHistory = SearchHistory(entries: store?.loadSearchHistory() ?? [])
    var sources: [DocumentSource] = []
    var index = 0
    var opened: Opened?
    // The first document is read before the terminal is set up, so that an error is one plain line.
    if case .documents(let given) = start, let first = given.first {
      sources = given
      opened = try open(first)
    }
    let typedAhead = width.settle()
    let terminal = try Terminal(
      keysFromTTY: keysFromTTY, theme: theme, typedAhead: typedAhead, widthMemory: width.memory,
      checkingWidth: width.checkAfterFirstScreen)
    defer { terminal.shutdown() }
    // The documents read before; it reads the store each time it is shown.
    let readBefore = ShelfSession(store: store, folder: nil, language: language)
    var shelf: ShelfSession?
    switch start {
    case .documents: shelf = nil
    case .shelf: shelf = readBefore
    case .folder(let path): shelf = ShelfSession(store: store, folder: path, language: language)
    }
    var note: Message?
    // The folder listing the document was chosen from: `B` goes back to it, not to the shelf.
    var folderListing: ShelfSession?
    while true {
      if let current = shelf {
        guard let choice = current.run(on: terminal, note: note) else { return }
        note = nil
        guard case .entry(let entry) = choice else {
          shelf = readBefore
          continue
        }
        let chosen = entry.path
        if entry.isFolder {
          shelf = ShelfSession(store: store, folder: chosen, language: language)
          continue
        }
        do {
          opened = try open(.file(chosen))
          // Chosen from a folder, the document is one of its documents: `:n` opens the next file.
          let listed = current.documentSequence() ?? [chosen]
          let place = listed.firstIndex(of: chosen)
          sources = place == nil ? [.file(chosen)] : listed.map { .file($0) }
          index = place ?? 0
          folderListing = current.folder == nil ? nil : current
          shelf = nil
        } catch let error as ReaderError {
          note = error.note
          continue
        }
      }
      guard let document = opened else { return }
      let sequence = sources.count > 1 ? DocumentSequence(index: index, count: sources.count) : nil
      let leaving = show(
        document, sequence: sequence, note: note, on: terminal, store: store, searchHistory: &searchHistory)
      note = nil
      switch leaving {
      case nil:
        return
      case .shelf:
        shelf = folderListing ?? readBefore
      case .nextDocument, .previousDocument:
        let target = index + (leaving == .nextDocument ? 1 : -1)
        do {
          opened = try open(sources[target])
          index = target
        } catch let error as ReaderError {
          // The one being read is shown again, at its remembered place, with the reason.
          note = error.note
          opened = try? open(sources[index])
        }
      }
    }
  }

  /// Shows one document until the reader quits or asks for another; remembers its place.
  private func show(
    _ opened: Opened, sequence: DocumentSequence?, note: Message?, on terminal: Terminal,
    store: PositionStore?, searchHistory: inout SearchHistory
  ) -> Leaving? {
    var location: String?
    if case .file(let path) = opened.origin { location = path }
    var state = ReaderState(
      document: opened.document, size: terminal.size, script: script ?? .original, vocabulary: vocabulary,
      measure: measure, location: location, language: language)
    state.sequence = sequence
    state.searchHistory = searchHistory
    if let note { state = Reducer.reduce(state, .note(note)) }
    let script = self.script
    let remembered = { (key: DocumentKey) -> ReadingPosition? in
      var position = store?.load(for: key)
      if script != nil { position?.script = (script ?? .original).rawValue }
      return position
    }
    let pending = opened.key.flatMap(remembered)
    let loop = RunLoop(terminal: terminal)
    let origin = opened.origin
    // The last reading of the file, whose key the place is remembered under.
    var latest = opened
    switch origin {
    case .file(let path):
      // Read again as it was opened: the first screen at once, the rest in the background.
      loop.watch(path: path) {
        latest = try self.open(origin)
        return (latest.document, latest.loading)
      }
    case .bundled: loop.cannotReload = .bundledArticle
    case .standardInput, .standardInputOrBundled: loop.cannotReload = .standardInput
    }
    // A linked file is read like one named on the command line, detecting its own encoding.
    let linked = ImportOptions(force: options.force)
    loop.followLinks { path in try DocumentSource.file(path).loadDocument(linked) }
    state = loop.run(
      state, loading: opened.loading, restoring: pending,
      rememberedPlace: opened.key == nil ? remembered : nil)
    searchHistory = state.searchHistory
    try? store?.saveSearchHistory(searchHistory)
    // The place is remembered for the document the session opened, not one a link led to.
    if let store, state.location == location, let position = ReadingPosition(state: state),
      let key = latest.finalKey()
    {
      let title = state.document.byline
      // A place not reached yet keeps the progress it was remembered with.
      let progress =
        state.pendingPlace == nil
        ? state.bodyLayout.percent(at: state.anchor, height: state.geometry.body.height)
        : store.remembered(path: key.path)?.progress
      try? store.save(
        position, for: key, title: title, progress: progress, lastRead: Date().timeIntervalSince1970)
    }
    return state.leaving
  }

  private func open(_ source: DocumentSource) throws -> Opened {
    if let opened = try openFromStart(source) { return opened }
    let (origin, bytes) = try source.readSource()
    let (document, loading) = try open(origin, bytes: bytes, name: source.argument)
    let key = loading?.findsKey == true ? nil : origin.key(for: bytes)
    return Opened(origin: origin, document: document, loading: loading, key: key)
  }

  /// How much of a large file is read before the first screen: more than the encoding detector
  /// (256 KiB) and the first chunk (up to 64 KiB before it is shown from a preview) look at; a
  /// mebibyte copied in was a millisecond of a large file's first screen.
  static let startSize = 512 << 10

  /// A large Markdown (in any encoding) or plain-text file, shown from its first `startSize`
  /// bytes: no work in proportion to the file before the first screen. The rest, and the content
  /// hash of the remembered place, come from the background parse. Nil when the file is small or
  /// another kind: it is read whole.
  private func openFromStart(_ source: DocumentSource) throws -> Opened? {
    guard let (start, file) = try source.readStart(Self.startSize, head: 4096, decided: source.isEPUB)
    else { return nil }
    if source.isEPUB(start) { return try openBook(source, file: file) }
    // The detector and the binary check look at the first 256 KB and 8 KB only: the start decides
    // them as the whole file would.
    let (encoding, markLength) =
      options.encoding.map { ($0, 0) } ?? start.withUnsafeBytes { EncodingDetector.detect($0) }
    let started: (Document, BackgroundParse?)?
    if source.isPlainText(encoding: encoding) {
      started = try BackgroundParse.start(
        plainText: start, encoding: encoding, options: options, title: source.title, name: source.argument,
        rest: (file, source))
    } else if encoding.isUTF8 {
      if BinaryDetector.looksBinary(Array(start.prefix(8192))) && !options.force {
        throw ReaderError.binaryFile(path: source.argument)
      }
      started = BackgroundParse.start(
        markdownStart: start, markLength: markLength, file: file, origin: source, options: options,
        name: source.argument
      ).map { ($0.0, $0.1) }
    } else if let decoder = IconvDecoder(from: encoding) {
      started = try BackgroundParse.start(
        decoding: start, from: markLength, with: decoder, title: source.title, name: source.argument,
        force: options.force, rest: (file, source, options))
    } else {
      started = nil
    }
    guard let (document, loading) = started, let loading else { return nil }
    return Opened(origin: source, document: document, loading: loading, key: nil)
  }

  /// A large book, opened from its file: libzip reads what it needs where it is, so the first
  /// screen waits for the package and the first chapters, not for the whole file to be read; the
  /// background import reads the rest, and the two ends of the file for the key of the remembered place.
  private func openBook(_ source: DocumentSource, file: OpenFile) throws -> Opened {
    let size = try file.size()
    let makeKey: @Sendable () -> DocumentKey? = { try? source.key(of: file) }
    let started: (document: Document, loading: BackgroundParse?)
    do {
      started = try BackgroundParse.start(
        importing: try EPUBImporter(size: size) { file.read(at: $0, into: $1) }, fallbackTitle: source.title,
        key: makeKey)
    } catch {
      throw ReaderError.unreadable(path: source.argument, reason: error.reason)
    }
    return Opened(
      origin: source, document: started.document, loading: started.loading,
      key: started.loading == nil ? makeKey() : nil)
  }

  /// The first document, and the background parse of the rest when the file is large.
  private func open(_ origin: DocumentSource, bytes: [UInt8], name: String) throws -> (
    Document, BackgroundParse?
  ) {
    if origin.isEPUB(bytes) {
      do {
        // The content hash of the remembered place is made after the first screen, as for large files.
        return try BackgroundParse.start(
          importing: try EPUBImporter(bytes: bytes), fallbackTitle: origin.title,
          key: { origin.key(for: bytes) })
      } catch {
        throw ReaderError.unreadable(path: name, reason: error.reason)
      }
    }
    let encoding =
      options.encoding.map { ($0, 0) } ?? bytes.withUnsafeBytes { EncodingDetector.detect($0) }
    if origin.isPlainText(encoding: encoding.0) && bytes.count > Self.backgroundParseThreshold,
      let started = try BackgroundParse.start(
        plainText: bytes, encoding: encoding.0, options: options, title: origin.title, name: name)
    {
      return started
    }
    let isLarge = !origin.isPlainText(encoding: encoding.0) && bytes.count > Self.backgroundParseThreshold
    if isLarge && !encoding.0.isUTF8, let decoder = IconvDecoder(from: encoding.0),
      let started = try BackgroundParse.start(
        decoding: bytes, from: encoding.1, with: decoder, title: origin.title, name: name,
        force: options.force)
    {
      return started
    }
    if isLarge && encoding.0.isUTF8 {
      // cmark replaces invalid UTF-8 and NUL and reads every line ending itself, so large UTF-8
      // files go to it as they are; only the start is checked for binary content.
      if BinaryDetector.looksBinary(Array(bytes.prefix(8192))) && !options.force {
        throw ReaderError.binaryFile(path: name)
      }
      let text = encoding.1 > 0 ? Array(bytes.dropFirst(encoding.1)) : bytes
      return BackgroundParse.start(bytes: text, title: origin.title)
    }
    return (try origin.parse(bytes, options, name: name), nil)
  }
}
