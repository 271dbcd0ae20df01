import Foundation
import ReaderCore

/// Opens a document in the viewer: first screen fast, the rest in the background, the reading
/// position remembered across runs, and the file reloaded when it changes on disk.
struct ViewerSession {
  /// Markdown larger than this is parsed a chunk at a time, so the first screen comes at once.
  static let backgroundParseThreshold = 256 << 10

  let source: DocumentSource
  let options: ImportOptions
  let script: DisplayScript?
  let vocabulary: Bool
  let measure: Int
  let theme: Theme.Name
  let remember: Bool
  let keysFromTTY: Bool

  func run() throws {
    let (origin, bytes) = try source.readSource()
    let (document, loading) = try open(origin, bytes: bytes)
    let key = origin.key(for: bytes)
    let store = remember ? PositionStore.standard() : nil
    let terminal = try Terminal(keysFromTTY: keysFromTTY, theme: theme)
    defer { terminal.shutdown() }
    var location: String?
    if case .file(let path) = origin { location = path }
    var state = ReaderState(
      document: document, size: terminal.size, script: script ?? .original, vocabulary: vocabulary,
      measure: measure, location: location)
    var pending = store?.load(for: key)
    if script != nil { pending?.script = (script ?? .original).rawValue }
    let loop = RunLoop(terminal: terminal)
    switch origin {
    case .file(let path): loop.watch(path: path) { try self.reload(origin) }
    case .bundled: loop.cannotReload = .bundledArticle
    case .standardInput, .standardInputOrBundled: loop.cannotReload = .standardInput
    }
    // A linked file is read like one named on the command line, detecting its own encoding.
    let linked = ImportOptions(force: options.force)
    loop.followLinks { path in try DocumentSource.file(path).loadDocument(linked) }
    state = loop.run(state, loading: loading, restoring: pending)
    // The place is remembered for the document the session opened, not one a link led to.
    if let store, state.location == location, let position = ReadingPosition(state: state) {
      try? store.save(position, for: key)
    }
  }

  /// The first document, and the background parse of the rest when the file is large.
  private func open(_ origin: DocumentSource, bytes: [UInt8]) throws -> (Document, BackgroundParse?) {
    if origin.isEPUB(bytes) { return (try origin.parse(bytes, options, name: source.argument), nil) }
    let encoding =
      options.encoding.map { ($0, 0) } ?? bytes.withUnsafeBytes { EncodingDetector.detect($0) }
    let isLarge = !origin.isPlainText(encoding: encoding.0) && bytes.count > Self.backgroundParseThreshold
    if isLarge && !encoding.0.isUTF8, let decoder = IconvDecoder(from: encoding.0),
      let started = try BackgroundParse.start(
        decoding: bytes, from: encoding.1, with: decoder, title: origin.title, name: source.argument,
        force: options.force)
    {
      return started
    }
    if isLarge && encoding.0.isUTF8 {
      // cmark replaces invalid UTF-8 and NUL and reads every line ending itself, so large UTF-8
      // files go to it as they are; only the start is checked for binary content.
      if BinaryDetector.looksBinary(Array(bytes.prefix(8192))) && !options.force {
        throw ReaderError.binaryFile(path: source.argument)
      }
      let text = encoding.1 > 0 ? Array(bytes.dropFirst(encoding.1)) : bytes
      return BackgroundParse.start(bytes: text, title: origin.title)
    }
    return (try origin.parse(bytes, options, name: source.argument), nil)
  }

  private func reload(_ origin: DocumentSource) throws -> Document {
    try origin.loadDocument(options)
  }
}

extension ReadingPosition {
  /// Where the reader is now, to remember for the next run.
  init?(state: ReaderState) {
    guard let key = state.bodyLayout.key(at: state.anchor) else { return nil }
    self.init(
      position: TextPosition(block: state.anchor.block, key: key), script: state.setting.script,
      outlineVisible: state.outlineVisible)
  }
}
