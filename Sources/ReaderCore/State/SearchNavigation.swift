/// What `/`, the search prompt, `n` and `N` do to the state.
enum SearchNavigation {
  /// An index up to this size is searched for a literal pattern on the key path (a few
  /// milliseconds at most); a larger one, or a regular expression, is searched in the background.
  static let inlineSearchLimit = 2 << 20

  /// `/`: opens the prompt. The last search stays (highlighted, for n/N) until a pattern is typed
  /// and comes back on Esc.
  static func start(_ state: inout ReaderState) {
    state.searchPrompt = SearchPrompt(origin: state.anchor, previous: state.search)
    state.overlay = nil
  }

  /// A key while the prompt is open: edit the line, recall history, or finish with Enter / Esc.
  static func edit(_ key: Key, on state: inout ReaderState) {
    guard var prompt = state.searchPrompt else { return }
    let before = prompt.pattern
    switch Keymap.command(for: key, in: .searchPrompt) {
    case .submitSearch:
      submit(&state)
      return
    case .cancelSearch:
      cancel(&state)
      return
    case .deleteSearchText:
      if prompt.line.isEmpty && key == .backspace {
        // Backspace on an empty line closes the prompt, as in less and vim.
        cancel(&state)
        return
      }
      switch key {
      case .control("w"): prompt.line.deleteWordBackward()
      case .control("u"): prompt.line.deleteToStart()
      case .delete: prompt.line.deleteForward()
      default: prompt.line.deleteBackward()
      }
      prompt.recalled = nil
    case .moveSearchCursor:
      switch key {
      case .left: prompt.line.moveLeft()
      case .right: prompt.line.moveRight()
      case .home, .control("a"): prompt.line.moveToStart()
      default: prompt.line.moveToEnd()
      }
    case .recallSearch:
      guard recall(older: key == .up, in: &prompt, history: state.searchHistory) else {
        state.searchPrompt = prompt
        state.statusMessage = key == .up ? .noEarlierSearch : .noLaterSearch
        return
      }
    case .toggleSearchRegex:
      prompt.isRegex.toggle()
    default:
      guard case .character(let character) = key else { return }
      guard prompt.line.count < SearchPattern.maximumLength else {
        state.statusMessage = .patternTooLong(limit: SearchPattern.maximumLength)
        return
      }
      prompt.line.insert(character)
      prompt.recalled = nil
    }
    state.searchPrompt = prompt
    if prompt.pattern != before { patternChanged(&state) }
  }

  /// Up (older) and Down (newer) through the history; Down past the newest entry brings back the
  /// line that was being typed. False when there is nothing further that way.
  private static func recall(older: Bool, in prompt: inout SearchPrompt, history: SearchHistory) -> Bool {
    let entries = history.entries
    let next: Int?
    switch (prompt.recalled, older) {
    case (nil, true): next = entries.isEmpty ? nil : entries.count - 1
    case (let shown?, true): next = shown > 0 ? shown - 1 : nil
    case (nil, false): return false
    case (let shown?, false): next = shown + 1
    }
    guard let next else { return false }
    if prompt.recalled == nil { prompt.draft = prompt.pattern }
    let pattern: SearchPattern
    if next < entries.count {
      prompt.recalled = next
      pattern = entries[next]
    } else {
      prompt.recalled = nil
      pattern = prompt.draft ?? SearchPattern("")
      prompt.draft = nil
    }
    prompt.line = PromptLine(pattern.text)
    prompt.isRegex = pattern.isRegex
    return true
  }

  /// The pattern in the prompt may have changed: preview its first match after where the prompt
  /// opened (the body moves there), or with an empty line go back to where it was.
  private static func patternChanged(_ state: inout ReaderState) {
    guard let prompt = state.searchPrompt else { return }
    let pattern = prompt.pattern
    if pattern.text.isEmpty {
      state.search = prompt.previous
      Reducer.show(prompt.origin, on: &state)
      return
    }
    var search = SearchState(pattern: pattern)
    search.awaitsFirstMatch = pattern.problem == nil
    state.search = search
    refresh(&state)
  }

  /// Enter: goes to the first match after where the prompt opened. An empty pattern repeats the
  /// last search (as `n` does), as in less and vim. An invalid regular expression keeps the prompt
  /// open with the reason.
  static func submit(_ state: inout ReaderState) {
    guard let prompt = state.searchPrompt else { return }
    let pattern = prompt.pattern
    if let problem = pattern.problem {
      state.statusMessage = .invalidRegex(reason: problem)
      return
    }
    state.searchPrompt = nil
    if pattern.text.isEmpty {
      state.search = prompt.previous
      guard prompt.previous != nil else {
        state.statusMessage = .noSearchToRepeat
        return
      }
      refresh(&state)
      jump(&state, forward: true)
      return
    }
    state.searchHistory.record(pattern)
    if state.search?.pattern != pattern { state.search = SearchState(pattern: pattern) }
    state.search?.hidesHighlights = false
    refresh(&state)
    guard let search = state.search else { return }
    if let results = search.results {
      guard let step = results.firstMatch(atOrAfter: prompt.origin, in: state.bodyLayout) else {
        state.statusMessage = .noMatch(pattern)
        return
      }
      state.search?.current = step.index
      reveal(step.match, from: prompt.origin, on: &state)
      state.statusMessage = .match(
        index: step.index + 1, count: results.count, capped: results.isCapped,
        wrapped: step.wrapped ? .toTop : nil)
    } else if let found = search.firstFound {
      state.statusMessage = .matchCounting(wrapped: found.wrapped ? .toTop : nil)
    } else {
      state.search?.awaitsFirstMatch = true
      state.statusMessage = .searching
    }
  }

  /// Esc and Ctrl-C: closes the prompt; the body and the last search are as they were before it.
  static func cancel(_ state: inout ReaderState) {
    guard let prompt = state.searchPrompt else { return }
    state.searchPrompt = nil
    state.search = prompt.previous
    Reducer.show(prompt.origin, on: &state)
  }

  /// Runs the search against the index if it is built and small enough to search on the key
  /// path; otherwise the run loop searches in the background and hands over the results.
  static func refresh(_ state: inout ReaderState) {
    guard let search = state.search, search.results == nil || search.isOutgrown,
      let index = state.searchIndexes.builtIndex(for: state.setting),
      !search.pattern.isRegex, index.normalizedByteCount <= inlineSearchLimit
    else { return }
    take(index.results(for: search.pattern), on: &state)
  }

  /// The results for the current search, made on the key path or in the background. While typing
  /// they preview the first match after where the prompt opened; when a first match was shown
  /// before, it gets its place in the count (`match 2/9`); when Enter was waiting for one, the
  /// search goes to it now. Results for another pattern are ignored.
  static func take(_ results: SearchResults, on state: inout ReaderState) {
    guard var search = state.search, search.results == nil || search.isOutgrown,
      search.pattern == results.pattern
    else { return }
    let outgrown = search.isOutgrown
    search.results = results
    search.isOutgrown = false
    state.search = search
    if outgrown {
      // The count of a document grown since: matches are only ever appended, so the one gone to
      // keeps its number, and a count on the status line grows.
      if case .match(let index, _, _, let wrapped) = state.statusMessage {
        state.statusMessage = .match(
          index: index, count: results.count, capped: results.isCapped, wrapped: wrapped)
      }
      return
    }
    if let prompt = state.searchPrompt {
      guard !prompt.line.isEmpty else { return }
      state.search?.awaitsFirstMatch = false
      if let step = results.firstMatch(atOrAfter: prompt.origin, in: state.bodyLayout) {
        state.search?.current = step.index
        reveal(step.match, from: prompt.origin, on: &state)
      } else {
        Reducer.show(prompt.origin, on: &state)
      }
      return
    }
    let step = search.awaitsStep
    state.search?.awaitsStep = nil
    if let found = search.firstFound, let position = results.matches.firstIndex(of: found.match) {
      state.search?.current = position
      state.search?.awaitsFirstMatch = false
      var wrapped: Message.Wrap? = found.wrapped ? .toTop : nil
      if case .matchCounting(let shown) = state.statusMessage { wrapped = shown }
      state.statusMessage = .match(
        index: position + 1, count: results.count, capped: results.isCapped, wrapped: wrapped)
      // `n` or `N` typed before the count goes on from the match shown.
      if let step { jump(&state, forward: step.forward) }
    } else if search.awaitsFirstMatch {
      state.search?.awaitsFirstMatch = false
      jump(&state, forward: true, fromTop: true)
    }
  }

  /// Shows the first match found by the background scan while the count is still being made
  /// (`match …/…`), or while typing; ignored when the pattern changed or the results came first.
  static func show(_ found: FirstMatchScan.Found?, of pattern: SearchPattern, on state: inout ReaderState) {
    guard let search = state.search, search.pattern == pattern, search.results == nil,
      search.awaitsFirstMatch, search.firstFound == nil
    else { return }
    let prompt = state.searchPrompt
    guard let found else {
      state.search?.awaitsFirstMatch = false
      if let prompt {
        Reducer.show(prompt.origin, on: &state)
      } else {
        state.statusMessage = .noMatch(pattern)
      }
      return
    }
    state.search?.firstFound = found
    reveal(found.match, from: prompt?.origin ?? state.anchor, on: &state)
    if prompt == nil { state.statusMessage = .matchCounting(wrapped: found.wrapped ? .toTop : nil) }
  }

  /// Shows the match found for `n` or `N` (`step`) while the count is still being made, and
  /// makes it the one the next step and the count start from; ignored when the search or the
  /// step asked for changed, or the results came first.
  static func show(
    _ found: FirstMatchScan.Found?, of pattern: SearchPattern, after step: FirstMatchScan.Step,
    on state: inout ReaderState
  ) {
    guard let search = state.search, search.pattern == pattern, search.results == nil,
      search.awaitsStep == step
    else { return }
    state.search?.awaitsStep = nil
    guard let found else {
      state.statusMessage = .noMatch(pattern)
      return
    }
    state.search?.firstFound = found
    reveal(found.match, from: state.anchor, on: &state)
    state.statusMessage = .matchCounting(wrapped: found.wrapped ? (step.forward ? .toTop : .toBottom) : nil)
  }

  /// Shows `match`: the body stays at `origin` when the match is on that screen, else the match
  /// comes to the third row.
  private static func reveal(_ match: SearchMatch, from origin: Anchor, on state: inout ReaderState) {
    revealSideways(match, on: &state)
    let layout = state.bodyLayout
    let anchor = match.anchor(in: layout)
    let bottom = layout.move(origin, by: max(0, state.geometry.body.height - 1))
    let top = anchor < origin || anchor > bottom ? layout.move(anchor, by: -2) : origin
    Reducer.reveal(anchor, top: top, from: origin, on: &state)
  }

  /// `n` (forward) and `N`: the next or previous match of the last search, wrapping with a note;
  /// the highlights come back if they were cleared.
  static func jump(_ state: inout ReaderState, forward: Bool, fromTop: Bool = false) {
    guard let search = state.search, !search.query.isEmpty else {
      state.statusMessage = .noSearchYet
      return
    }
    state.search?.hidesHighlights = false
    guard let results = search.results else {
      if let found = search.firstFound, !fromTop {
        // The count is not there yet: the next match is looked for from the one shown.
        state.search?.awaitsStep = FirstMatchScan.Step(from: found.match, forward: forward)
        state.statusMessage = .searching
      } else {
        state.search?.awaitsFirstMatch = true
        state.statusMessage = .searching
      }
      return
    }
    guard !results.isEmpty else {
      state.statusMessage = .noMatch(search.pattern)
      return
    }
    let step: SearchResults.Step?
    let layout = state.bodyLayout
    if let current = search.current, !fromTop {
      step = forward ? results.match(after: current) : results.match(before: current)
    } else {
      step =
        forward
        ? results.firstMatch(atOrAfter: state.anchor, in: layout)
        : results.lastMatch(before: state.anchor, in: layout)
    }
    guard let step else { return }
    state.search?.current = step.index
    reveal(step.match, from: state.anchor, on: &state)
    state.statusMessage = .match(
      index: step.index + 1, count: results.count, capped: results.isCapped,
      wrapped: step.wrapped ? (forward ? .toTop : .toBottom) : nil)
  }

  /// Esc in the panes: the search and faction highlights go until the next `n`, `N` or `f`.
  static func clearHighlights(_ state: inout ReaderState) {
    let search = state.search
    let searchShown = search.map {
      !$0.hidesHighlights && ($0.results?.isEmpty == false || $0.firstFound != nil)
    }
    guard searchShown == true || !state.highlights.isEmpty else {
      state.statusMessage = .nothingHighlighted
      return
    }
    state.search?.hidesHighlights = true
    state.highlights = []
    state.statusMessage = .highlightsCleared
  }

  /// With code lines chopped, scrolls the body sideways (as Left/Right do) so that a match in a
  /// code line off to the left or right of the screen comes into view. A chopped code line takes
  /// one row whatever the shift, so the rows, and the anchor, stay as they are.
  private static func revealSideways(_ match: SearchMatch, on state: inout ReaderState) {
    guard case .chopped(let shift) = state.codeLines, match.topIndex < state.document.blocks.count,
      let text = codeText(leaf: match.leafID, in: state.document.blocks[match.topIndex])
    else { return }
    let clusters = Cluster.clusters(of: [InlineRun(text)])
    guard match.offset < clusters.count else { return }
    var lineStart = match.offset
    while lineStart > 0 && !clusters[lineStart - 1].isNewline { lineStart -= 1 }
    let column = clusters[lineStart..<match.offset].reduce(0) { $0 + $1.width }
    let end = min(clusters.count, match.offset + match.length)
    let width = clusters[match.offset..<end].reduce(0) { $0 + $1.width }
    // The rule, indentation and the « » marks take a few columns of the body.
    let room = max(1, state.geometry.body.width - 6)
    if column >= shift && column + width <= shift + room { return }
    state.codeLines = .chopped(shift: max(0, column - room / 3))
  }

  /// The text of code block `leaf` inside `block`, or nil when the leaf is not a code block.
  private static func codeText(leaf: Int, in block: Block) -> String? {
    if block.id == leaf {
      if case .code(_, let text) = block.kind { return text }
      return nil
    }
    for child in block.children {
      if let text = codeText(leaf: leaf, in: child) { return text }
    }
    return nil
  }
}
