/// What `f`, the faction panel and `m` do to the state: jump to the summary, highlight, step mentions.
enum FactionNavigation {
  /// `f`: the first faction, or the next one when a faction is already highlighted.
  static func highlightNext(_ state: inout ReaderState) {
    guard let found = state.factions.foundSummary else {
      state.statusMessage = .findingFactions
      return
    }
    guard let summary = found, !summary.factions.isEmpty else {
      state.statusMessage = .noFactions
      return
    }
    let showing = state.activeFaction.map { state.highlights == [itemRange(summary.factions[$0])] } ?? false
    let next = showing ? ((state.activeFaction ?? -1) + 1) % summary.factions.count : 0
    highlight(faction: next, on: &state)
  }

  /// Highlights a faction's summary item; the first brings the summary list to the top.
  static func highlight(faction index: Int, on state: inout ReaderState) {
    guard let summary = state.factions.foundSummary ?? nil, summary.factions.indices.contains(index) else {
      return
    }
    let faction = summary.factions[index]
    state.activeFaction = index
    state.mentionIndex = nil
    state.highlights = [itemRange(faction)]
    let layout = state.bodyLayout
    let itemLine = layout.firstLine(ofBlock: faction.topIndex) { $0.key.leaf == faction.itemLeafID } ?? 0
    let itemAnchor = Anchor(block: faction.topIndex, line: itemLine)
    if index == 0 {
      Reducer.show(layout.move(itemAnchor, by: -1), on: &state)
    } else if !isVisible(itemAnchor, in: state) {
      Reducer.show(layout.move(itemAnchor, by: -1), on: &state)
    }
    if let section = summary.sectionIndex(in: state.document.outline) {
      state.selection = section
      Reducer.keepSelectionVisible(&state)
    }
    let name = state.factions.name(of: index, state.setting)
    state.statusMessage = .faction(index: index + 1, count: summary.factions.count, name: name)
  }

  /// `F`: the panel, on the active faction; while the summary is being looked for it opens on a
  /// note that it fills in.
  static func openPanel(_ state: inout ReaderState) {
    guard let found = state.factions.foundSummary else {
      state.overlay = .factions(selection: 0)
      return
    }
    guard let summary = found, !summary.factions.isEmpty else {
      state.statusMessage = .noFactions
      return
    }
    state.overlay = .factions(selection: state.activeFaction ?? 0)
  }

  /// `m`: the next mention of the active faction, highlighted, near the top of the body.
  static func nextMention(_ state: inout ReaderState) {
    guard let found = state.factions.foundSummary else {
      state.statusMessage = .findingFactions
      return
    }
    guard let summary = found, !summary.factions.isEmpty else {
      state.statusMessage = .noFactions
      return
    }
    let faction = state.activeFaction ?? 0
    state.activeFaction = faction
    let name = state.factions.name(of: faction, state.setting)
    guard let mentions = state.factions.countedMentions(of: faction, state.setting) else {
      state.statusMessage = .countingMentions(name: name)
      return
    }
    guard !mentions.isEmpty else {
      state.statusMessage = .noMentions(name: name)
      return
    }
    let index = ((state.mentionIndex ?? -1) + 1) % mentions.count
    state.mentionIndex = index
    let mention = mentions[index]
    state.highlights = [TextRange(leaf: mention.leafID, offset: mention.offset, length: mention.length)]
    let layout = state.bodyLayout
    let anchor = layout.anchor(
      block: mention.topIndex, key: LineKey(leaf: mention.leafID, offset: mention.offset))
    Reducer.reveal(anchor, above: 2, onlyIfHidden: true, on: &state)
    state.statusMessage = .mention(name: name, index: index + 1, count: mentions.count)
  }

  private static func itemRange(_ faction: Faction) -> TextRange {
    .whole(leaf: faction.itemLeafID)
  }

  private static func isVisible(_ anchor: Anchor, in state: ReaderState) -> Bool {
    let height = state.geometry.body.height
    let bottom = state.bodyLayout.move(state.anchor, by: max(0, height - 1))
    return anchor >= state.anchor && anchor <= bottom
  }
}
