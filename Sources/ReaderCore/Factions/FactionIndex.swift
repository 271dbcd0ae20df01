import Foundation

/// The document's faction summary and each faction's mentions in a display script, found once.
///
/// Finding them is a pass over the whole document (seconds at 100 MB), so the viewer runs
/// `prepare` on a background thread and keys read only what is ready (`foundSummary`,
/// `countedMentions`): the panel opens at once and its counts fill in when counted. Opening
/// and closing the panel again reuses them.
public final class FactionIndex: @unchecked Sendable {
  private let conversions: ConversionCache
  private let lock = NSLock()
  private var summaryFound: FactionSummary??
  private var mentions: [ConversionCache.Setting: [[Mention]]] = [:]
  /// Per setting and faction, the outline entries that hold its mentions (nil: the preface), each
  /// once in reading order: made with the count so that a frame of the panel never walks every mention.
  private var sections: [ConversionCache.Setting: [[Int?]]] = [:]

  public init(conversions: ConversionCache) {
    self.conversions = conversions
  }

  /// The summary if it has been looked for (`.some(nil)`: the document has none), else nil; never waits.
  public var foundSummary: FactionSummary?? {
    lock.lock()
    defer { lock.unlock() }
    return summaryFound
  }

  /// Whether the summary is looked for and, if there is one, its mentions in `setting` counted.
  public func isPrepared(_ setting: ConversionCache.Setting) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard let found = summaryFound else { return false }
    return found == nil || mentions[setting] != nil
  }

  /// Looks for the summary and counts its mentions in `setting` (waits: call it off the key path).
  public func prepare(_ setting: ConversionCache.Setting) {
    guard let factions = summary?.factions, !factions.isEmpty else { return }
    _ = mentions(of: 0, setting)
  }

  /// Faction `index`'s mentions in `setting` if they are counted, else nil; never waits.
  public func countedMentions(of index: Int, _ setting: ConversionCache.Setting) -> [Mention]? {
    lock.lock()
    defer { lock.unlock() }
    guard let found = mentions[setting], found.indices.contains(index) else { return nil }
    return found[index]
  }

  /// The sections that hold faction `index`'s mentions in `setting`, first mention first, if they
  /// are counted, else nil; never waits.
  public func countedSections(of index: Int, _ setting: ConversionCache.Setting) -> [Int?]? {
    lock.lock()
    defer { lock.unlock() }
    guard let found = sections[setting], found.indices.contains(index) else { return nil }
    return found[index]
  }

  /// The list of labelled faction items, or nil when the document has none (waits for the search).
  public var summary: FactionSummary? {
    if let found = foundSummary { return found }
    // Looked for outside the lock, so that keys reading `foundSummary` meanwhile never wait.
    let found = FactionSummary.find(in: conversions.document)
    lock.lock()
    defer { lock.unlock() }
    if summaryFound == nil { summaryFound = .some(found) }
    return summaryFound ?? nil
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

  /// Where faction `index` is mentioned, searching the text as displayed in `setting`'s script
  /// (waits for the count: the viewer's keys use `countedMentions`).
  public func mentions(of index: Int, _ setting: ConversionCache.Setting) -> [Mention] {
    guard let factions = summary?.factions, factions.indices.contains(index) else { return [] }
    lock.lock()
    if let found = mentions[setting] {
      lock.unlock()
      return found[index]
    }
    lock.unlock()
    let document = conversions.document
    let shown =
      setting.script == .original
      ? document
      : Document(
        title: document.title, blocks: document.blocks.indices.map { conversions.block($0, setting) })
    let leaves = LeafText.leaves(of: shown)
    let found = factions.map { faction in
      MentionFinder.mentions(
        of: Faction.nameForms(of: conversions.text(faction.name, setting)), in: leaves,
        outline: document.outline)
    }
    let foundSections = found.map { mentions in
      var seen = Set<Int?>()
      return mentions.map(\.section).filter { seen.insert($0).inserted }
    }
    lock.lock()
    mentions[setting] = found
    sections[setting] = foundSections
    lock.unlock()
    return found[index]
  }
}
