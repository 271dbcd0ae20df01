/// The pure reducer: the next state from the current one and an action.
///
/// Conversion and layout results it asks for are memoised in caches the state carries; they
/// depend only on their inputs, so reducing the same action on the same state gives the same state.
public enum Reducer {
  public static func reduce(_ state: ReaderState, _ action: Action) -> ReaderState {
    var next = state
    next.message = nil
    switch action {
    case .resize: break
    case .command(.cycleScript), .command(.toggleVocabulary), .key(.character("t")), .key(.character("V")):
      break
    default: next.pinnedKey = nil
    }
    switch action {
    case .resize(let size):
      resize(&next, to: size)
    case .selectEntry(let index):
      select(&next, entry: index)
    case .key(let key):
      keyPressed(key, on: &next)
    case .command(let command):
      run(command, on: &next)
    }
    return next
  }

  private static func keyPressed(_ key: Key, on state: inout ReaderState) {
    switch state.overlay {
    case .help:
      state.overlay = nil
      if key == .character("q") { state.isRunning = false }
    case .factions:
      if let command = Keymap.command(for: key, in: .factionPanel) { run(command, on: &state) }
    case nil:
      if let command = Keymap.command(for: key) { run(command, on: &state) }
    }
  }

  private static func run(_ command: Command, on state: inout ReaderState) {
    let bodyHeight = max(1, state.geometry.body.height)
    let outlineHeight = max(1, state.geometry.outline?.height ?? bodyHeight)
    let inOutline = state.focus == .outline && !state.document.outline.isEmpty
    switch command {
    case .quit:
      state.isRunning = false
    case .switchFocus:
      if state.focus == .body && !state.document.outline.isEmpty && state.geometry.outline != nil {
        state.focus = .outline
      } else {
        state.focus = .body
      }
    case .focusBody:
      state.focus = .body
    case .lineUp:
      inOutline ? select(&state, entry: state.selection - 1) : scroll(&state, by: -1)
    case .lineDown:
      inOutline ? select(&state, entry: state.selection + 1) : scroll(&state, by: 1)
    case .pageUp:
      inOutline ? select(&state, entry: state.selection - outlineHeight) : scroll(&state, by: -bodyHeight)
    case .pageDown:
      inOutline ? select(&state, entry: state.selection + outlineHeight) : scroll(&state, by: bodyHeight)
    case .top:
      if inOutline {
        select(&state, entry: 0)
      } else {
        state.anchor = .top
        followBody(&state)
      }
    case .bottom:
      if inOutline {
        select(&state, entry: state.document.outline.count - 1)
      } else {
        state.anchor = state.bodyLayout.lastAnchor(height: bodyHeight)
        followBody(&state)
      }
    case .cycleScript:
      var setting = state.setting
      setting.script = setting.script.next
      changeSetting(&state, to: setting)
    case .toggleVocabulary:
      var setting = state.setting
      setting.vocabulary.toggle()
      changeSetting(&state, to: setting)
      if state.setting == setting {
        state.message = setting.vocabulary ? "vocabulary localised (用語轉換)" : "vocabulary as written"
      }
    case .showHelp:
      state.overlay = .help
    case .nextFaction:
      FactionNavigation.highlightNext(&state)
    case .openFactions:
      FactionNavigation.openPanel(&state)
    case .nextMention:
      FactionNavigation.nextMention(&state)
    case .closePanel:
      state.overlay = nil
    case .panelUp, .panelDown:
      if case .factions(let selection) = state.overlay, let count = state.factions.summary?.factions.count {
        let moved = selection + (command == .panelUp ? -1 : 1)
        state.overlay = .factions(selection: min(max(0, moved), count - 1))
      }
    case .panelChoose:
      if case .factions(let selection) = state.overlay {
        state.overlay = nil
        FactionNavigation.highlight(faction: selection, on: &state)
      }
    case .panelMentions:
      if case .factions(let selection) = state.overlay {
        state.overlay = nil
        state.activeFaction = selection
        state.mentionIndex = nil
        FactionNavigation.nextMention(&state)
      }
    }
  }

  /// Shows the text in another script or vocabulary, keeping the same text at the top.
  private static func changeSetting(_ state: inout ReaderState, to setting: ConversionCache.Setting) {
    if let failure = state.conversions.prepare(setting) {
      state.message = failure.message
      return
    }
    let key = state.pinnedKey ?? state.bodyLayout.key(at: state.anchor)
    state.pinnedKey = key
    state.setting = setting
    let layout = state.bodyLayout
    if let key { state.anchor = layout.anchor(block: state.anchor.block, key: key) }
    state.anchor = layout.clamp(state.anchor, height: state.geometry.body.height)
    if state.activeFaction != nil && !state.highlights.isEmpty && state.mentionIndex != nil {
      state.highlights = []
    }
  }

  /// Selects an outline entry and brings its heading to the top of the body.
  static func select(_ state: inout ReaderState, entry: Int) {
    let outline = state.document.outline
    guard !outline.isEmpty else { return }
    state.selection = min(max(0, entry), outline.count - 1)
    let layout = state.bodyLayout
    state.anchor = layout.clamp(
      layout.anchor(of: outline[state.selection]), height: state.geometry.body.height)
    keepSelectionVisible(&state)
  }

  static func scroll(_ state: inout ReaderState, by lines: Int) {
    let layout = state.bodyLayout
    state.anchor = layout.clamp(layout.move(state.anchor, by: lines), height: state.geometry.body.height)
    followBody(&state)
  }

  /// Puts `anchor` at the top of the body (as near as the end allows) and selects its section.
  static func show(_ anchor: Anchor, on state: inout ReaderState) {
    state.anchor = state.bodyLayout.clamp(anchor, height: state.geometry.body.height)
    followBody(&state)
  }

  /// Makes the outline selection follow the section at the top of the body.
  static func followBody(_ state: inout ReaderState) {
    guard !state.document.outline.isEmpty else { return }
    state.selection = state.currentEntry ?? 0
    keepSelectionVisible(&state)
  }

  static func keepSelectionVisible(_ state: inout ReaderState) {
    let height = max(1, state.geometry.outline?.height ?? 1)
    if state.selection < state.outlineTop { state.outlineTop = state.selection }
    if state.selection >= state.outlineTop + height { state.outlineTop = state.selection - height + 1 }
    state.outlineTop = max(0, min(state.outlineTop, state.document.outline.count - height))
  }

  private static func resize(_ state: inout ReaderState, to size: TerminalSize) {
    let oldLayout = state.bodyLayout
    let key = state.pinnedKey ?? oldLayout.key(at: state.anchor)
    state.pinnedKey = key
    state.size = size
    if state.focus == .outline && state.geometry.outline == nil { state.focus = .body }
    let layout = state.bodyLayout
    if let key, layout !== oldLayout {
      state.anchor = layout.anchor(block: state.anchor.block, key: key)
    }
    state.anchor = layout.clamp(state.anchor, height: state.geometry.body.height)
    keepSelectionVisible(&state)
  }
}
