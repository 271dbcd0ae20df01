/// The pure reducer: the next state from the current one and an action.
///
/// Conversion and layout results it asks for are memoised in caches the state carries; they
/// depend only on their inputs, so reducing the same action on the same state gives the same state.
public enum Reducer {
  public static func reduce(_ state: ReaderState, _ action: Action) -> ReaderState {
    var next = state
    next.effect = nil
    // A resize or a restored place is not the reader's doing, so a note (such as the decoding
    // notice) outlives it.
    switch action {
    case .resize, .ambiguousWidthChanged, .restore: break
    default: next.statusMessage = nil
    }
    if !keepsPlace(action, in: state) { next.pinnedKey = nil }
    switch action {
    case .resize(let size):
      resize(&next, to: size)
      LinkNavigation.dropIfHidden(&next)
    case .ambiguousWidthChanged(let width):
      keepingPlace(&next) { $0.ambiguousWidth = width }
    case .selectEntry(let index):
      select(&next, entry: index)
    case .mouse(let event):
      MouseNavigation.handle(event, on: &next)
      LinkNavigation.dropIfHidden(&next)
    case .measured:
      next.statusMessage = state.statusMessage
      if next.heldWidth != nil { keepingPlace(&next) { _ in } }
      if next.waitsForEnd { run(.bottom, on: &next) }
    case .refreshSearch:
      next.statusMessage = state.statusMessage
      SearchNavigation.refresh(&next)
    case .searchFinished(let results):
      next.statusMessage = state.statusMessage
      SearchNavigation.take(results, on: &next)
    case .firstMatchFound(let pattern, let found):
      next.statusMessage = state.statusMessage
      SearchNavigation.show(found, of: pattern, on: &next)
    case .matchStepFound(let pattern, let step, let found):
      next.statusMessage = state.statusMessage
      SearchNavigation.show(found, of: pattern, after: step, on: &next)
    case .restore(let position):
      restore(position, on: &next)
    case .note(let message):
      next.statusMessage = message
    case .reloaded(let document, let loading, let prepared):
      keepingPlace(&next, documentWide: true) {
        $0.replaceDocument(with: document, isComplete: loading == nil, prepared: prepared)
      }
      next.loading = loading
      next.selection = min(next.selection, max(0, next.document.outline.count - 1))
      next.highlights = []
      next.activeFaction = nil
      next.statusMessage = .reloaded
      if next.focus == .body { followBody(&next) }
      restorePendingPlace(on: &next)
    case .reloadFailed(let failure):
      next.statusMessage = .cannotReload(failure)
    case .documentReplaced(let document, let loading):
      next.statusMessage = state.statusMessage
      keepingText(&next) { $0.replaceDocument(with: document, isComplete: loading == nil) }
      next.selection = min(next.selection, max(0, next.document.outline.count - 1))
      next.loading = loading
      if next.focus == .body || next.document.outline.count == 1 { followBody(&next) }
      restorePendingPlace(on: &next)
    case .documentGrew(let grown, let loading):
      let outlineArrives =
        state.document.outline.isEmpty && grown.declaresOutline && !grown.outline.isEmpty
        && state.anchor == .top && state.selectedLink == nil
      next.statusMessage = state.statusMessage
      // Damage found in the part decoded in the background is told when it arrives.
      if let notice = grown.notice, notice != state.document.notice { next.statusMessage = notice }
      next.growDocument(to: grown, isComplete: loading == nil)
      next.loading = loading
      if next.followsEnd { run(.bottom, on: &next) }
      if next.focus == .body || next.document.outline.count == 1 { followBody(&next) }
      // A long book's table of contents is read after its first page; when it arrives, the
      // outline takes the focus it would have had with the first page, unless the reader has
      // already moved or picked a link in the body.
      if outlineArrives && next.geometry.outline != nil { next.focus = .outline }
      restorePendingPlace(on: &next)
      // `resumed at 21%` said of a first chunk is 0% of the whole: the share follows the growth.
      if case .resumed(_, let section, let then) = next.statusMessage {
        next.statusMessage = .resumed(percent: PlaceNavigation.percent(next), section: section, then: then)
      }
    case .key(let key):
      keyPressed(key, on: &next)
      LinkNavigation.dropIfHidden(&next)
    case .command(let command):
      run(command, on: &next)
      LinkNavigation.dropIfHidden(&next)
    case .opened(let document, let location, let fragment):
      LinkNavigation.opened(document, location: location, fragment: fragment, on: &next)
      // Another file: the remembered place is the first one's.
      next.pendingPlace = nil
      next.movedByReader = true
    case .openFailed(let reason):
      next.statusMessage = reason
    }
    switch action {
    case .key, .command, .mouse, .selectEntry, .opened:
      if next.pendingPlace != nil || !next.movedByReader, movedTheBody(from: state, to: next) {
        next.movedByReader = true
        next.pendingPlace = nil
      }
    default: break
    }
    return next
  }

  /// Changes that re-lay out the body without moving through the text.
  private static let placeKeeping: Set<Command> = [
    .cycleScript, .toggleVocabulary, .toggleOutline, .narrowOutline, .widenOutline, .toggleCodeWrap,
  ]

  private static func keepsPlace(_ action: Action, in state: ReaderState) -> Bool {
    switch action {
    case .resize, .ambiguousWidthChanged: return true
    case .command(let command): return placeKeeping.contains(command)
    case .key(let key):
      guard state.overlay == nil, let command = Keymap.command(for: key) else { return false }
      return placeKeeping.contains(command)
    case .measured: return state.heldWidth != nil
    case .selectEntry, .mouse, .refreshSearch, .searchFinished, .firstMatchFound, .matchStepFound, .restore,
      .opened,
      .openFailed,
      .reloadFailed:
      return false
    case .note: return true
    case .documentGrew, .documentReplaced, .reloaded: return true
    }
  }

  /// Runs a change that re-lays out the body (width, script) and keeps the same text at the top.
  ///
  /// When the layout after the change would have to measure a long paragraph as far as the place
  /// on this thread (megabytes at the end of a 50 MB line: a second or more) while its background
  /// measure is on the way there, the body is held at the width it had, cut at the pane's edge,
  /// and `Action.measured` moves it to the new width once the measure has got there. A change of
  /// document (`documentWide`) holds nothing: the width held belongs to the old one's layouts.
  static func keepingPlace(
    _ state: inout ReaderState, documentWide: Bool = false, _ change: (inout ReaderState) -> Void
  ) {
    let before = state.bodyLayout
    let key = state.pinnedKey ?? before.key(at: state.anchor)
    state.pinnedKey = key
    let targeted = state.jumpTarget?.anchor == state.anchor
    let held = state.heldWidth
    change(&state)
    state.heldWidth = nil
    var after = state.bodyLayout
    if let key, after !== before, !documentWide,
      !after.findsWithoutMeasuring(block: state.anchor.block, key: key)
    {
      state.heldWidth = before.width
      after = state.bodyLayout
      if after === before || after.findsWithoutMeasuring(block: state.anchor.block, key: key) {
        if held == nil || state.statusMessage == nil { state.statusMessage = .layingOutAtNewWidth }
      } else {
        state.heldWidth = nil
        after = state.bodyLayout
      }
    }
    if state.heldWidth == nil && held != nil && state.statusMessage == .layingOutAtNewWidth {
      state.statusMessage = nil
    }
    if let key, after !== before { state.anchor = after.anchor(block: state.anchor.block, key: key) }
    state.anchor = after.clamp(state.anchor, height: state.geometry.body.height)
    // The same text stays at the top, so what the jump went to is still what the reader sees.
    if targeted { state.jumpTarget?.anchor = state.anchor }
    keepSelectionVisible(&state)
  }

  /// Like `keepingPlace`, for a document whose blocks may have shifted (a line that was a
  /// chapter is prose, paragraphs split differently): when the line at the top is no longer the
  /// same text, it is looked for in the blocks around the old place, first as a whole line, then
  /// by its first characters; only the blocks near it are laid out.
  static func keepingText(_ state: inout ReaderState, _ change: (inout ReaderState) -> Void) {
    let top = state.bodyLayout.lines(from: state.anchor, count: 1).first?.text.trimmingWhitespace() ?? ""
    keepingPlace(&state, documentWide: true, change)
    let layout = state.bodyLayout
    guard !top.isEmpty, layout.lines(from: state.anchor, count: 1).first?.text.trimmingWhitespace() != top
    else { return }
    let start = String(top.prefix(6))
    for matches in [{ (line: String) in line == top }, { (line: String) in line.contains(start) }] {
      for distance in 0...64 {
        for block in Set([state.anchor.block - distance, state.anchor.block + distance]).sorted()
        where block >= 0 && block < layout.blockCount {
          // A long paragraph is not laid out whole to look for a line: its place is by its key.
          guard layout.paragraphLines(ofBlock: block) == nil else { continue }
          let lines = layout.lines(ofBlock: block)
          if let line = lines.firstIndex(where: { matches($0.text.trimmingWhitespace()) }) {
            state.anchor = layout.clamp(Anchor(block: block, line: line), height: state.geometry.body.height)
            state.pinnedKey = layout.key(at: state.anchor)
            return
          }
        }
      }
    }
  }

  private static func keyPressed(_ key: Key, on state: inout ReaderState) {
    if state.searchPrompt != nil {
      SearchNavigation.edit(key, on: &state)
      return
    }
    if state.awaitsColonCommand {
      state.awaitsColonCommand = false
      if let command = Keymap.command(for: key, in: .colonCommand) {
        run(command, on: &state)
      } else {
        state.statusMessage = .unknownColonCommand(key.description)
      }
      return
    }
    if state.outlineFilter?.isEditing == true {
      OutlineNavigation.editFilter(key, on: &state)
      return
    }
    if let prefix = state.pendingPrefix, state.overlay == nil {
      state.pendingPrefix = nil
      state.count = nil
      if prefix == .fold {
        OutlineNavigation.fold(key, on: &state)
      } else {
        PlaceNavigation.complete(prefix, with: key, on: &state)
      }
      return
    }
    switch state.overlay {
    case .help:
      scrollHelp(key, on: &state)
    case .factions:
      if let command = Keymap.command(for: key, in: .factionPanel) { run(command, on: &state) }
    case nil:
      guard let command = Keymap.command(for: key) else {
        state.count = nil
        if !state.unknownKeyHintShown {
          state.unknownKeyHintShown = true
          state.statusMessage = .unboundKey(key.description)
        }
        return
      }
      if command == .countDigit, case .character(let character) = key, let digit = character.wholeNumberValue
      {
        state.count = min(99_999, (state.count ?? 0) * 10 + digit)
        state.statusMessage = .count(state.count ?? 0)
        return
      }
      let count = state.count
      state.count = nil
      if let count, command == .top || command == .bottom {
        PlaceNavigation.jumpToHeading(count, on: &state)
        return
      }
      if command == .percentJump {
        PlaceNavigation.jumpToPercent(count, on: &state)
        return
      }
      let repeats = Self.repeatable.contains(command) ? max(1, count ?? 1) : 1
      for _ in 0..<repeats { run(command, on: &state) }
    }
  }

  /// Whether the end is not known yet because a long paragraph before it is still measured in
  /// the background: the body then stays, the status line says so, and `Action.measured` goes
  /// to the end once it is known (a key pressed meanwhile cancels it).
  private static func awaitsEnd(_ state: inout ReaderState, height: Int) -> Bool {
    guard !state.bodyLayout.knowsLastAnchor(height: height) else {
      if state.statusMessage == .measuringToEnd { state.statusMessage = nil }
      return false
    }
    state.followsEnd = true
    state.statusMessage = .measuringToEnd
    return true
  }

  /// Movements that a count prefix repeats.
  private static let repeatable: Set<Command> = [
    .lineUp, .lineDown, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .previousHeading, .nextHeading,
  ]

  private static func run(_ command: Command, on state: inout ReaderState) {
    state.followsEnd = command == .bottom && state.loading != nil
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
      if state.focus == .body && state.selectedLink != nil {
        LinkNavigation.follow(&state)
      } else {
        state.focus = .body
      }
    case .nextLink, .previousLink:
      LinkNavigation.step(&state, forward: command == .nextLink)
    case .goBack:
      LinkNavigation.back(&state)
    case .copyLink:
      LinkNavigation.copy(&state)
    case .lineUp:
      inOutline ? OutlineNavigation.move(&state, by: -1) : scroll(&state, by: -1)
    case .lineDown:
      inOutline ? OutlineNavigation.move(&state, by: 1) : scroll(&state, by: 1)
    case .pageUp:
      inOutline ? OutlineNavigation.move(&state, by: -outlineHeight) : scroll(&state, by: -bodyHeight)
    case .pageDown:
      inOutline ? OutlineNavigation.move(&state, by: outlineHeight) : scroll(&state, by: bodyHeight)
    case .top:
      if inOutline {
        OutlineNavigation.selectRow(0, on: &state)
      } else {
        state.anchor = .top
        followBody(&state)
      }
    case .bottom:
      if inOutline {
        let rows = state.outlineRowCount
        OutlineNavigation.selectRow(rows - 1, on: &state)
        // The end is in the last heading's section (folded or not), so the body goes to the end
        // as it does from the body: a long last chapter would otherwise stop at its start, at 99%.
        // A filter may list an earlier heading last: the body then shows that one.
        let listsLast = rows > 0 && state.outlineEntry(atRow: rows - 1) == state.document.outline.count - 1
        if state.outlineFilter == nil || listsLast {
          guard !awaitsEnd(&state, height: bodyHeight) else { break }
          state.anchor = state.bodyLayout.lastAnchor(height: bodyHeight)
        }
      } else {
        guard !awaitsEnd(&state, height: bodyHeight) else { break }
        state.anchor = state.bodyLayout.lastAnchor(height: bodyHeight)
        followBody(&state)
      }
    case .halfPageUp:
      scroll(&state, by: -max(1, bodyHeight / 2))
    case .halfPageDown:
      scroll(&state, by: max(1, bodyHeight / 2))
    case .previousHeading, .nextHeading:
      jumpHeading(&state, forward: command == .nextHeading)
    case .toggleOutline:
      keepingPlace(&state) { $0.outlineVisible.toggle() }
      if state.geometry.outline == nil { state.focus = .body }
    case .narrowOutline, .widenOutline:
      OutlineNavigation.changeShare(&state, wider: command == .widenOutline)
    case .foldPrefix:
      state.pendingPrefix = .fold
      state.statusMessage = .foldPrompt
    case .foldToLevel, .unfoldAll, .toggleBranch:
      break
    case .filterOutline:
      OutlineNavigation.startFilter(&state)
    case .submitFilter, .cancelFilter, .deleteFilterCharacter:
      break
    case .startSearch:
      SearchNavigation.start(&state)
    case .nextMatch, .previousMatch:
      SearchNavigation.refresh(&state)
      SearchNavigation.jump(&state, forward: command == .nextMatch)
    case .clearHighlights:
      SearchNavigation.clearHighlights(&state)
    case .submitSearch, .cancelSearch, .deleteSearchText, .moveSearchCursor, .recallSearch,
      .toggleSearchRegex:
      break
    case .colonCommand:
      state.awaitsColonCommand = true
      state.statusMessage = .colonPrompt
    case .chooseDocument, .forgetDocument:
      break
    case .nextDocument, .previousDocument:
      let forward = command == .nextDocument
      guard let sequence = state.sequence, forward ? sequence.index + 1 < sequence.count : sequence.index > 0
      else {
        let place = state.sequence?.label
        state.statusMessage = forward ? .noNextDocument(place: place) : .noPreviousDocument(place: place)
        return
      }
      state.leaving = forward ? .nextDocument : .previousDocument
      state.isRunning = false
    case .openShelf:
      state.leaving = .shelf
      state.isRunning = false
    case .reload:
      // Reading the file is the run loop's business; it answers with documentGrew.
      state.statusMessage = .reloading
    case .countDigit, .suspend, .interrupt:
      // Suspending and interrupting are the terminal's business: the run loop raises the signal.
      break
    case .cycleScript:
      var setting = state.setting
      setting.script = setting.script.next
      changeSetting(&state, to: setting)
    case .toggleVocabulary:
      var setting = state.setting
      setting.vocabulary.toggle()
      changeSetting(&state, to: setting)
      if state.setting == setting && state.statusMessage == nil {
        if setting.script == .original {
          // The text as written is never converted, so the choice only shows after t.
          state.statusMessage = setting.vocabulary ? .vocabularyOnInOriginal : .vocabularyOffInOriginal
        } else {
          state.statusMessage = setting.vocabulary ? .vocabularyLocalised : .vocabularyAsWritten
        }
      }
    case .toggleCodeWrap:
      let chopped = state.codeLines == .wrapped
      keepingPlace(&state) { $0.codeLines = chopped ? .chopped(shift: 0) : .wrapped }
      state.statusMessage = chopped ? .codeLinesChopped : .codeLinesWrapped
    case .scrollLeft, .scrollRight:
      scrollSideways(&state, right: command == .scrollRight)
    case .showHelp:
      state.overlay = .help
      state.helpTop = 0
    case .nextFaction:
      FactionNavigation.highlightNext(&state)
    case .openFactions:
      FactionNavigation.openPanel(&state)
    case .nextMention:
      FactionNavigation.nextMention(&state)
    case .setMark, .jumpToMark:
      let prefix: KeyPrefix = command == .setMark ? .setMark : .jumpToMark
      state.pendingPrefix = prefix
      state.statusMessage = PlaceNavigation.prompt(for: prefix)
    case .percentJump:
      PlaceNavigation.jumpToPercent(nil, on: &state)
    case .closePanel:
      state.overlay = nil
    case .panelUp, .panelDown:
      if case .factions(let selection) = state.overlay,
        let count = state.factions.foundSummary??.factions.count
      {
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

  /// A key while the help is open: its own keys scroll it or close it; any other closes it too.
  private static func scrollHelp(_ key: Key, on state: inout ReaderState) {
    let layout = HelpLayout(size: state.size, language: state.language)
    let page = layout.visibleRows
    switch Keymap.command(for: key, in: .help) {
    case .lineUp: scrollHelp(by: -1, on: &state)
    case .lineDown: scrollHelp(by: 1, on: &state)
    case .pageUp: scrollHelp(by: -page, on: &state)
    case .pageDown: scrollHelp(by: page, on: &state)
    case .top: state.helpTop = 0
    case .bottom: state.helpTop = layout.maxTop
    default: state.overlay = nil
    }
  }

  /// Moves the help `lines` down (up when negative), within its first and last page.
  static func scrollHelp(by lines: Int, on state: inout ReaderState) {
    let layout = HelpLayout(size: state.size, language: state.language)
    state.helpTop = max(0, min(min(state.helpTop, layout.maxTop) + lines, layout.maxTop))
  }

  /// Goes back to a remembered place, script, outline visibility and marks, and says where
  /// (`resumed at 42% · 第三章`) unless that is the very top.
  private static func restore(_ position: ReadingPosition, on state: inout ReaderState) {
    // Marks made since the document opened win over remembered ones of the same letter.
    state.marks = position.markPlaces.merging(state.marks) { _, made in made }
    // The reader has gone somewhere else already: the remembered place would take them away.
    guard !state.movedByReader else { return }
    if let script = DisplayScript(rawValue: position.script), script != state.setting.script {
      var setting = state.setting
      setting.script = script
      if state.conversions.prepare(setting) == nil { state.setting = setting }
    }
    state.outlineVisible = position.outlineVisible
    if state.geometry.outline == nil { state.focus = .body }
    state.pendingPlace = position
    restorePendingPlace(on: &state)
  }

  /// Goes to the remembered place once the document has grown past it by a screen (or is
  /// whole); the script and the rest were restored with it.
  private static func restorePendingPlace(on state: inout ReaderState) {
    guard let place = state.pendingPlace,
      place.block < state.document.blocks.count || state.loading == nil
    else { return }
    let target = place.anchor(in: state.bodyLayout)
    // In the last screen of what has loaded, the place would be pulled up to fill the screen
    // (and stay there as the document grows): it waits for the text after it.
    if state.loading != nil && state.bodyLayout.clamp(target, height: state.geometry.body.height) != target {
      return
    }
    state.pendingPlace = nil
    show(target, on: &state)
    if !state.document.outline.isEmpty, state.currentEntry != nil { state.focus = .body }
    guard state.anchor != .top else { return }
    state.statusMessage = .resumed(
      percent: PlaceNavigation.percent(state), section: PlaceNavigation.section(state),
      then: state.statusMessage)
  }

  /// Whether `action`, a key or the mouse, left other text at the top of the body: a toggle or a
  /// resize lays the same text out again (another line of the block may be at the top), a
  /// movement goes elsewhere.
  private static func movedTheBody(from state: ReaderState, to next: ReaderState) -> Bool {
    guard next.anchor != state.anchor else { return false }
    guard next.anchor.block == state.anchor.block else { return true }
    return next.bodyLayout.key(at: next.anchor) != state.bodyLayout.key(at: state.anchor)
  }

  /// Shows the text in another script or vocabulary, keeping the same text at the top.
  private static func changeSetting(_ state: inout ReaderState, to setting: ConversionCache.Setting) {
    if let failure = state.conversions.prepare(setting) {
      state.statusMessage = .conversionFailed(failure)
      return
    }
    keepingPlace(&state) { $0.setting = setting }
    noteFallbackDictionaries(&state)
    if state.activeFaction != nil && !state.highlights.isEmpty && state.mentionIndex != nil {
      state.highlights = []
    }
  }

  /// Says once per session that the compiled OpenCC 1.4.2 dictionaries are missing and the
  /// system's are converting instead.
  static func noteFallbackDictionaries(_ state: inout ReaderState) {
    guard !state.fallbackNoticeShown,
      let folder = state.converter.fallbackFolder(
        for: state.setting.script, vocabulary: state.setting.vocabulary)
    else { return }
    state.fallbackNoticeShown = true
    state.statusMessage = .fallbackDictionaries(folder: folder)
  }

  /// `[` and `]`: the heading before or after the text at the top of the body.
  private static func jumpHeading(_ state: inout ReaderState, forward: Bool) {
    let entries = state.document.outline.entries
    guard !entries.isEmpty else { return }
    let layout = state.bodyLayout
    let target: Int?
    if forward {
      target = entries.indices.first { layout.anchor(of: entries[$0]) > state.anchor }
    } else {
      target = entries.indices.last { layout.anchor(of: entries[$0]) < state.anchor }
    }
    guard let target else {
      state.statusMessage = forward ? .noHeadingBelow : .noHeadingAbove
      return
    }
    select(&state, entry: target)
  }

  /// Selects an outline entry and brings its heading to the top of the body.
  static func select(_ state: inout ReaderState, entry: Int) {
    let outline = state.document.outline
    guard !outline.isEmpty else { return }
    state.selection = min(max(0, entry), outline.count - 1)
    let layout = state.bodyLayout
    state.anchor = layout.clamp(
      layout.anchor(of: outline[state.selection]), height: state.geometry.body.height)
    // A heading a fold hides is shown under the heading it is folded into.
    if state.outlineRowCount > 0 {
      state.selection = state.outlineEntry(atRow: state.outlineRow(ofEntry: state.selection))
    }
    keepSelectionVisible(&state)
  }

  /// Left and Right: moves chopped code lines half a body width, as less does; the rows stay.
  private static func scrollSideways(_ state: inout ReaderState, right: Bool) {
    guard case .chopped(let shift) = state.codeLines else {
      state.statusMessage = .codeLinesWrapHint
      return
    }
    let step = max(1, state.geometry.body.width / 2)
    if right {
      let visible = state.bodyLayout.lines(from: state.anchor, count: max(1, state.geometry.body.height))
      guard visible.contains(where: \.continuesRight) else {
        state.statusMessage = .noCodeLineToTheRight
        return
      }
      state.codeLines = .chopped(shift: shift + step)
    } else if shift > 0 {
      state.codeLines = .chopped(shift: max(0, shift - step))
    }
    state.anchor = state.bodyLayout.clamp(state.anchor, height: state.geometry.body.height)
  }

  static func scroll(_ state: inout ReaderState, by lines: Int) {
    let layout = state.bodyLayout
    state.anchor = layout.clamp(layout.move(state.anchor, by: lines), height: state.geometry.body.height)
    followBody(&state)
  }

  /// Shows what a jump went to (a match, a mention, a mark): at the top of the body, or `above`
  /// lines below it, unless `onlyIfHidden` and it is on screen already. The body takes the
  /// focus, and the outline and the status line name the section that holds the target, even
  /// when the end of the document keeps it below the top line. A jump that moves the body
  /// remembers where it was, for `''`.
  static func reveal(
    _ target: Anchor, above: Int = 0, onlyIfHidden: Bool = false, on state: inout ReaderState
  ) {
    let layout = state.bodyLayout
    let height = state.geometry.body.height
    let bottom = layout.move(state.anchor, by: max(0, height - 1))
    let hidden = target < state.anchor || target > bottom
    let top = !onlyIfHidden || hidden ? layout.move(target, by: -above) : state.anchor
    reveal(target, top: top, from: state.anchor, on: &state)
  }

  /// Shows a jump's `target` with `top` (clamped) at the top of the body; `origin` is where the
  /// jump started (a search prompt's, while it is typed), remembered for `''` when the body moved.
  static func reveal(_ target: Anchor, top: Anchor, from origin: Anchor, on state: inout ReaderState) {
    let layout = state.bodyLayout
    let shown = layout.clamp(top, height: state.geometry.body.height)
    if shown != origin, let key = layout.key(at: origin) {
      state.placeBeforeJump = TextPosition(block: origin.block, key: key)
    }
    state.anchor = shown
    state.jumpTarget = JumpTarget(entry: layout.entryIndex(at: target), anchor: state.anchor)
    state.focus = .body
    followBody(&state)
  }

  /// Puts `anchor` at the top of the body (as near as the end allows) and selects its section.
  static func show(_ anchor: Anchor, on state: inout ReaderState) {
    state.anchor = state.bodyLayout.clamp(anchor, height: state.geometry.body.height)
    followBody(&state)
  }

  /// Makes the outline selection follow the section at the top of the body (or, folded away,
  /// the heading it is under).
  static func followBody(_ state: inout ReaderState) {
    guard !state.document.outline.isEmpty else { return }
    let current = state.currentEntry ?? 0
    state.selection =
      state.outlineRowCount > 0 ? state.outlineEntry(atRow: state.outlineRow(ofEntry: current)) : current
    keepSelectionVisible(&state)
  }

  /// Scrolls the outline (`outlineTop` counts its rows) so that the selected entry's row shows.
  static func keepSelectionVisible(_ state: inout ReaderState) {
    let height = max(1, state.geometry.outline?.height ?? 1)
    let row = state.outlineRow(ofEntry: state.selection)
    if row < state.outlineTop { state.outlineTop = row }
    if row >= state.outlineTop + height { state.outlineTop = row - height + 1 }
    state.outlineTop = max(0, min(state.outlineTop, state.outlineRowCount - height))
  }

  private static func resize(_ state: inout ReaderState, to size: TerminalSize) {
    keepingPlace(&state) { $0.size = size }
    if state.focus == .outline && state.geometry.outline == nil { state.focus = .body }
  }
}
