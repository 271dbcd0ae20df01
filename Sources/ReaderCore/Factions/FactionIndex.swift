import Foundation

/// The document's faction summary and each faction's mentions in a display script, found once.
public final class FactionIndex: @unchecked Sendable {
  private let conversions: ConversionCache
  private let lock = NSLock()
  private var summaryFound: FactionSummary??
  private var mentions: [ConversionCache.Setting: [[Mention]]] = [:]

  public init(conversions: ConversionCache) {
    self.conversions = conversions
  }

  /// The list of labelled faction items, or nil when the document has none.
  public var summary: FactionSummary? {
    lock.lock()
    defer { lock.unlock() }
    if let summaryFound { return summaryFound }
    let found = FactionSummary.find(in: conversions.document)
    summaryFound = .some(found)
    return found
  }

  /// Faction `index`'s name as shown in `setting`'s script.
  public func name(of index: Int, _ setting: ConversionCache.Setting) -> String {
    guard let faction = summary?.factions[index] else { return "" }
    return conversions.text(faction.name, setting)
  }

  /// Faction `index`'s summary text as shown in `setting`'s script.
  public func summaryText(of index: Int, _ setting: ConversionCache.Setting) -> String {
    guard let faction = summary?.factions[index] else { return "" }
    return conversions.text(faction.summary, setting)
  }

  /// Where faction `index` is mentioned, searching the text as displayed in `setting`'s script.
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
    lock.lock()
    mentions[setting] = found
    lock.unlock()
    return found[index]
  }
}
