import FoundationEssentials

/// The document's faction summary and each faction's mentions in a display script, found once.
///
/// Finding them is a pass over the whole document (seconds at 100 MB), so the viewer runs
/// `prepare` on a background thread and keys read only what is ready (`foundSummary`,
/// `mentionCount`, `countedMentions`): the panel opens at once and its counts fill in. While the
/// document still loads, the index of each grown document (`grown(with:isComplete:)`) goes on
/// from where the last one stopped, so the panel shows the counts so far, marked as such. Opening
/// and closing the panel again reuses them.
public final class FactionIndex: @unchecked Sendable {
  private let conversions: ConversionCache
  /// Whether the document is whole: only then is a summary not found absent, and a count final.
  public let isComplete: Bool
  private let progress: FactionProgress

  public convenience init(conversions: ConversionCache, isComplete: Bool = true) {
    self.init(conversions: conversions, isComplete: isComplete, progress: FactionProgress())
  }

  private init(conversions: ConversionCache, isComplete: Bool, progress: FactionProgress) {
    self.conversions = conversions
    self.isComplete = isComplete
    self.progress = progress
  }

  /// The index of `conversions`' document, this one's with blocks appended: what is found and
  /// counted so far is kept, and preparing it counts only the new blocks.
  public func grown(with conversions: ConversionCache, isComplete: Bool) -> FactionIndex {
    FactionIndex(conversions: conversions, isComplete: isComplete, progress: progress)
  }

  private var blockCount: Int { conversions.document.blocks.count }

  /// The summary if it has been found (`.some(nil)`: the whole document has none), else nil;
  /// never waits.
  public var foundSummary: FactionSummary?? {
    let (summary, searched) = progress.search
    if let summary, summary.topIndex < blockCount { return .some(summary) }
    return isComplete && searched >= blockCount ? .some(nil) : nil
  }

  /// Whether `prepare(setting)` has something left to do on this document.
  public func needsPreparing(_ setting: ConversionCache.Setting) -> Bool {
    switch foundSummary {
    case .none: return true
    case .some(.none): return false
    case .some(.some): return progress.countedBlocks(setting) < blockCount
    }
  }

  /// Runs `prepare(setting)` through `start` (which puts it on a background thread) when there is
  /// something to prepare and no thread is at it already; never waits.
  public func prepareIfNeeded(
    _ setting: ConversionCache.Setting, start: (@escaping @Sendable () -> Void) -> Void
  ) {
    guard needsPreparing(setting), progress.claim(setting) else { return }
    start { [self] in
      prepare(setting)
      progress.release(setting)
    }
  }

  /// Looks for the summary and counts its mentions in `setting` up to this document's end
  /// (waits: call it off the key path).
  public func prepare(_ setting: ConversionCache.Setting) {
    guard let summary = summary else { return }
    let names = summary.factions.map { Faction.nameForms(of: conversions.text($0.name, setting)) }
    while true {
      let from = progress.countedBlocks(setting)
      guard from < blockCount else { return }
      let to = min(blockCount, from + Self.blocksPerCount)
      let found = mentions(of: names, in: from..<to, setting)
      _ = progress.commitCount(setting, from: from, to: to, found: found)
    }
  }

  /// How many top-level blocks one step of `prepare` counts: a count that fell behind a loading
  /// document would otherwise make the leaf texts of everything since at once (a joined copy of
  /// every paragraph of several runs), tens of MB beside the document at 100 MB.
  static let blocksPerCount = 2048

  /// The list of labelled faction items, or nil when the document (so far) has none (waits for
  /// the search).
  public var summary: FactionSummary? {
    while true {
      let (found, searched) = progress.search
      if let found { return found.topIndex < blockCount ? found : nil }
      guard searched < blockCount else { return nil }
      let blocks = conversions.document.blocks
      // Looked for outside the lock, so that keys reading `foundSummary` meanwhile never wait.
      let summary = (searched..<blockCount).lazy.compactMap {
        FactionDetector.summary(in: blocks[$0], topIndex: $0)
      }
      .first
      _ = progress.commitSearch(from: searched, to: blockCount, found: summary)
    }
  }

  /// How many mentions of faction `index` in `setting` are counted so far, with up to
  /// `sectionLimit` of the sections holding them; nil before the count begins. Never waits, and
  /// costs `sectionLimit`, never the number of mentions.
  public func mentionCount(
    of index: Int, _ setting: ConversionCache.Setting, sectionLimit: Int
  ) -> MentionCount? {
    let blocks = blockCount
    let complete = isComplete
    return progress.withCount(setting) { count -> MentionCount? in
      guard count.mentions.indices.contains(index) else { return nil }
      return MentionCount(
        count: count.mentions[index].count, isComplete: complete && count.blocks >= blocks,
        sections: Array(count.sections[index].prefix(sectionLimit)))
    } ?? nil
  }

  /// Faction `index`'s mentions in `setting` if the whole document is counted, else nil; never waits.
  public func countedMentions(of index: Int, _ setting: ConversionCache.Setting) -> [Mention]? {
    guard isComplete else { return nil }
    let blocks = blockCount
    return progress.withCount(setting) { count -> [Mention]? in
      guard count.blocks >= blocks, count.mentions.indices.contains(index) else { return nil }
      return count.mentions[index]
    } ?? nil
  }

  /// Faction `index`'s name as shown in `setting`'s script.
  public func name(of index: Int, _ setting: ConversionCache.Setting) -> String {
    guard let faction = foundSummary??.factions[index] else { return "" }
    return conversions.text(faction.name, setting)
  }

  /// Faction `index`'s summary text as shown in `setting`'s script.
  public func summaryText(of index: Int, _ setting: ConversionCache.Setting) -> String {
    guard let faction = foundSummary??.factions[index] else { return "" }
    return conversions.text(faction.summary, setting)
  }

  /// The mentions of each faction's `names` in top-level blocks `range`, searching the text as
  /// displayed in `setting`'s script, with the sections that hold them.
  private func mentions(
    of names: [[String]], in range: Range<Int>, _ setting: ConversionCache.Setting
  ) -> FactionProgress.Found {
    let document = conversions.document
    // Converted without being kept: a pass over the whole document would fill the cache (and
    // each chunk's copy of it) with blocks no screen asked for.
    let blocks = range.map { conversions.convertedBlock($0, setting) }
    let leaves = LeafText.leaves(of: blocks, from: range.lowerBound)
    let mentions = names.map { MentionFinder.mentions(of: $0, in: leaves, outline: document.outline) }
    let sections = mentions.map { found in
      var seen = Set<Int?>()
      return found.map(\.section).filter { seen.insert($0).inserted }.map { section in
        (section: section, title: section.map { conversions.convertedTitle(ofEntry: $0, setting) })
      }
    }
    return FactionProgress.Found(mentions: mentions, sections: sections)
  }
}
