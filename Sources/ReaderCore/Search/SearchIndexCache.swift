import Foundation

/// The search indexes of one document, one per display setting, each built on first use.
///
/// The text indexed is the text the body shows: every block as `ConversionCache` gives it for
/// the setting, so match offsets are those of the body's layout. Building converts the whole
/// document (to the display script, then to normalised form), which takes seconds on a 10 MB
/// file: call `index(for:)` off the keypress path (a background thread) and `builtIndex(for:)`
/// from the run loop, which never waits for a build.
public final class SearchIndexCache: @unchecked Sendable {
  public let conversions: ConversionCache
  /// Where tw2s is opened from: the library the conversions use.
  public let library: OpenCCLibrary

  private let stateLock = NSLock()
  private let buildLock = NSLock()
  private var indexes: [ConversionCache.Setting: SearchIndex] = [:]
  private var failure: ConversionError?

  public init(conversions: ConversionCache, library: OpenCCLibrary = .shared) {
    self.conversions = conversions
    self.library = library
  }

  /// The index of the document as shown in `setting`, built now if it is not built yet.
  ///
  /// Throws only when OpenCC's tw2s cannot be opened (its data is missing); the error is kept,
  /// so later calls answer at once.
  public func index(for setting: ConversionCache.Setting) throws(ConversionError) -> SearchIndex {
    if let index = builtIndex(for: setting) { return index }
    buildLock.lock()
    defer { buildLock.unlock() }
    // Another caller may have built it, or failed, while this one waited.
    if let index = builtIndex(for: setting) { return index }
    if let failure = stateLock.withLock({ failure }) { throw failure }
    let normalizer: SearchNormalizer
    do {
      normalizer = try SearchNormalizer(library: library)
    } catch {
      stateLock.withLock { failure = error }
      throw error
    }
    let document = conversions.document
    let shown = Document(
      title: document.title, blocks: document.blocks.indices.map { conversions.block($0, setting) })
    // Every view is normalised again, the Simplified one too: it shows Simplified sentences as
    // written, which tw2s may still change (什么 → 什幺) exactly as it changes the query.
    let index = try SearchIndex(displayed: shown, normalizer: normalizer)
    stateLock.withLock { indexes[setting] = index }
    return index
  }

  /// The index for `setting` if it is already built; never waits.
  public func builtIndex(for setting: ConversionCache.Setting) -> SearchIndex? {
    stateLock.withLock { indexes[setting] }
  }
}
