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

  public init(document: Document, converter: ScriptConverter = .shared) {
    self.document = document
    self.converter = converter
  }

  /// The cache of `grown`, the same document with blocks and outline entries appended: what is
  /// converted already is kept (a block or title never changes when the document grows), and
  /// so are the author's spellings found so far, so the screen after a chunk of a background
  /// parse costs what is new on it, not a pass over the document.
  public func grown(to grown: Document) -> ConversionCache {
    let next = ConversionCache(document: grown, converter: converter)
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

  private func block(_ index: Int, _ setting: Setting, keeping: Bool) -> Block {
    let original = document.blocks[index]
    if setting.script == .original { return original }
    return value(\.blocks, setting, index, keeping: keeping) {
      (try? converter.convert(original, to: setting.script, vocabulary: setting.vocabulary, spelling: $0))
        ?? original
    }
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
    return value ?? convert(setting.script == .traditional ? authorSpelling() : AuthorSpelling.none)
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
    let value = convert(setting.script == .traditional ? authorSpelling() : AuthorSpelling.none)
    lock.lock()
    self[keyPath: table][setting, default: [:]][key] = value
    lock.unlock()
    return value
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
