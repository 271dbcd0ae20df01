import FoundationEssentials

/// The document's blocks and titles in each display script, converted on demand and kept.
///
/// Only what is asked for is converted (the blocks on screen, the outline titles), so a toggle
/// costs a screenful of conversion, not the whole document. When OpenCC or its data is missing
/// the error is kept and every request answers with the text as written.
public final class ConversionCache: @unchecked Sendable {
  /// What a converted piece depends on besides the block itself.
  public struct Setting: Hashable, Sendable {
    public var script: DisplayScript
    public var vocabulary: Bool

    public init(script: DisplayScript, vocabulary: Bool = false) {
      self.script = script
      self.vocabulary = vocabulary
    }

    public static let original = Setting(script: .original)
  }

  public let document: Document
  private let converter: ScriptConverter
  private let lock = Lock()
  private var blocks: [Setting: [Int: Block]] = [:]
  private var titles: [Setting: [Int: String]] = [:]
  private var strings: [Setting: [String: String]] = [:]
  private var spelling: AuthorSpelling?
  private var scripts: DocumentScripts?
  private var failure: ConversionError?
  /// Blocks with at least this many bytes of text are converted off the key path.
  let largeBlockBytes: Int
  private let large: LargeBlockConversions
  /// Starts a large block's conversion (on a thread of its own, but for tests).
  private let startConversion: (@escaping @Sendable () -> Void) -> Void

  /// Paragraphs and headings from this many bytes of text on are converted in the background: at
  /// OpenCC's megabyte a second, a quarter of a second.
  public static let largeBlockBytes = 256 << 10

  public convenience init(document: Document, converter: ScriptConverter = .shared) {
    self.init(document: document, converter: converter, largeBlockBytes: Self.largeBlockBytes)
  }

  init(
    document: Document, converter: ScriptConverter, largeBlockBytes: Int,
    startConversion: @escaping (@escaping @Sendable () -> Void) -> Void = BackgroundThread.start,
    large: LargeBlockConversions = LargeBlockConversions()
  ) {
    self.document = document
    self.converter = converter
    self.largeBlockBytes = largeBlockBytes
    self.startConversion = startConversion
    self.large = large
  }

  /// The cache of `grown`, the same document with blocks and outline entries appended: what is
  /// converted already is kept (a block or title never changes when the document grows), and
  /// so are the author's spellings found so far, so the screen after a chunk of a background
  /// parse costs what is new on it, not a pass over the document.
  public func grown(to grown: Document) -> ConversionCache {
    let next = ConversionCache(
      document: grown, converter: converter, largeBlockBytes: largeBlockBytes,
      startConversion: startConversion,
      large: large)
    lock.lock()
    defer { lock.unlock() }
    next.blocks = blocks
    next.titles = titles
    next.strings = strings
    next.spelling = spelling
    next.failure = failure
    return next
  }

  /// Opens what `setting` needs; the error, if any, is the one-line reason the toggle cannot work.
  public func prepare(_ setting: Setting) -> ConversionError? {
    do {
      try converter.prepare(setting.script, vocabulary: setting.vocabulary)
      return nil
    } catch {
      return error
    }
  }

  /// Top-level block `index` in `setting`'s script.
  public func block(_ index: Int, _ setting: Setting) -> Block {
    block(index, setting, keeping: true)
  }

  /// The title of outline entry `index` in `setting`'s script.
  public func title(ofEntry index: Int, _ setting: Setting) -> String {
    title(ofEntry: index, setting, keeping: true)
  }

  /// Any short text (a faction name, a summary) in `setting`'s script.
  public func text(_ original: String, _ setting: Setting) -> String {
    text(original, setting, keeping: true)
  }

  /// `block(index, setting)`, converted without being kept when it is not kept already: for a pass
  /// over the whole document, which would fill the cache (and each grown copy of it) with blocks
  /// no screen asked for.
  public func convertedBlock(_ index: Int, _ setting: Setting) -> Block {
    block(index, setting, keeping: false)
  }

  /// `title(ofEntry: index, setting)`, converted without being kept, as `convertedBlock` is.
  public func convertedTitle(ofEntry index: Int, _ setting: Setting) -> String {
    title(ofEntry: index, setting, keeping: false)
  }

  /// Top-level block `index` in `setting`'s script without waiting: a block of `largeBlockBytes`
  /// or more answers nil until its conversion, started on a background thread by the first ask,
  /// is done. The others are converted here, as `block` does.
  public func readyBlock(_ index: Int, _ setting: Setting) -> Block? {
    let original = document.blocks[index]
    guard setting.script != .original, isLarge(original) else { return block(index, setting) }
    return large.ready(LargeBlockConversions.Key(index: index, setting: setting), start: startConversion) {
      [self] in
      convert(original, setting, spelling: spelling(for: setting))
    }
  }

  /// Whether block `index` is converted off the key path (see `readyBlock`).
  public func convertsInBackground(_ index: Int) -> Bool { isLarge(document.blocks[index]) }

  /// `runs` (a line of a large block while it is converted) in `setting`'s script, with the
  /// author's spellings if they are known already (finding them is a pass over the document),
  /// not kept.
  public func convertedRuns(_ runs: [InlineRun], _ setting: Setting) -> [InlineRun] {
    guard setting.script != .original else { return runs }
    lock.lock()
    let known = setting.script == .traditional ? spelling ?? AuthorSpelling.none : AuthorSpelling.none
    lock.unlock()
    return
      (try? converter.convert(
        runs: runs, to: setting.script, vocabulary: setting.vocabulary, spelling: known)) ?? runs
  }

  private func isLarge(_ block: Block) -> Bool { block.runs.hasText(atLeast: largeBlockBytes) }

  private func convert(_ original: Block, _ setting: Setting, spelling: AuthorSpelling) -> Block {
    (try? converter.convert(original, to: setting.script, vocabulary: setting.vocabulary, spelling: spelling))
      ?? original
  }

  private func block(_ index: Int, _ setting: Setting, keeping: Bool) -> Block {
    let original = document.blocks[index]
    if setting.script == .original { return original }
    if isLarge(original) {
      // Always kept, and made once: the key path, the search and the factions all come for it.
      return large.converted(LargeBlockConversions.Key(index: index, setting: setting)) {
        convert(original, setting, spelling: spelling(for: setting))
      }
    }
    return value(\.blocks, setting, index, keeping: keeping) { convert(original, setting, spelling: $0) }
  }

  private func title(ofEntry index: Int, _ setting: Setting, keeping: Bool) -> String {
    let original = document.outline[index].title
    if setting.script == .original { return original }
    return value(\.titles, setting, index, keeping: keeping) { _ in text(original, setting, keeping: keeping)
    }
  }

  private func text(_ original: String, _ setting: Setting, keeping: Bool) -> String {
    if setting.script == .original { return original }
    return value(\.strings, setting, original, keeping: keeping) {
      (try? converter.convert(original, to: setting.script, vocabulary: setting.vocabulary, spelling: $0))
        ?? original
    }
  }

  /// A value from one of the tables, converting (outside the lock) when it is not there yet, and
  /// keeping what was converted if `keeping`.
  private func value<Key: Hashable, Value>(
    _ table: ReferenceWritableKeyPath<ConversionCache, [Setting: [Key: Value]]>, _ setting: Setting,
    _ key: Key, keeping: Bool, convert: (AuthorSpelling) -> Value
  ) -> Value {
    if keeping { return cached(table, setting, key, convert: convert) }
    lock.lock()
    let value = self[keyPath: table][setting]?[key]
    lock.unlock()
    return value ?? convert(spelling(for: setting))
  }

  /// A value from one of the tables, converting (outside the lock) the first time it is asked for.
  private func cached<Key: Hashable, Value>(
    _ table: ReferenceWritableKeyPath<ConversionCache, [Setting: [Key: Value]]>, _ setting: Setting,
    _ key: Key,
    convert: (AuthorSpelling) -> Value
  ) -> Value {
    lock.lock()
    if let value = self[keyPath: table][setting]?[key] {
      lock.unlock()
      return value
    }
    lock.unlock()
    let value = convert(spelling(for: setting))
    lock.lock()
    self[keyPath: table][setting, default: [:]][key] = value
    lock.unlock()
    return value
  }

  /// The spellings a conversion to `setting`'s script keeps: the author's, into Traditional only.
  private func spelling(for setting: Setting) -> AuthorSpelling {
    setting.script == .traditional ? authorSpelling() : AuthorSpelling.none
  }

  /// The author's Traditional spellings, from one pass over the document (made once).
  public func authorSpelling() -> AuthorSpelling {
    lock.lock()
    if let spelling {
      lock.unlock()
      return spelling
    }
    lock.unlock()
    let found = (try? converter.detector.authorSpelling(of: document)) ?? AuthorSpelling.none
    lock.lock()
    spelling = found
    lock.unlock()
    return found
  }

  /// Each top-level block's script and the document's dominant one, once computed.
  public var documentScripts: DocumentScripts? {
    lock.lock()
    defer { lock.unlock() }
    return scripts
  }

  /// Runs the detection pass (seconds on a large document: call it off the keypress path).
  public func detectScripts() {
    guard documentScripts == nil, let found = try? converter.detector.scripts(of: document) else { return }
    lock.lock()
    scripts = found
    if spelling == nil { spelling = found.spelling }
    lock.unlock()
  }
}
