import FoundationEssentials

/// How far the faction index has looked and counted, shared by the indexes of one document as
/// it grows (blocks only appended), so that each chunk of a background parse costs the work of
/// its own blocks and nothing found before is looked for again.
///
/// Work is done outside the lock on a range of top-level blocks and committed under it only
/// if nothing else committed that range meanwhile.
final class FactionProgress: @unchecked Sendable {
  /// What is counted in one display setting.
  struct Count {
    /// The top-level blocks counted, from the first.
    var blocks = 0
    /// Per faction, its mentions in reading order.
    var mentions: [[Mention]]
    /// Per faction, the sections that hold its mentions (nil: the preface), one per title, first
    /// mention first: what the panel lists, kept so that a frame never walks every mention.
    var sections: [[Int?]]
    /// Per faction, the titles `sections` holds (nil: the preface).
    var titles: [Set<String?>]

    init(factions: Int) {
      mentions = Array(repeating: [], count: factions)
      sections = Array(repeating: [], count: factions)
      titles = Array(repeating: [], count: factions)
    }
  }

  /// The mentions and candidate sections found in one range of blocks, to be committed.
  struct Found {
    var mentions: [[Mention]]
    /// Per faction, each section of the range holding a mention, with its title, once each.
    var sections: [[(section: Int?, title: String?)]]
  }

  private let lock = Lock()
  /// The top-level blocks looked through for the summary, from the first.
  private var searched = 0
  private var summary: FactionSummary?
  private var counts: [ConversionCache.Setting: Count] = [:]
  /// The settings a background thread is preparing now.
  private var working: Set<ConversionCache.Setting> = []

  /// The summary found, and how many top-level blocks were looked through to find it or not.
  var search: (summary: FactionSummary?, searched: Int) {
    lock.lock()
    defer { lock.unlock() }
    return (summary, searched)
  }

  /// Records that blocks `from..<to` were looked through and what was found there; false when
  /// another thread recorded that range first.
  func commitSearch(from: Int, to: Int, found: FactionSummary?) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard searched == from, summary == nil else { return false }
    searched = to
    summary = found
    return true
  }

  /// How many top-level blocks are counted in `setting`.
  func countedBlocks(_ setting: ConversionCache.Setting) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return counts[setting]?.blocks ?? 0
  }

  /// Reads the count in `setting`, if one was begun, under the lock.
  func withCount<Result>(_ setting: ConversionCache.Setting, _ read: (Count) -> Result) -> Result? {
    lock.lock()
    defer { lock.unlock() }
    return counts[setting].map(read)
  }

  /// Appends what blocks `from..<to` hold to the count in `setting`; false when another thread
  /// counted that range first.
  func commitCount(_ setting: ConversionCache.Setting, from: Int, to: Int, found: Found) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    var count = counts.removeValue(forKey: setting) ?? Count(factions: found.mentions.count)
    defer { counts[setting] = count }
    guard count.blocks == from else { return false }
    count.blocks = to
    for faction in found.mentions.indices {
      count.mentions[faction].appendGrowingModestly(contentsOf: found.mentions[faction])
      for candidate in found.sections[faction] where count.titles[faction].insert(candidate.title).inserted {
        count.sections[faction].append(candidate.section)
      }
    }
    return true
  }

  /// Marks `setting` as being prepared unless it is already; true when the caller is to do it.
  func claim(_ setting: ConversionCache.Setting) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return working.insert(setting).inserted
  }

  func release(_ setting: ConversionCache.Setting) {
    lock.lock()
    working.remove(setting)
    lock.unlock()
  }
}
