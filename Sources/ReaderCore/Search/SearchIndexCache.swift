import FoundationEssentials

/// The search indexes of one document, one per display setting, each built on first use.
///
/// The text indexed is the text the body shows: every block as `ConversionCache` gives it for
/// the setting, so match offsets are those of the body's layout. Building converts the whole
/// document (to the display script, then to normalised form), which takes seconds on a 10 MB
/// file: call `index(for:)` off the keypress path (a background thread) and `builtIndex(for:)`
/// from the run loop, which never waits for a build. The cache of a document grown by a chunk
/// (`grown(with:)`) shares what was built with the cache it came from: its build indexes only the
/// blocks appended since.
public final class SearchIndexCache: @unchecked Sendable {
  /// What the caches of one growing document share: the longest index built of each setting.
  private final class Shared: @unchecked Sendable {
    let lock = Lock()
    /// Held for a whole build, so two caches of the document never index the same blocks twice.
    let buildLock = Lock()
    var longest: [ConversionCache.Setting: SearchIndex] = [:]
    var normalizer: SearchNormalizer?
    var failure: ConversionError?
  }

  public let conversions: ConversionCache
  /// Where tw2s is opened from: the library the conversions use.
  public let library: OpenCCLibrary

  private let shared: Shared
  private let stateLock = Lock()
  private var indexes: [ConversionCache.Setting: SearchIndex] = [:]

  public convenience init(conversions: ConversionCache, library: OpenCCLibrary = .shared) {
    self.init(conversions: conversions, library: library, shared: Shared())
  }

  private init(conversions: ConversionCache, library: OpenCCLibrary, shared: Shared) {
    self.conversions = conversions
    self.library = library
    self.shared = shared
  }

  /// The cache of the same document with blocks appended, shown through `conversions`: the
  /// indexes built so far are kept, and each grows by the new blocks when it is next asked for.
  public func grown(with conversions: ConversionCache) -> SearchIndexCache {
    SearchIndexCache(conversions: conversions, library: library, shared: shared)
  }

  /// The index of the document as shown in `setting`, built now if it is not built yet.
  ///
  /// Throws only when OpenCC's tw2s cannot be opened (its data is missing); the error is kept,
  /// so later calls answer at once.
  public func index(for setting: ConversionCache.Setting) throws(ConversionError) -> SearchIndex {
    if let index = builtIndex(for: setting) { return index }
    shared.buildLock.lock()
    defer { shared.buildLock.unlock() }
    // Another caller may have built it, or failed, while this one waited.
    if let index = builtIndex(for: setting) { return index }
    let normalizer = try sharedNormalizer()
    let count = conversions.document.blocks.count
    let earlier = shared.lock.withLock { shared.longest[setting] } ?? SearchIndex(normalizer: normalizer)
    let start = earlier.prefix(blocks: count)
    // Every view is normalised again, the Simplified one too: it shows Simplified sentences as
    // written, which tw2s may still change (什么 → 什幺) exactly as it changes the query.
    let conversions = conversions
    let index = start.appending(
      segments: try SearchIndexBuilder.segments(of: start.blockCount..<count, normalizer: normalizer) {
        conversions.convertedBlock($0, setting)
      })
    shared.lock.withLock {
      if index.blockCount > shared.longest[setting]?.blockCount ?? -1 { shared.longest[setting] = index }
    }
    stateLock.withLock { indexes[setting] = index }
    return index
  }

  /// The index for `setting` if it is already built; never waits.
  public func builtIndex(for setting: ConversionCache.Setting) -> SearchIndex? {
    stateLock.withLock { indexes[setting] }
  }

  /// tw2s, opened once for the document; its failure is kept.
  private func sharedNormalizer() throws(ConversionError) -> SearchNormalizer {
    let (normalizer, failure) = shared.lock.withLock { (shared.normalizer, shared.failure) }
    if let failure { throw failure }
    if let normalizer { return normalizer }
    do {
      let opened = try SearchNormalizer(library: library)
      shared.lock.withLock { shared.normalizer = opened }
      return opened
    } catch {
      shared.lock.withLock { shared.failure = error }
      throw error
    }
  }
}
