import Foundation

/// The search indexes of one document, one per display script, each built on first use.
///
/// Building converts the whole document (to the display script, then to normalised form),
/// which takes seconds on a 10 MB file: call `index(for:)` off the keypress path (from a
/// background queue) and `builtIndex(for:)` from the run loop, which never waits for a build.
public final class SearchIndexCache: @unchecked Sendable {
  public let document: Document
  public let converter: ScriptConverter
  /// Whether the body localises vocabulary (s2twp / tw2sp); the index must see the same text.
  public let vocabulary: Bool

  private let stateLock = NSLock()
  private let buildLock = NSLock()
  private var indexes: [DisplayScript: SearchIndex] = [:]

  public init(document: Document, converter: ScriptConverter = .shared, vocabulary: Bool = false) {
    self.document = document
    self.converter = converter
    self.vocabulary = vocabulary
  }

  /// The index of the document shown in `script`, built now if it is not built yet.
  ///
  /// The displayed text is `ScriptConverter.convert(_:to:vocabulary:)` of the document, the
  /// conversion the body shows block by block, so match offsets are those of the body's layout.
  public func index(for script: DisplayScript) throws(ConversionError) -> SearchIndex {
    if let index = builtIndex(for: script) { return index }
    buildLock.lock()
    defer { buildLock.unlock() }
    // Another caller may have built it while this one waited.
    if let index = builtIndex(for: script) { return index }
    let normalizer = try SearchNormalizer(library: converter.library)
    let displayed = try converter.convert(document, to: script, vocabulary: vocabulary)
    let index = try SearchIndex(
      displayed: displayed, simplified: script == .simplified, normalizer: normalizer)
    stateLock.lock()
    indexes[script] = index
    stateLock.unlock()
    return index
  }

  /// The index for `script` if it is already built; never waits.
  public func builtIndex(for script: DisplayScript) -> SearchIndex? {
    stateLock.lock()
    defer { stateLock.unlock() }
    return indexes[script]
  }
}
